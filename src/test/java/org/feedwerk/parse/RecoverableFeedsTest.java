package org.feedwerk.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.feedwerk.config.SourceFormat;
import org.feedwerk.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What mainstream feed readers forgive, Feedwerk forgives too (one case per real-world defect); what they refuse
 * is refused with a reason that says what is wrong.
 */
class RecoverableFeedsTest {
    private final FeedParsers parsers = new FeedParsers();

    private ParsedFeed parse(byte[] bytes, SourceFormat format) {
        return parsers.parse(new Payload(bytes, null, "test.xml"), format);
    }

    private ParsedFeed parse(String text) {
        return parse(text.getBytes(StandardCharsets.UTF_8), SourceFormat.AUTO);
    }

    private ParsedFeed realWorld(String fixture) {
        return parse(Fixtures.bytes("realworld/" + fixture), SourceFormat.AUTO);
    }

    @ParameterizedTest
    @CsvSource({"AUTO", "RSS"})
    void whitespaceAndABomBeforeTheXmlDeclarationAreSkipped(SourceFormat format) {
        assertThat(parse(Fixtures.bytes("realworld/illformed/rss-bom-and-whitespace-before-prolog.xml"), format)
                        .items())
                .extracting(Item::title)
                .containsExactly("Water taxi adds a stop");
        assertThat(parse(Fixtures.bytes("realworld/illformed/rss-whitespace-before-prolog.xml"), format)
                        .items())
                .hasSize(1);
    }

    @Test
    void bareAmpersandsAndUnknownEntitiesStandForThemselves() {
        Item item = realWorld("illformed/rss-bare-ampersand.xml").items().get(0);

        assertThat(item.title()).isEqualTo("Fish & chips stall wins award");
        assertThat(item.link()).isEqualTo("https://fish.example.org/?story=1&lang=en");
        assertThat(item.summaryHtml())
                .contains("pier two & three")
                .contains("—")
                .contains("&unknownentity;");
    }

    @Test
    void referencesToCharactersXmlForbidsAreDropped() {
        Item item = parse("<rss version='2.0'><channel><title>t</title><item><guid>g</guid><title>Tab&#11;bed &#x1;"
                        + "title &#233;</title></item></channel></rss>")
                .items()
                .get(0);

        assertThat(item.title()).isEqualTo("Tabbed title é");
    }

    @Test
    void ampersandsInCdataAreLeftAsTheyAre() {
        Item item = parse("<rss version='2.0'><channel><title>t</title><item><guid>g</guid><title><![CDATA[A & B]]>"
                        + "</title><description><![CDATA[<p>C &amp; D</p>]]></description></item></channel></rss>")
                .items()
                .get(0);

        assertThat(item.title()).isEqualTo("A & B");
        assertThat(item.summaryHtml()).isEqualTo("<p>C &amp; D</p>");
    }

    @Test
    void undeclaredNamespacePrefixesAreDeclaredWithTheirUsualNamespace() {
        Item item = realWorld("illformed/rss-undeclared-prefix.xml").items().get(0);

        assertThat(item.authors()).containsExactly("Harbour Desk");
        assertThat(item.contentHtml()).contains("original colours");
    }

    @Test
    void atomWithoutItsNamespaceIsReadAsAtom() {
        ParsedFeed feed = realWorld("illformed/atom-without-namespace.xml");

        assertThat(feed.format()).isEqualTo(FeedFormat.ATOM);
        assertThat(feed.items()).extracting(Item::guid).containsExactly("urn:example:board:1");
        assertThat(feed.items().get(0).contentHtml()).contains("inner basin starts in March");
    }

    @Test
    void rssWithoutChannelIsRead() {
        assertThat(realWorld("illformed/rss-without-channel.xml").items())
                .extracting(Item::title)
                .containsExactly("Bridge opening times extended");
    }

    @Test
    void aBadPollingHintDoesNotCostTheWholeFeed() {
        ParsedFeed feed = parse("<rss version=\"2.0\"><channel><title>t</title><link>https://h.example/</link>"
                + "<cloud domain=\"h.example\" port=\"80.0\" path=\"/rpc\" registerProcedure=\"ping\""
                + " protocol=\"xml-rpc\"/><skipHours><hour>25</hour></skipHours><skipDays><day>Funday</day>"
                + "</skipDays><item><title>Ferry timetable changes</title><guid>h-1</guid></item></channel></rss>");

        assertThat(feed.items()).extracting(Item::title).containsExactly("Ferry timetable changes");
    }

    @Test
    void anAtomEntryDocumentIsAFeedOfOneEntryAndABareChannelIsRss() {
        ParsedFeed entry = parse("<?xml version=\"1.0\"?><entry xmlns=\"http://www.w3.org/2005/Atom\">"
                + "<id>urn:h:entry-7</id><title>Lock gates repaired</title><updated>2026-11-30T10:00:00Z</updated>"
                + "<author><name>Harbour desk</name></author><content>The gates work again.</content></entry>");
        ParsedFeed channel = parse("<channel><title>t</title><link>https://h.example/</link>"
                + "<item><title>Quay lights fixed</title><guid>h-2</guid></item></channel>");

        assertThat(entry.format()).isEqualTo(FeedFormat.ATOM);
        assertThat(entry.items()).singleElement().satisfies(item -> {
            assertThat(item.guid()).isEqualTo("urn:h:entry-7");
            assertThat(item.title()).isEqualTo("Lock gates repaired");
            assertThat(item.contentHtml()).contains("The gates work again.");
        });
        assertThat(channel.format()).isEqualTo(FeedFormat.RSS);
        assertThat(channel.items()).extracting(Item::title).containsExactly("Quay lights fixed");
    }

    @Test
    void aTimestampWhereADateBelongsIsReadAsOneAndNoDateIsMisreadIntoTheMillionsOfYears() {
        ParsedFeed rss = parse("<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>"
                + "<title>t</title><link>https://h.example/</link>"
                + "<item><title>Seconds</title><guid>1</guid><pubDate>1764583200</pubDate></item>"
                + "<item><title>Millis</title><guid>2</guid><dc:date>1764583200000</dc:date></item>"
                + "<item><title>Year five digits</title><guid>3</guid><pubDate>Tue, 01 Dec 12026 08:00:00 GMT"
                + "</pubDate></item></channel></rss>");
        ParsedFeed atom = parse("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><id>urn:t</id>"
                + "<entry><title>Atom seconds</title><id>urn:t:1</id><updated>1764583200</updated></entry></feed>");

        assertThat(rss.items())
                .extracting(Item::published)
                .containsExactly(Instant.parse("2025-12-01T10:00:00Z"), Instant.parse("2025-12-01T10:00:00Z"), null);
        assertThat(atom.items().get(0).updated()).isEqualTo(Instant.parse("2025-12-01T10:00:00Z"));
        assertThat(Item.builder()
                        .title("t")
                        .published(Instant.parse("2026-12-01T00:00:00Z").plusSeconds(1764583200L * 1000))
                        .build()
                        .published())
                .as("a date beyond the year 9999")
                .isNull();
    }

    @Test
    void namespaceUrisWithSpacesAroundThemAreReadAsTheNamespace() {
        ParsedFeed feed = parse("<rss version=\"2.0\" xmlns:itunes=\" http://www.itunes.com/dtds/podcast-1.0.dtd\""
                + " xmlns:custom=\" http://h.example/ns \"><channel><title>t</title><link>https://h.example/</link>"
                + "<item><title>Harbour hour</title><guid>p-1</guid><itunes:author>Lena Brandt</itunes:author>"
                + "<custom:tag>x</custom:tag></item></channel></rss>");

        assertThat(feed.items()).singleElement().satisfies(item -> {
            assertThat(item.title()).isEqualTo("Harbour hour");
            assertThat(item.authors()).containsExactly("Lena Brandt");
        });
    }

    @Test
    void anAtomLinkWithoutAnAddressIsIgnoredNotTheWholeFeed() {
        ParsedFeed feed = parse("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><id>urn:h</id>"
                + "<link rel=\"self\"></link><entry><id>urn:h:1</id><title>Quay reopens</title><link rel=\"alternate\"/>"
                + "<link rel=\"alternate\" href=\"https://h.example/quay\"/><updated>2026-11-30T10:00:00Z</updated>"
                + "</entry></feed>");

        assertThat(feed.items()).singleElement().satisfies(item -> {
            assertThat(item.title()).isEqualTo("Quay reopens");
            assertThat(item.link()).isEqualTo("https://h.example/quay");
        });
    }

    @Test
    void titlesFromDublinCoreAndMediaRss() {
        assertThat(realWorld("wellformed/rss2-dc-and-media-title.xml").items())
                .extracting(Item::title)
                .containsExactly("Sailing school starts its season", "Old wooden boats on show");
    }

    @Test
    void utf16WithoutBomAndUtf32WithBomAreDecoded() {
        assertThat(realWorld("encoding/rss-utf16le-without-bom.xml")
                        .items()
                        .get(0)
                        .title())
                .isEqualTo("Crew change at the pilot station – naïve café visitors welcome");
        assertThat(realWorld("encoding/rss-utf32le-bom.xml").items().get(0).title())
                .isEqualTo("Harbour festival programme – Überraschungen included");
        byte[] bigEndian = ("<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss version=\"2.0\"><channel><title>t</title>"
                        + "<item><guid>g</guid><title>Größe</title></item></channel></rss>")
                .getBytes(StandardCharsets.UTF_16BE);
        assertThat(parse(bigEndian, SourceFormat.AUTO).items().get(0).title()).isEqualTo("Größe");
    }

    @Test
    void utf8TextUnderALatin1DeclarationIsReadAsUtf8() {
        byte[] utf8 = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>t</title>"
                        + "<item><guid>g</guid><title>Café in Malmö öffnet – größer</title></item></channel></rss>")
                .getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>t"
                        + "</title><item><guid>g</guid><title>Café in Malmö öffnet</title></item></channel></rss>")
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThat(parse(utf8, SourceFormat.AUTO).items().get(0).title()).isEqualTo("Café in Malmö öffnet – größer");
        assertThat(parse(latin1, SourceFormat.AUTO).items().get(0).title()).isEqualTo("Café in Malmö öffnet");
    }

    @Test
    void legacyCjkWithoutDeclarationIsDetectedNotMisread() {
        assertThat(realWorld("encoding/rss-shift-jis-undeclared.xml").items())
                .extracting(Item::title)
                .containsExactly("新しいフェリーが来月から運航します", "灯台の見学は日曜日に再開します");
        byte[] gbk = ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>港口</title><item><guid>g</guid>"
                        + "<title>新渡轮下个月开始运营</title><description>新渡轮每天早上七点从港口出发。船票可以在港口办公室购买。"
                        + "价格不变。北边的灯塔星期日重新开放参观。</description></item></channel></rss>")
                .getBytes(Charset.forName("GB18030"));
        assertThat(parse(gbk, SourceFormat.AUTO).items().get(0).title()).isEqualTo("新渡轮下个月开始运营");
    }

    @Test
    void jsonFeedIsRecognisedByParsingNotBySearchingText() {
        assertThat(realWorld("wellformed/jsonfeed-escaped-slashes.json").format())
                .isEqualTo(FeedFormat.JSON_FEED);
        assertThat(realWorld("wellformed/jsonfeed-version-last.json").items()).hasSize(40);
    }

    @Test
    void ninjs1VariantFieldsAreRead() {
        Item item = realWorld("wellformed/ninjs-1x-variants.json").items().get(0);
        assertThat(item.title()).isEqualTo("Harbour board sets fees for next year");
        assertThat(item.contentHtml()).contains("<p>Small boats pay the same as before.</p>");
        Item plain =
                realWorld("wellformed/ninjs-1x-body-main-text.json").items().get(0);
        assertThat(plain.title()).isEqualTo("Slipway closed");
        assertThat(plain.contentHtml())
                .isEqualTo("<p>The public slipway is closed for repairs until Friday.</p>"
                        + "<p>Boats can be launched at the marina instead.</p>");
    }

    @Test
    void wellFormedXmlOfAnotherShapeSaysSo() {
        assertThatThrownBy(() -> parse(
                        "<?xml version='1.0'?><catalog><book/></catalog>".getBytes(StandardCharsets.UTF_8),
                        SourceFormat.RSS))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("well-formed XML, but not RSS or Atom")
                .hasMessageContaining("<catalog>");
    }

    @Test
    void anRssDocumentRomeCannotReadIsNotCalledSomethingElse() {
        assertThatThrownBy(() -> parse("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
                        + " xmlns=\"http://purl.org/rss/1.0/\"><item rdf:about=\"https://h.example/1\"><title>T</title>"
                        + "</item></rdf:RDF>"))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("an RSS or Atom document Rome cannot read (root element <rdf:RDF>");
    }

    @Test
    void malformedXmlNamesLineAndColumn() {
        assertThatThrownBy(() -> parse("<rss version='2.0'>\n<channel><title>t</channel></rss>"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("malformed XML at line 2, column");
    }

    @Test
    void aPlainEntityIsReadEvenAfterAQuotedGreaterThanInTheExternalId() {
        String feed = "<?xml version='1.0'?><!DOCTYPE rss SYSTEM \"a>b\" [<!ENTITY x \"y\">]><rss version='2.0'>"
                + "<channel><title>&x;</title></channel></rss>";

        assertThat(parse(feed.getBytes(StandardCharsets.UTF_8), SourceFormat.RSS)
                        .title())
                .isEqualTo("y");
    }

    @Test
    void deeplyNestedElementsAreRefusedNotAStackOverflow() {
        StringBuilder nested = new StringBuilder("<rss version='2.0'><channel><title>t</title><item><description>");
        nested.append("<b>".repeat(20_000)).append("x").append("</b>".repeat(20_000));
        nested.append("</description></item></channel></rss>");

        assertThatThrownBy(() -> parse(nested.toString()))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("malformed XML");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "<rss>",
                "<rss version=\"2.1\">",
                "<rss version=\" 2 \">",
                "<rss xmlns=\"http://backend.userland.com/rss\">",
                "<rss version=\"2.0\" xmlns=\"http://blogs.law.harvard.edu/tech/rss\">"
            })
    void rssWithoutAVersionOrInANamespaceOfItsOwnIsReadAsRss(String root) {
        ParsedFeed feed = parse("<?xml version=\"1.0\"?>" + root + "<channel><title>Quay</title>"
                + "<link>https://quay.example.org/</link><item><title>Crane delivered</title>"
                + "<link>https://quay.example.org/crane</link><description>The crane came by barge.</description>"
                + "<dc:creator xmlns:dc=\"http://purl.org/dc/elements/1.1/\">Ana Lind</dc:creator></item>"
                + "</channel></rss>");

        assertThat(feed.title()).isEqualTo("Quay");
        assertThat(feed.items()).singleElement().satisfies(item -> {
            assertThat(item.title()).isEqualTo("Crane delivered");
            assertThat(item.link()).isEqualTo("https://quay.example.org/crane");
            assertThat(item.summaryHtml()).isEqualTo("The crane came by barge.");
            assertThat(item.authors())
                    .as("extension elements keep their namespace")
                    .containsExactly("Ana Lind");
        });
    }

    @Test
    void whatStandsBeforeTheXmlDeclarationIsDropped() {
        String feed = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>t</title>"
                + "<item><guid>g</guid><title>Quay news</title></item></channel></rss>";

        assertThat(parse("<!-- generated by a CMS -->\n" + feed).items())
                .extracting(Item::title)
                .containsExactly("Quay news");
        assertThat(parse("<br />\n<b>Notice</b>: Undefined index: page in /var/www/feed.php on line 12<br />\n" + feed)
                        .items())
                .extracting(Item::title)
                .containsExactly("Quay news");
        assertThat(parse("Warning: session_start(): headers already sent\n\n" + feed)
                        .items())
                .hasSize(1);
        assertThatThrownBy(() -> parse("<rss version=\"2.0\"><channel><title>t</title><item><title>"
                        + "<?xml version=\"1.0\"?></title></item></channel></rss>"))
                .as("a declaration inside the document is still an error")
                .isInstanceOf(ParseException.class);
        assertThatThrownBy(() ->
                        parse("<!-- a -->\n<!-- b -->\n<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n<channel>"))
                .as("an error after the dropped part is reported at its line in the document as fetched")
                .hasMessageStartingWith("malformed XML at line 5,");
    }
}
