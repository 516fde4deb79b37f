package org.feedwerk.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SecureXmlTest {
    /** XML 1.0's Char production, negated: what a document may not contain. */
    private static final Pattern NOT_AN_XML_CHARACTER =
            Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");

    @Test
    void dropsWhatXmlForbidsAndKeepsEverythingElse() {
        assertThat(SecureXml.withoutIllegalCharacters("a\u000bb\u0000c\ufffe\uffffd"))
                .isEqualTo("abcd");
        assertThat(SecureXml.withoutIllegalCharacters("lone \ud800 and \udc00 halves"))
                .isEqualTo("lone  and  halves");
        String legal = "tab\tline\ncr\r ä € \ud83d\ude00 \ue000 \ufffd";
        assertThat(SecureXml.withoutIllegalCharacters(legal)).isSameAs(legal);
    }

    @Test
    void removesExactlyWhatTheXmlCharacterProductionExcludes() {
        String alphabet =
                "aZ <&\t\n\r\u0000\u0001\u001f\u007f\u00e4\ud7ff\ue000\ufffd\ufffe\uffff\ud83d\ude00\udc00\ud800";
        Random random = new Random(11);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(12); length > 0; length--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String input = text.toString();
            assertThat(SecureXml.withoutIllegalCharacters(input))
                    .as("%s", input.chars().mapToObj(Integer::toHexString).toList())
                    .isEqualTo(NOT_AN_XML_CHARACTER.matcher(input).replaceAll(""));
        }
    }

    @Test
    void aFeedWithAControlCharacterInAnItemIsRead() {
        String feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>"
                + "<item><title>Ferry\u000b back</title></item></channel></rss>";
        var document =
                SecureXml.parse(new Payload(feed.getBytes(StandardCharsets.UTF_8), "application/rss+xml", "test"));
        assertThat(document.getElementsByTagName("title").item(1).getTextContent())
                .isEqualTo("Ferry back");
    }
}
