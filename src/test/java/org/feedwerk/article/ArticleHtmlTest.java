package org.feedwerk.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.feedwerk.config.SourceConfig;
import org.feedwerk.config.SourceFormat;
import org.feedwerk.parse.FeedParsers;
import org.feedwerk.parse.Item;
import org.feedwerk.parse.ParsedFeed;
import org.feedwerk.parse.Payload;
import org.feedwerk.testing.RandomText;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ArticleHtmlTest {
    private static final String BASE = "https://wire.example.org/news/item";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "keeps paragraphs, emphasis and links",
                        "<p>A <em>b</em> <strong>c</strong> <a href=\"https://x.example/\">d</a></p>",
                        "<p>A <em>b</em> <strong>c</strong> <a href=\"https://x.example/\">d</a></p>"),
                Arguments.of("removes scripts with their content", "<p>a</p><script>alert(1)</script>", "<p>a</p>"),
                Arguments.of(
                        "removes event handlers and styles",
                        "<p onclick=\"x()\" style=\"color:red\">a</p>",
                        "<p>a</p>"),
                Arguments.of(
                        "removes javascript links but keeps their text",
                        "<p><a href=\"javascript:alert(1)\">t</a></p>",
                        "<p>t</p>"),
                Arguments.of(
                        "removes iframes and forms",
                        "<p>a</p><iframe src=\"https://ads.example/\"></iframe><form><input name=\"q\"></form>",
                        "<p>a</p>"),
                Arguments.of(
                        "makes relative links and images absolute",
                        "<p><a href=\"/other\">o</a><img src=\"pic.jpg\" alt=\"p\"></p>",
                        "<p><a href=\"https://wire.example.org/other\">o</a>"
                                + "<img src=\"https://wire.example.org/news/pic.jpg\" alt=\"p\" /></p>"),
                Arguments.of("drops data: images", "<p>a<img src=\"data:image/png;base64,AAAA\"></p>", "<p>a</p>"),
                Arguments.of("turns h1 into h2", "<h1>Title</h1><p>x</p>", "<h2>Title</h2><p>x</p>"),
                Arguments.of(
                        "drops reader counters and FeedBurner's share buttons",
                        "<p>a</p><img src=\"https://feeds.example.net/~r/x/~4/abc\" height=\"1\" width=\"1\" alt=\"\"/>"
                                + "<img src=\"https://stats.example.com/b.gif?host=x\" width=\"1px\" height=\"1\">"
                                + "<img src=\"https://stats.example.com/c.gif\" width=\"0\">"
                                + "<div class=\"feedflare\"><a href=\"https://feeds.example.net/~ff/x?a=1\">"
                                + "<img src=\"https://feeds.example.net/~ff/x?d=2\" border=\"0\"></a></div>"
                                + "<img src=\"https://i.example/photo.jpg\" width=\"10\" alt=\"kept\">",
                        "<p>a</p><img src=\"https://i.example/photo.jpg\" alt=\"kept\" />"),
                Arguments.of(
                        "keeps figures with captions",
                        "<figure><img src=\"https://i.example/a.jpg\" alt=\"a\"><figcaption>Cap</figcaption></figure>",
                        "<figure><img src=\"https://i.example/a.jpg\" alt=\"a\" /><figcaption>Cap</figcaption></figure>"),
                Arguments.of(
                        "keeps simple tables",
                        "<table><tr><th colspan=\"2\">H</th></tr><tr><td>1</td><td style=\"x\">2</td></tr></table>",
                        "<table><tbody><tr><th colspan=\"2\">H</th></tr><tr><td>1</td><td>2</td></tr></tbody></table>"),
                Arguments.of("removes empty paragraphs", "<p>a</p><p> </p><p></p>", "<p>a</p>"),
                Arguments.of(
                        "keeps lists and quotes",
                        "<ul><li>a</li></ul><blockquote><p>q</p></blockquote>",
                        "<ul><li>a</li></ul><blockquote><p>q</p></blockquote>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sanitizesToTheAllowList(String name, String input, String expected) {
        assertThat(ArticleHtml.sanitize(input, BASE).replace("\n", "")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "plain text of {0}")
    @MethodSource("plainTexts")
    void plainTextDecodesEntitiesAndCollapsesSpace(String input, String expected) {
        assertThat(ArticleHtml.plainText(input)).isEqualTo(expected);
    }

    static Stream<Arguments> plainTexts() {
        return Stream.of(
                Arguments.of("Museum <em>reopens</em>", "Museum reopens"),
                Arguments.of("Tom &amp; Jerry\n\n  again", "Tom & Jerry again"),
                Arguments.of("Headline <script>alert(1)</script>with markup", "Headline with markup"));
    }

    /**
     * Text without markup is read without the HTML parser: whatever the characters (every kind of whitespace,
     * no-break spaces, zero-width and soft hyphens, surrogates, controls), the result is the parser's.
     */
    @Test
    void plainTextWithoutMarkupIsWhatTheParserMakesOfIt() {
        String alphabet = "ab Zä\t\n\r\f\u00a0\u200b\u00ad\u2028\u3000\u0001\u000b\ud83d\ude00.\"'";
        Random random = new Random(20261130);
        for (int sample = 0; sample < 5_000; sample++) {
            String text = RandomText.of(random, alphabet, 30);
            String expected = ArticleHtml.withoutControlCharacters(
                            Jsoup.parseBodyFragment(text).text())
                    .strip();
            assertThat(ArticleHtml.plainText(text))
                    .as("%s", text.chars().boxed().toList())
                    .isEqualTo(expected);
        }
    }

    /** The scan that spares most text the pattern removes exactly what the pattern removes. */
    @Test
    void charactersXmlCannotCarryAreRemovedWhereverTheyStand() {
        String alphabet = "aZ \t\n\r\u0000\u0001\u001f\u007f\u00e4\ufffd\ufffe\uffff\ud83d\ude00\udc00\ud800";
        Pattern illegal = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F"
                + "\\uFFFE\\uFFFF]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]");
        Random random = new Random(20261201);
        for (int sample = 0; sample < 5_000; sample++) {
            String text = RandomText.of(random, alphabet, 20);
            assertThat(ArticleHtml.withoutControlCharacters(text))
                    .as("%s", text.chars().boxed().toList())
                    .isEqualTo(illegal.matcher(text).replaceAll(""));
        }
    }

    /**
     * The one-pass removal of empty paragraphs does exactly what {@code replaceAll} of the pattern did (a no-break
     * space as the character counts as empty too: the sanitizer writes {@code &nbsp;} so).
     */
    @Test
    void emptyParagraphsAreRemovedAsThePatternRemovedThem() {
        Pattern empty = Pattern.compile("<p>(?:\\s|\u00a0|&nbsp;|&#160;|<br />)*</p>");
        String[] pieces = {
            "<p>", "</p>", " ", "\t", "\n", "\u000b", "\f", "\r", "\u00a0", "&nbsp;", "&#160;", "&nbsp", "<br />",
            "<br>", "x", "<p", "p>", "</", "&", "<em>", "</em>"
        };
        Random random = new Random(20261202);
        for (int sample = 0; sample < 20_000; sample++) {
            String html = joinedAtRandom(random, pieces, 12);
            assertThat(ArticleHtml.removeEmptyParagraphs(html))
                    .as("%s", html)
                    .isEqualTo(empty.matcher(html).replaceAll(""));
        }
    }

    /** Links the sanitizer leaves as they are must be the ones jsoup's resolving would leave as they are. */
    @Test
    void plainAbsoluteLinksAreThoseResolvingLeavesAlone() {
        String[] hosts = {
            "example.org",
            "Wire.Example.ORG",
            "xn--bcher-kva.example",
            "bücher.example",
            "a-b.c",
            "1.2.3.4",
            "[::1]",
            "user:pw@example.org",
            "example.org.",
            ""
        };
        String[] ports = {"", "", "", ":443", ":80", ":8080", ":", ":99999", ":x"};
        String[] pieces = {
            "/",
            "/a",
            "/story-1.html",
            "/2026/11/",
            "/./",
            "/../",
            "/.",
            "..",
            ".",
            "?q=1",
            "&x=%20y",
            "%41",
            "#frag",
            "#",
            "@",
            " ",
            "\t",
            "\\",
            "\"",
            "<",
            "|",
            "^",
            "~",
            "-",
            "_",
            "+",
            "=",
            ";",
            ",",
            "'",
            "(",
            ")",
            "*",
            "!",
            "$",
            ":",
            "//"
        };
        Random random = new Random(20261203);
        int plain = 0;
        for (int sample = 0; sample < 20_000; sample++) {
            String value = new String[] {"https://", "http://", "HTTP://"}[random.nextInt(3)]
                    + hosts[random.nextInt(hosts.length)]
                    + ports[random.nextInt(ports.length)]
                    + joinedAtRandom(random, pieces, 6);
            if (!ArticleHtml.isPlainAbsoluteUrl(value)) {
                continue;
            }
            plain++;
            Element link =
                    Jsoup.parseBodyFragment("<a>x</a>", BASE).selectFirst("a").attr("href", value);
            assertThat(link.absUrl("href")).as(value).isEqualTo(value);
        }
        assertThat(plain).as("addresses taking the shortcut").isGreaterThan(1_000);
        assertThat(ArticleHtml.isPlainAbsoluteUrl("https://wire.example.org/news/2026/11/30/story.html?utm=x#top"))
                .isTrue();
        assertThat(ArticleHtml.isPlainAbsoluteUrl("/news/story")).isFalse();
    }

    /**
     * The words of sanitized HTML read without the parser are the parser's: every body of the team's feed fixtures
     * (real-world patterns, wire formats, hostile input), and random markup through the sanitizer.
     */
    @Test
    void theWordsOfSanitizedHtmlAreTheParsersWords() throws Exception {
        Path resources =
                Path.of(ArticleHtmlTest.class.getResource("/realworld").toURI()).getParent();
        SourceConfig source = new SourceConfig(
                "t", URI.create("https://t.example.org/feed"), null, null, "en", null, "T", null, null, null);
        int bodies = 0;
        try (Stream<Path> files = Files.walk(resources)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                ParsedFeed feed;
                try {
                    feed = new FeedParsers()
                            .parse(new Payload(Files.readAllBytes(file), null, file.toString()), SourceFormat.AUTO);
                } catch (RuntimeException notAFeed) {
                    continue;
                }
                for (Item item : feed.items()) {
                    RevisionContent content = new ArticleNormalizer()
                            .normalize(item, feed, source)
                            .orElse(null);
                    if (content == null || content.bodyHtml().isEmpty()) {
                        continue;
                    }
                    bodies++;
                    assertThat(TextFingerprint.words(ArticleHtml.textForWords(content.bodyHtml())))
                            .as("%s: %s", file.getFileName(), content.bodyHtml())
                            .isEqualTo(TextFingerprint.words(ArticleHtml.plainText(content.bodyHtml())));
                }
            }
        }
        assertThat(bodies).as("bodies in the fixtures").isGreaterThan(50);

        String[] pieces = {
            "<p>",
            "</p>",
            "<div>",
            "</div>",
            "<em>",
            "</em>",
            "<a href=\"https://x.example/a?b=1&c=2\">",
            "</a>",
            "<br>",
            "<img src=\"/i.jpg\" alt=\"alt words\">",
            "<li>",
            "<ul>",
            "</ul>",
            "<h1>",
            "</h1>",
            "<td>",
            "<tr>",
            "<table>",
            "</table>",
            "<q>",
            "</q>",
            "<span>",
            "</span>",
            "<script>hidden</script>",
            "<style>p{}</style>",
            "<sup>",
            "</sup>",
            "<pre>",
            "</pre>",
            "<hr>",
            "<!-- note -->",
            "<blockquote>",
            "<figure>",
            "<figcaption>",
            "<dl><dt>",
            "<dd>",
            "word",
            "Wörter",
            "a&amp;b",
            "&lt;tag&gt;",
            "&#8220;",
            "&nbsp;",
            "&eacute;t&eacute;",
            " ",
            "\n",
            "x",
            "2,400",
            "m\u00b2",
            "'",
            "\"",
            "<unknown>",
            "</unknown>"
        };
        // jsoup decides some separators from the tree (an inline element wrapping a block, an image between two
        // letters inside a link); the scan cannot, and may split or join one word there. Such markup is rare.
        Random random = new Random(20261204);
        long differing = IntStream.range(0, 5_000)
                .mapToObj(sample -> ArticleHtml.sanitize(joinedAtRandom(random, pieces, 16), BASE))
                .filter(sanitized -> !TextFingerprint.words(ArticleHtml.textForWords(sanitized))
                        .equals(TextFingerprint.words(ArticleHtml.plainText(sanitized))))
                .count();
        assertThat(differing).as("random bodies whose words differ, of 5,000").isLessThanOrEqualTo(5L);
    }

    /**
     * Links resolved against a base parsed once per body are what jsoup's {@code absUrl} makes of them: relative
     * forms of every kind, control characters, other schemes, bases that are not addresses (and a {@code <base>}
     * element, which jsoup ignores in a body).
     */
    @Test
    void relativeLinksResolveAsAbsUrlResolvesThem() {
        String[] bases = {
            BASE,
            "https://wire.example.org/news/2026/story.html?x=1#top",
            "http://example.org",
            "https://example.org:8443/a/b/",
            "https://ex\u0001ample.org/a/",
            "https://example.org/a\u0001b/\tc",
            "not a url",
            "mailto:desk@example.org",
            "//example.org/x",
            ""
        };
        String[] pieces = {
            "/",
            "a",
            "b.html",
            "./",
            "../",
            "..",
            ".",
            "?q=1",
            "#f",
            "//cdn.example.net",
            "https:",
            "http://h.example",
            "mailto:x@example.org",
            "javascript:alert(1)",
            "tel:+1",
            " ",
            "\t",
            "\n",
            "\u0001",
            "%20",
            "ä",
            "\\",
            ":",
            "@",
            "[::1]",
            "x y"
        };
        Random random = new Random(20261207);
        ArticleHtml.LinkResolver links = new ArticleHtml.LinkResolver(); // one for all: the base changes between bodies
        for (int sample = 0; sample < 3_000; sample++) {
            StringBuilder html = new StringBuilder();
            for (int link = random.nextInt(6); link > 0; link--) {
                if (random.nextInt(8) == 0) {
                    html.append("<base href=\"")
                            .append(bases[random.nextInt(bases.length)])
                            .append("\">");
                }
                html.append("<a href=\"")
                        .append(joinedAtRandom(random, pieces, 5).replace("\"", "&quot;"))
                        .append("\">x</a>");
            }
            Document document = Jsoup.parseBodyFragment(html.toString(), bases[random.nextInt(bases.length)]);
            for (Element link : document.select("a[href]")) {
                assertThat(links.absolute(link, "href"))
                        .as("%s against %s", link.attr("href"), link.baseUri())
                        .isEqualTo(link.absUrl("href"));
            }
        }
    }

    /**
     * The policy applied once per thread answers as a policy applied afresh, document after document, whatever
     * the previous document left open (unclosed tags, raw-text elements, nesting past the balancer's limit).
     */
    @Test
    void theReusedPolicySanitizesAsAFreshOne() {
        String[] pieces = {
            "<p>",
            "</p>",
            "<div>",
            "</div>",
            "<em>",
            "<a href=\"https://x.example/?a=1&b=2\" onclick=\"x()\">",
            "<a href='javascript:alert(1)'>",
            "</a>",
            "<img src=\"/i.png\" alt=\"A &amp; B\">",
            "<br>",
            "<br/>",
            "<table>",
            "<tr>",
            "<td colspan=\"2\">",
            "<td rowspan=\"x\">",
            "</table>",
            "<ul><li>",
            "</li>",
            "<script>",
            "</script>",
            "<style>",
            "</style>",
            "<textarea>",
            "</textarea>",
            "<title>",
            "<xmp>",
            "<plaintext>",
            "<iframe src=x>",
            "</iframe>",
            "<noscript>",
            "<svg><foreignObject>",
            "<math>",
            "<!--",
            "-->",
            "<![CDATA[",
            "]]>",
            "<?php ?>",
            "<",
            ">",
            "&",
            "&amp;",
            "&lt;b&gt;",
            "&#34;",
            "&#0;",
            "&#xD800;",
            "&bogus;",
            "\"",
            "'",
            "=",
            "`",
            "@",
            "+",
            "{{",
            "}}",
            "\u0000",
            "\u0001",
            "\ud800",
            "\ufffe",
            "Wörter",
            "text",
            " ",
            "\n",
            "<h1>",
            "<b>",
            "<i>",
            "<q cite=x>",
            "<abbr title=\"T\">",
            "<blockquote>",
            "<p><p><p><p><p><p><p><p><p><p><p><p><p><p><p><p><p><p><p><p><p><p><p><p><p><p><p><p><p><p><p><p>",
            "<div>".repeat(300)
        };
        answerAlikeOnRandomJoins(
                pieces, 20261205, 8_000, 24, ArticleHtml::sanitizedByPolicy, ArticleHtml.POLICY::sanitize);
    }

    /** The references the sanitizer writes are decoded as jsoup decodes them, and so is every other reference. */
    @Test
    void referencesAreDecodedAsJsoupDecodesThem() {
        String[] pieces = {
            "&amp;",
            "&lt;",
            "&gt;",
            "&quot;",
            "&nbsp;",
            "&apos;",
            "&#34;",
            "&#39;",
            "&#43;",
            "&#61;",
            "&#64;",
            "&#96;",
            "&#8220;",
            "&#160;",
            "&#0;",
            "&#9;",
            "&#127;",
            "&#128;",
            "&#150;",
            "&#159;",
            "&#55296;",
            "&#65533;",
            "&#65534;",
            "&#65535;",
            "&#128512;",
            "&#1114112;",
            "&#x41;",
            "&#X41;",
            "&#x;",
            "&#;",
            "&#00065;",
            "&#0000065;",
            "&eacute;",
            "&Eacute",
            "&amp",
            "&lt",
            "&notit;",
            "&not",
            "&bogus;",
            "&",
            ";",
            "#",
            "x",
            "1",
            " ",
            "Wort",
            "ä"
        };
        answerAlikeOnRandomJoins(
                pieces,
                20261206,
                50_000,
                6,
                ArticleHtml::decodedReferences,
                text -> Parser.unescapeEntities(text, false));
        assertThat(ArticleHtml.decodedReferences("a &amp; b &#34;c&#34; &lt;d&gt;"))
                .isEqualTo("a & b \"c\" <d>");
    }

    /** On {@code samples} joins of random pieces ({@link #joinedAtRandom}), {@code actual} answers as {@code expected}. */
    private static void answerAlikeOnRandomJoins(
            String[] pieces,
            long seed,
            int samples,
            int most,
            UnaryOperator<String> actual,
            UnaryOperator<String> expected) {
        Random random = new Random(seed);
        for (int sample = 0; sample < samples; sample++) {
            String input = joinedAtRandom(random, pieces, most);
            assertThat(actual.apply(input)).as("%s", input).isEqualTo(expected.apply(input));
        }
    }

    /** Fewer than {@code most} pieces drawn at random, joined. */
    private static String joinedAtRandom(Random random, String[] pieces, int most) {
        StringBuilder joined = new StringBuilder();
        for (int length = random.nextInt(most); length > 0; length--) {
            joined.append(pieces[random.nextInt(pieces.length)]);
        }
        return joined.toString();
    }

    @Test
    void aBodyEscapedTwiceIsUnescapedOnce() {
        assertThat(ArticleHtml.unescapedIfEscapedTwice("&lt;p&gt;Ferry &amp;amp; bus.&lt;/p&gt;"))
                .isEqualTo("<p>Ferry &amp; bus.</p>");
        assertThat(ArticleHtml.unescapedIfEscapedTwice("\n  &lt;DIV class=\"story\"&gt;Text&lt;/DIV&gt;"))
                .isEqualTo("\n  <DIV class=\"story\">Text</DIV>");
        assertThat(ArticleHtml.unescapedIfEscapedTwice("&lt;br/&gt;Line")).isEqualTo("<br/>Line");
        assertThat(ArticleHtml.unescapedIfEscapedTwice("&lt;img src=\"https://e.example/a.jpg\"&gt; Caption"))
                .isEqualTo("<img src=\"https://e.example/a.jpg\"> Caption");
    }

    @Test
    void textThatOnlyMentionsATagOrHasMarkupIsLeftAsItIs() {
        for (String body : new String[] {
            "Use the &lt;p&gt; element for paragraphs.",
            "&lt;3 from the harbour",
            "&lt;marquee&gt; is not a body tag",
            "&lt;paragraph&gt; is not a tag at all",
            "<p>&lt;p&gt; starts this paragraph, which has real markup</p>",
            "&lt;p&gt;escaped<br>but with a real line break",
            "",
            "plain"
        }) {
            assertThat(ArticleHtml.unescapedIfEscapedTwice(body)).isSameAs(body);
        }
        assertThat(ArticleHtml.unescapedIfEscapedTwice(null)).isNull();
    }
}
