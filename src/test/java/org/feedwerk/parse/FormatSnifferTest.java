package org.feedwerk.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class FormatSnifferTest {
    private final FormatSniffer sniffer = new FormatSniffer();

    private static Payload payload(String text) {
        return new Payload(text.getBytes(StandardCharsets.UTF_8), null, "test");
    }

    static Stream<Arguments> formats() {
        return Stream.of(
                Arguments.of("rss 2.0", "<?xml version='1.0'?><rss version='2.0'><channel/></rss>", FeedFormat.RSS),
                Arguments.of("rss with comment first", "<!-- generated --><rss version='2.0'/>", FeedFormat.RSS),
                Arguments.of("rss 1.0 rdf", "<rdf:RDF xmlns:rdf='x'><channel/></rdf:RDF>", FeedFormat.RSS),
                Arguments.of("rss 0.91 doctype", "<!DOCTYPE rss PUBLIC 'a' 'b'><rss version='0.91'/>", FeedFormat.RSS),
                Arguments.of(
                        "atom", "<?xml version='1.0'?>\n<feed xmlns='http://www.w3.org/2005/Atom'/>", FeedFormat.ATOM),
                Arguments.of("prefixed atom", "<a:feed xmlns:a='http://www.w3.org/2005/Atom'/>", FeedFormat.ATOM),
                Arguments.of(
                        "json feed",
                        "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}",
                        FeedFormat.JSON_FEED),
                Arguments.of("leading whitespace", "   \n<rss/>", FeedFormat.RSS),
                Arguments.of(
                        "newsml-g2 item",
                        "<?xml version='1.0'?><newsItem xmlns='http://iptc.org/std/nar/2006-10-01/'/>",
                        FeedFormat.NEWSML_G2),
                Arguments.of(
                        "newsml-g2 message",
                        "<newsMessage xmlns='http://iptc.org/std/nar/2006-10-01/'/>",
                        FeedFormat.NEWSML_G2),
                Arguments.of("ninjs object", "{\"uri\": \"urn:x\", \"headline\": \"h\"}", FeedFormat.NINJS),
                Arguments.of("ninjs list", "[{\"uri\": \"urn:x\"}]", FeedFormat.NINJS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void recognizesFormats(String name, String document, FeedFormat expected) {
        assertThat(sniffer.sniff(payload(document))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "empty             | ``                              | empty document",
                "plain text        | hello world                     | neither XML nor JSON",
                "unknown root      | <catalog/>                      | root element <catalog>",
                "other json        | {\"a\": 1}                      | not a JSON Feed",
            })
    void refusesWhatIsNotAFeed(String name, String document, String reason) {
        assertThatThrownBy(() -> sniffer.sniff(payload(document)))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining(reason);
    }
}
