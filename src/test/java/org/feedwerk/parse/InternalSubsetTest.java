package org.feedwerk.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.feedwerk.config.SourceFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The two harmless shapes of internal subset real feeds carry are read; everything else is refused. */
class InternalSubsetTest {
    private final FeedParsers parsers = new FeedParsers();

    private ParsedFeed parse(String subset, String channel) {
        String feed = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n" + subset + "\n]>\n<rss version=\"2.0\"><channel>"
                + channel + "</channel></rss>";
        return parsers.parse(
                new Payload(feed.getBytes(StandardCharsets.UTF_8), "application/rss+xml", "test"), SourceFormat.AUTO);
    }

    @Test
    void anExternalParameterEntityForHtmlEntitiesIsDropped() {
        ParsedFeed feed = parse(
                "<!ENTITY % HTMLlat1 PUBLIC \"-//W3C//ENTITIES Latin 1 for XHTML//EN\"\n"
                        + " \"http://www.w3.org/TR/xhtml1/DTD/xhtml-lat1.ent\">\n%HTMLlat1;\n"
                        + "<!-- the symbols too --><!ENTITY % HTMLsymbol SYSTEM 'xhtml-symbol.ent'> %HTMLsymbol;",
                "<title>Caf&eacute; on the quay</title><item><title>Open &ndash; again</title></item>");

        assertThat(feed.title()).isEqualTo("Café on the quay");
        assertThat(feed.items()).extracting(Item::title).containsExactly("Open – again");
    }

    @Test
    void aPlainEntityIsReplacedInTextAndAttributesButNotInCdata() {
        ParsedFeed feed = parse(
                "<!ENTITY id \"tag:quay.example.org,\"> <!ENTITY q 'say \"hi\" &#38; go'>"
                        + "<!ENTITY id \"second declaration ignored\"><!ENTITY amp \"predefined ignored\">",
                "<title>t</title><item><guid isPermaLink=\"false\">&id;2026:1</guid><title>&q;</title>"
                        + "<link>https://quay.example.org/?a=1&amp;b=2</link>"
                        + "<description><![CDATA[&id; stays]]></description>"
                        + "<category domain=\"&q;\">in an attribute, its quotes must not end it</category>"
                        + "</item>");

        Item item = feed.items().get(0);
        assertThat(item.guid()).isEqualTo("tag:quay.example.org,2026:1");
        assertThat(item.title()).isEqualTo("say \"hi\" & go");
        assertThat(item.link()).isEqualTo("https://quay.example.org/?a=1&b=2");
        assertThat(item.summaryHtml()).isEqualTo("&id; stays");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<!ENTITY secret SYSTEM \"file:///etc/passwd\">",
                "<!ENTITY secret PUBLIC \"-//X//EN\" \"http://evil.example/x\">",
                "<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;\">",
                "<!ENTITY tag \"<b>bold</b>\">",
                "<!ENTITY % inner \"<!ENTITY x 'y'>\"> %inner;",
                "%undeclared;",
                "<!ELEMENT rss ANY>",
                "<!ATTLIST item onclick CDATA \"x()\">",
                "<!ENTITY x \"unterminated>",
                "<!ENTITY x \"y\"",
                "<!ENTITYx \"y\">"
            })
    void everythingElseIsRefusedWithAReason(String subset) {
        assertThatThrownBy(() -> parse(subset, "<title>t</title>"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("declares XML entities Feedwerk does not read");
    }

    @Test
    void manyDeclarationsOrALargeExpansionAreRefused() {
        assertThatThrownBy(() -> parse("<!ENTITY a \"b\">".repeat(65), "<title>t</title>"))
                .hasMessageContaining("more than 64 declarations");
        String value = "x".repeat(1000);
        assertThatThrownBy(
                        () -> parse("<!ENTITY big \"" + value + "\">", "<title>" + "&big;".repeat(1100) + "</title>"))
                .hasMessageContaining("expand to more than");
    }
}
