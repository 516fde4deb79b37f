package org.feedwerk.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.feedwerk.testing.RandomText;
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
            String input = RandomText.of(random, alphabet, 12);
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

    @Test
    void triesAPatternAtAmpersandsAsASearchWouldFindIt() {
        List<Pattern> patterns = List.of(
                Pattern.compile("&(?!(?:amp|lt|#[0-9]{1,3});)"),
                Pattern.compile("&#(?:([0-9]{1,3})|[xX]([0-9a-fA-F]{1,3}));"),
                Pattern.compile("&([A-Za-z][A-Za-z0-9]{1,5});"));
        String[] pieces = {"&", "&", "amp;", "lt;", "#", "x", "1", "9", ";", "a", "B", " ", "eacute;", "<", "&&"};
        Random random = new Random(5);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(10); length > 0; length--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String input = text.toString();
            for (Pattern pattern : patterns) {
                // replace some matches, keep others (a null answer keeps the match)
                Function<MatchResult, String> replacement = match ->
                        match.group().length() % 2 == 0 ? "[" + match.group().length() + "]" : null;
                assertThat(SecureXml.replaceAtAmpersands(input, pattern, replacement))
                        .as("%s on %s", pattern, input)
                        .isEqualTo(pattern.matcher(input)
                                .replaceAll(match -> Matcher.quoteReplacement(
                                        Objects.requireNonNullElse(replacement.apply(match), match.group()))));
            }
        }
    }

    @Test
    void entitiesAndAmpersandsAreMadeXml() {
        String feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><item>"
                + "<title>Caf&eacute; &amp; bar &#233;t&#11;&#x1; &nosuch; R&D &lt;b&gt;</title>"
                + "<description><![CDATA[<p>R&D &eacute;</p>]]></description></item></channel></rss>";
        var document =
                SecureXml.parse(new Payload(feed.getBytes(StandardCharsets.UTF_8), "application/rss+xml", "test"));
        assertThat(document.getElementsByTagName("title").item(1).getTextContent())
                .isEqualTo("Café & bar ét &nosuch; R&D <b>");
        assertThat(document.getElementsByTagName("description").item(0).getTextContent())
                .isEqualTo("<p>R&D &#233;</p>");
    }
}
