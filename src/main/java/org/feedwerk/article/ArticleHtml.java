package org.feedwerk.article;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.feedwerk.html.BodyStructure;
import org.jsoup.Jsoup;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.owasp.html.Handler;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlSanitizer;
import org.owasp.html.HtmlStreamEventReceiver;
import org.owasp.html.HtmlStreamRenderer;
import org.owasp.html.PolicyFactory;

/**
 * Makes feed HTML safe to store and republish: relative links are made absolute against the article's URL, then
 * everything outside an allow-list (paragraphs, headings, lists, quotes, links and images over http/https,
 * emphasis, figures with captions, simple tables, plain {@code div} and {@code section} wrappers) is removed:
 * scripts, event handlers, styles, iframes, forms. Wrappers are kept so that blocks they separate stay apart.
 */
public final class ArticleHtml {
    private static final Pattern ANY_TAG = Pattern.compile("</?[A-Za-z][^<>]*>|<!--");
    private static final Pattern XML_ILLEGAL = Pattern.compile(
            "[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\uFFFE\\uFFFF]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]");
    private static final Pattern SPAN_NUMBER = Pattern.compile("[1-9][0-9]?");
    static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements(BodyStructure.BODY_BLOCKS.toArray(String[]::new))
            .allowElements(BodyStructure.INLINE.toArray(String[]::new))
            .allowElements("br", "img")
            .allowUrlProtocols("http", "https")
            .allowAttributes("href")
            .onElements("a")
            .allowAttributes("src", "alt")
            .onElements("img")
            .allowAttributes("title")
            .onElements("abbr", "a")
            .allowAttributes("colspan", "rowspan")
            .matching(SPAN_NUMBER)
            .onElements("td", "th")
            .toFactory();
    /**
     * {@code POLICY.sanitize} builds its policy for every call, copying the policy's tables (a tenth of sanitizing a
     * short body); each thread builds it once and reuses it, which the policy allows: it starts afresh with every
     * document.
     */
    private static final ThreadLocal<ReusedPolicy> SANITIZER = ThreadLocal.withInitial(ReusedPolicy::new);

    private ArticleHtml() {}

    /** Sanitized HTML; {@code baseUri} (may be null) resolves relative links and image sources. */
    public static String sanitize(String html, String baseUri) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document document = Jsoup.parseBodyFragment(html, baseUri == null ? "" : baseUri);
        document.outputSettings().prettyPrint(false);
        LinkResolver links = new LinkResolver();
        for (Element element : document.body().getAllElements()) {
            switch (element.normalName()) {
                case "h1" -> element.tagName("h2"); // the page's own headline is the only h1
                case "a" -> absolute(element, "href", baseUri, links);
                case "img" -> {
                    if (isTrackingPixel(element)) {
                        element.remove();
                    } else {
                        absolute(element, "src", baseUri, links);
                    }
                }
                case "div" -> {
                    if (element.hasClass("feedflare")) {
                        element.remove(); // FeedBurner's share buttons, pictures served by its counter
                    }
                }
                default -> {}
            }
        }
        String sanitized =
                withoutControlCharacters(sanitizedByPolicy(document.body().html()));
        return removeEmptyParagraphs(sanitized).strip();
    }

    /** What {@link #POLICY}{@code .sanitize(html)} returns. */
    static String sanitizedByPolicy(String html) {
        return SANITIZER.get().sanitize(html);
    }

    /** {@link #POLICY} applied once, writing each document to a renderer of its own. */
    private static final class ReusedPolicy implements HtmlStreamEventReceiver {
        private final HtmlSanitizer.Policy policy = POLICY.apply(this);
        private HtmlStreamEventReceiver renderer;

        String sanitize(String html) {
            StringBuilder out = new StringBuilder(html.length());
            renderer = HtmlStreamRenderer.create(out, Handler.DO_NOTHING);
            try {
                HtmlSanitizer.sanitize(html, policy);
            } finally {
                renderer = null;
            }
            return out.toString();
        }

        @Override
        public void openDocument() {
            renderer.openDocument();
        }

        @Override
        public void closeDocument() {
            renderer.closeDocument();
        }

        @Override
        public void openTag(String elementName, List<String> attrs) {
            renderer.openTag(elementName, attrs);
        }

        @Override
        public void closeTag(String elementName) {
            renderer.closeTag(elementName);
        }

        @Override
        public void text(String text) {
            renderer.text(text);
        }
    }

    /**
     * A picture one pixel wide or high (or none) is a reader counter (WordPress stats, FeedBurner), not part of the
     * story: the page would show it as a picture link.
     */
    private static boolean isTrackingPixel(Element image) {
        return isAtMostOnePixel(image.attr("width")) || isAtMostOnePixel(image.attr("height"));
    }

    private static boolean isAtMostOnePixel(String size) {
        String digits = size.strip().replaceFirst("(?i)px$", "").strip();
        return digits.equals("0") || digits.equals("1");
    }

    private static void absolute(Element element, String attribute, String baseUri, LinkResolver links) {
        if (baseUri != null && element.hasAttr(attribute) && !isPlainAbsoluteUrl(element.attr(attribute))) {
            element.attr(attribute, links.absolute(element, attribute));
        }
    }

    /**
     * What jsoup's {@code absUrl} answers, with the base address parsed once per body: {@code absUrl} parses it
     * for every link and strips control characters from both addresses with a regex before resolving, which strips
     * the link's once more (together a seventh of sanitizing a short body). Whatever the shortcut cannot resolve
     * goes to {@code absUrl} itself.
     */
    static final class LinkResolver {
        private String base;
        private URL baseUrl;

        String absolute(Element element, String attribute) {
            String elementBase = element.baseUri(); // a <base href> in the body changes it, as in absUrl
            if (!elementBase.equals(base)) {
                base = elementBase;
                try {
                    baseUrl = new URL(withoutUrlControlCharacters(elementBase));
                } catch (MalformedURLException e) {
                    baseUrl = null;
                }
            }
            if (baseUrl == null) {
                return element.absUrl(attribute);
            }
            try {
                return StringUtil.resolve(baseUrl, element.attr(attribute)).toExternalForm();
            } catch (MalformedURLException e) {
                return element.absUrl(attribute);
            }
        }

        /** jsoup strips U+0000 to U+001F from a base address before parsing it, as browsers do. */
        private static String withoutUrlControlCharacters(String address) {
            for (int index = 0; index < address.length(); index++) {
                if (address.charAt(index) < 0x20) {
                    return URL_CONTROL_CHARACTERS.matcher(address).replaceAll("");
                }
            }
            return address;
        }

        private static final Pattern URL_CONTROL_CHARACTERS = Pattern.compile("[\\x00-\\x1f]");
    }

    /**
     * An http(s) address that resolving leaves as it is (checked against jsoup on random addresses): most links in
     * feeds are, and resolving one costs a {@code java.net.URL} and a regex. No dot segments, user info, IPv6
     * literals, spaces or characters a URL must escape.
     */
    static boolean isPlainAbsoluteUrl(String value) {
        int index = value.startsWith("https://") ? 8 : value.startsWith("http://") ? 7 : -1;
        if (index < 0 || index == value.length() || !isAsciiLetterOrDigit(value.charAt(index))) {
            return false;
        }
        while (index < value.length()
                && (isAsciiLetterOrDigit(value.charAt(index))
                        || value.charAt(index) == '.'
                        || value.charAt(index) == '-')) {
            index++;
        }
        if (index < value.length() && value.charAt(index) == ':') {
            int port = ++index;
            while (index < value.length() && value.charAt(index) >= '0' && value.charAt(index) <= '9') {
                index++;
            }
            if (index == port || index - port > 5) {
                return false;
            }
        }
        if (index < value.length() && "/?#".indexOf(value.charAt(index)) < 0) {
            return false;
        }
        for (; index < value.length(); index++) {
            char c = value.charAt(index);
            if (c <= ' ' || c >= 0x7F || "\\\"<>{}|^`@[]".indexOf(c) >= 0) {
                return false;
            }
            if (c == '.' && value.charAt(index - 1) == '/') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    /**
     * The text of {@link #sanitize sanitized} HTML for reading its words, without an HTML parser: tags are dropped,
     * those of block elements, line breaks and images leaving a space as jsoup's {@code text()} does, character
     * references decoded by jsoup. The words equal those of the parser's text (checked on the real-world corpus and random
     * markup); the spacing between them may differ. A second parse of every body was a seventh of normalizing.
     */
    public static String textForWords(String sanitizedHtml) {
        if (sanitizedHtml == null) {
            return "";
        }
        StringBuilder text = new StringBuilder(sanitizedHtml.length());
        int index = 0;
        while (index < sanitizedHtml.length()) {
            int tag = sanitizedHtml.indexOf('<', index);
            String run = sanitizedHtml.substring(index, tag < 0 ? sanitizedHtml.length() : tag);
            text.append(run.indexOf('&') < 0 ? run : decodedReferences(run));
            int end = tag < 0 ? -1 : sanitizedHtml.indexOf('>', tag);
            if (end < 0) {
                break;
            }
            if (!isGluing(sanitizedHtml, tag + 1, end)) {
                text.append(' ');
            }
            index = end + 1;
        }
        return text.toString();
    }

    /**
     * What jsoup's {@code Parser.unescapeEntities(text, false)} makes of {@code text}. The references the sanitizer
     * writes ({@code &amp;}, {@code &lt;}, {@code &gt;}, decimal ones for quotes and other ASCII punctuation) are
     * decoded here; text with any other reference goes to jsoup, which builds a parser for each call (that was a
     * twentieth of normalizing).
     */
    static String decodedReferences(String text) {
        StringBuilder decoded = new StringBuilder(text.length());
        int index = 0;
        int amp;
        while ((amp = text.indexOf('&', index)) >= 0) {
            decoded.append(text, index, amp);
            int end = text.indexOf(';', amp);
            int decodedChar = end < 0 ? -1 : sanitizerReference(text, amp + 1, end);
            if (decodedChar < 0) {
                return Parser.unescapeEntities(text, false);
            }
            decoded.append((char) decodedChar);
            index = end + 1;
        }
        return decoded.append(text, index, text.length()).toString();
    }

    /**
     * The character of the reference between {@code from} and {@code end} (the semicolon) when it is one of
     * {@code amp}, {@code lt}, {@code gt}, {@code quot}, {@code nbsp} or a decimal reference to printable ASCII or
     * a character of the Basic Multilingual Plane from U+00A0 that is neither a surrogate nor U+FFFE/U+FFFF; else -1.
     */
    private static int sanitizerReference(String text, int from, int end) {
        if (end - from < 2 || end - from > 6) {
            return -1;
        }
        switch (text.substring(from, end)) {
            case "amp":
                return '&';
            case "lt":
                return '<';
            case "gt":
                return '>';
            case "quot":
                return '"';
            case "nbsp":
                return 0xA0;
            default:
                break;
        }
        if (text.charAt(from) != '#') {
            return -1;
        }
        int value = 0;
        for (int index = from + 1; index < end; index++) {
            char digit = text.charAt(index);
            if (digit < '0' || digit > '9') {
                return -1;
            }
            value = value * 10 + digit - '0';
        }
        boolean printableAscii = value >= 0x20 && value < 0x7F;
        boolean plainBmp = value >= 0xA0 && value < 0xFFFE && !Character.isSurrogate((char) value);
        return printableAscii || plainBmp ? value : -1;
    }

    /** Whether the tag between {@code from} and {@code end} opens or closes a gluing element (names as written). */
    private static boolean isGluing(String html, int from, int end) {
        int start = from < end && html.charAt(from) == '/' ? from + 1 : from;
        int stop = start;
        while (stop < end && isAsciiLetterOrDigit(html.charAt(stop))) {
            stop++;
        }
        for (String name : BodyStructure.INLINE) {
            if (name.length() == stop - start && html.regionMatches(true, start, name, 0, name.length())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first thing in a body escaped twice: a tag of an article body (or of a page layout, {@code span},
     * {@code font}, {@code img}) written as text, {@code &lt;p&gt;} or {@code &lt;div class=…}.
     */
    private static final Pattern ESCAPED_TAG_FIRST = Pattern.compile(
            "\\s*&lt;(?:"
                    + String.join(
                            "|",
                            Stream.of(
                                            BodyStructure.BODY_BLOCKS,
                                            BodyStructure.INLINE,
                                            List.of("h1", "br", "img", "span", "font", "center", "article"))
                                    .flatMap(List::stream)
                                    .toList())
                    + ")(?:\\s|/?&gt;)",
            Pattern.CASE_INSENSITIVE);

    /**
     * A body whose markup was escaped twice by its publisher (the HTML arrives as text, so a reader would see
     * "&lt;p&gt;The mayor said…" with its tags): a body without any markup that starts with an escaped body tag
     * is unescaped once. Plain text that only mentions a tag later on is left as it is.
     */
    public static String unescapedIfEscapedTwice(String body) {
        if (body == null
                || !ESCAPED_TAG_FIRST.matcher(body).lookingAt()
                || ANY_TAG.matcher(body).find()) {
            return body;
        }
        return Parser.unescapeEntities(body, false);
    }

    /**
     * A feed body with no markup at all is plain text (the most common RSS description): its blank lines separate
     * paragraphs. A body with markup is returned as it is.
     */
    public static String paragraphsIfPlainText(String body) {
        if (body == null || body.isBlank() || ANY_TAG.matcher(body).find()) {
            return body;
        }
        StringBuilder html = new StringBuilder();
        for (String paragraph : body.strip().split("\\R[ \\t]*\\R\\s*")) {
            html.append("<p>").append(paragraph.strip()).append("</p>");
        }
        return html.toString();
    }

    /** The text a reader sees, whitespace collapsed; entities decoded; characters XML cannot carry removed. */
    public static String plainText(String html) {
        if (html == null) {
            return "";
        }
        String text = isPlainText(html)
                ? collapsedWhitespace(html)
                : Jsoup.parseBodyFragment(html).text();
        return withoutControlCharacters(text).strip();
    }

    /**
     * Without markup, character references or NUL (which the HTML parser drops), the parser would only collapse
     * whitespace: most headlines and summaries are read without building a document.
     */
    private static boolean isPlainText(String html) {
        for (int index = 0; index < html.length(); index++) {
            char c = html.charAt(index);
            if (c == '<' || c == '&' || c == '\0') {
                return false;
            }
        }
        return true;
    }

    /** Exactly what jsoup's {@code Element.text()} makes of one text node. */
    private static String collapsedWhitespace(String text) {
        StringBuilder collapsed = new StringBuilder(text.length());
        StringUtil.appendNormalisedWhitespace(collapsed, text, true);
        return collapsed.toString().trim();
    }

    /**
     * Removes what no XML document may contain (C0 controls other than tab and line breaks, U+FFFE, U+FFFF,
     * unpaired surrogates): from a JSON feed they would reach the RSS and Atom output and the sitemaps and make
     * them invalid.
     */
    public static String withoutControlCharacters(String text) {
        if (text == null || !mayHoldIllegalCharacters(text)) {
            return text;
        }
        return XML_ILLEGAL.matcher(text).replaceAll("");
    }

    /** Most text holds none of them: a scan is far cheaper than the pattern, whose look-arounds run per character. */
    private static boolean mayHoldIllegalCharacters(String text) {
        for (int index = 0; index < text.length(); index++) {
            char c = text.charAt(index);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r'
                    || c == 0x7F
                    || c >= 0xFFFE
                    || Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Removes {@code <p>} elements holding nothing but whitespace, no-break spaces (as the character, which is how
     * the sanitizer writes {@code &nbsp;}, or as a reference) and {@code <br />}, in one pass
     * from left to right (what {@code replaceAll} of that pattern does, checked on random markup; the pattern's
     * search for {@code <p>} was a tenth of sanitizing).
     */
    static String removeEmptyParagraphs(String html) {
        StringBuilder kept = null;
        int copiedTo = 0;
        int open = html.indexOf("<p>");
        while (open >= 0) {
            int end = emptyParagraphEnd(html, open + 3);
            if (end < 0) {
                open = html.indexOf("<p>", open + 3);
                continue;
            }
            if (kept == null) {
                kept = new StringBuilder(html.length());
            }
            kept.append(html, copiedTo, open);
            copiedTo = end;
            open = html.indexOf("<p>", end);
        }
        return kept == null ? html : kept.append(html, copiedTo, html.length()).toString();
    }

    /** Where an empty paragraph's {@code </p>} ends when the paragraph's content from {@code from} is empty. */
    private static int emptyParagraphEnd(String html, int from) {
        int index = from;
        while (index < html.length()) {
            char c = html.charAt(index);
            if (c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == '\u00a0') {
                index++;
            } else if (html.startsWith("</p>", index)) {
                return index + 4;
            } else if (html.startsWith("&nbsp;", index)
                    || html.startsWith("&#160;", index)
                    || html.startsWith("<br />", index)) {
                index += 6;
            } else {
                return -1;
            }
        }
        return -1;
    }
}
