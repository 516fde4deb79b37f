package org.feedwerk.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.feedwerk.config.SourceFormat;
import org.feedwerk.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** NewsML-G2 and ninjs documents the team wrote, one quirk each. */
class WireFormatsTest {
    private final FeedParsers parsers = new FeedParsers();

    private ParsedFeed parse(String fixture) {
        return parsers.parse(new Payload(Fixtures.bytes("wire/" + fixture), null, fixture), SourceFormat.AUTO);
    }

    @Test
    void readsANewsItemWithXhtmlBody() {
        ParsedFeed feed = parse("newsml-v1-usable.xml");

        assertThat(feed.format()).isEqualTo(FeedFormat.NEWSML_G2);
        Item item = feed.items().get(0);
        assertThat(item.guid()).isEqualTo("urn:newsml:harbour-wire.example:20261129:hw-1001");
        assertThat(item.version()).isEqualTo(1L);
        assertThat(item.pubStatus()).isEqualTo(PubStatus.USABLE);
        assertThat(item.title()).isEqualTo("Port authority approves ferry terminal");
        assertThat(item.summaryHtml()).isEqualTo("<p>The terminal ends a four-year dispute.</p>");
        assertThat(item.contentHtml())
                .contains("<p xmlns=\"http://www.w3.org/1999/xhtml\">The port authority approved");
        assertThat(item.authors()).containsExactly("Mara Keller");
        assertThat(item.categories()).containsExactly("transport");
        assertThat(item.dateline()).isEqualTo("LINDHOLM, Nov 29");
        assertThat(item.language()).isEqualTo("en");
        assertThat(item.published()).isEqualTo(Instant.parse("2026-11-29T08:00:00Z"));
        assertThat(item.updated()).isEqualTo(Instant.parse("2026-11-29T10:00:00Z"));
        assertThat(item.rights())
                .isEqualTo("© Harbour Wire. Licensed to subscribers for translation and "
                        + "republication with attribution.");
        assertThat(item.embargoed()).isNull();
        assertThat(item.correction()).isFalse();
    }

    @Test
    void readsStatusEmbargoAndCorrectionSignals() {
        assertThat(parse("newsml-v2-correction.xml").items().get(0).correction())
                .isTrue();
        assertThat(parse("newsml-v3-withheld.xml").items().get(0).pubStatus()).isEqualTo(PubStatus.WITHHELD);
        assertThat(parse("newsml-v5-canceled.xml").items().get(0).pubStatus()).isEqualTo(PubStatus.CANCELED);
        assertThat(parse("newsml-embargo.xml").items().get(0).embargoed())
                .isEqualTo(Instant.parse("2026-11-29T14:00:00Z"));
    }

    @Test
    void readsANewsMessageWithNitfAndPlainTextBodies() {
        ParsedFeed feed = parse("newsml-message-nitf.xml");

        assertThat(feed.items()).hasSize(2);
        Item nitf = feed.items().get(0);
        assertThat(nitf.authors()).containsExactly("Ilse Brandt");
        assertThat(nitf.contentHtml())
                .contains("Gusts of up to 110 km/h are expected.")
                .contains("<h2")
                .contains("Ferries</h2>")
                .doesNotContain("hl1");
        Item plain = feed.items().get(1);
        assertThat(plain.version()).isEqualTo(2L);
        assertThat(plain.contentHtml())
                .isEqualTo("<p>The lighthouse museum reopened on Saturday.</p>"
                        + "<p>Visitors can see the lens collection again.</p>");
    }

    @Test
    void readsAPackageItemAsAGroupingOfItems() {
        ParsedFeed feed = parse("newsml-package.xml");

        assertThat(feed.items()).isEmpty();
        assertThat(feed.packages())
                .containsExactly(new ItemPackage(
                        "urn:newsml:harbour-wire.example:20261129:pkg-weekend",
                        "Weekend on the coast",
                        List.of(
                                "urn:newsml:harbour-wire.example:20261129:hw-3001",
                                "urn:newsml:harbour-wire.example:20261129:hw-3002")));
    }

    @Test
    void readsSluglineAndUrgency() {
        Item item = parse("newsml-v1-usable.xml").items().get(0);

        assertThat(item.slugline()).isEqualTo("PORT-TERMINAL");
        assertThat(item.urgency()).isEqualTo(4);
    }

    @Test
    void malformedNewsMlIsRefusedWithAReason() {
        assertThatThrownBy(() -> parse("newsml-malformed.xml"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("malformed XML");
    }

    @Test
    void readsNinjs1() {
        ParsedFeed feed = parse("ninjs-1.json");

        assertThat(feed.format()).isEqualTo(FeedFormat.NINJS);
        Item item = feed.items().get(0);
        assertThat(item.guid()).isEqualTo("urn:ninjs:harbour-wire.example:hw-4001");
        assertThat(item.version()).isEqualTo(2L);
        assertThat(item.title()).isEqualTo("Bridge reopens after repairs");
        assertThat(item.contentHtml()).isEqualTo("<p>The bridge reopened on Friday.</p>");
        assertThat(item.summaryHtml()).isEqualTo("<p>Traffic flows again.</p>");
        assertThat(item.authors()).containsExactly("Ada Norr");
        assertThat(item.embargoed()).isEqualTo(Instant.parse("2026-11-29T12:00:00Z"));
        assertThat(item.categories()).containsExactly("transport");
        assertThat(item.images())
                .containsExactly(new ItemImage("https://harbour-wire.example/img/bridge.jpg", "The bridge at dawn."));
        assertThat(item.rights()).isEqualTo("Licensed to subscribers.");
        assertThat(item.dateline()).isEqualTo("Lindholm");
    }

    @Test
    void readsNinjs2ListsOfHeadlinesBodiesAndPeople() {
        ParsedFeed feed = parse("ninjs-2.json");

        Item item = feed.items().get(0);
        assertThat(item.title()).isEqualTo("Port deal signed with shipping lines");
        assertThat(item.contentHtml()).isEqualTo("<p>Three shipping lines signed the deal.</p>");
        assertThat(item.summaryHtml()).isEqualTo("<p>Three lines commit to the new terminal.</p>");
        assertThat(item.authors()).containsExactly("Per Holm");
        assertThat(item.pubStatus()).isEqualTo(PubStatus.WITHHELD);
        assertThat(item.images())
                .extracting(ItemImage::url)
                .containsExactly("https://harbour-wire.example/img/deal.jpg");
        assertThat(feed.items().get(1).pubStatus()).isEqualTo(PubStatus.CANCELED);
    }
}
