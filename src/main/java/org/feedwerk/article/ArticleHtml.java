package org.feedwerk.article;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.owasp.html.HtmlPolicyBuilder;
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
    private static final Pattern EMPTY_PARAGRAPH = Pattern.compile("<p>(?:\\s|&nbsp;|&#160;|<br />)*</p>");
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements(
                    "p",
                    "h2",
                    "h3",
                    "h4",
                    "h5",
                    "h6",
                    "ul",
                    "ol",
                    "li",
                    "dl",
                    "dt",
                    "dd",
                    "div",
                    "section",
                    "blockquote",
                    "q",
                    "cite",
                    "em",
                    "strong",
                    "b",
                    "i",
                    "u",
                    "s",
                    "sub",
                    "sup",
                    "small",
                    "abbr",
                    "code",
                    "pre",
                    "br",
                    "hr",
                    "a",
                    "figure",
                    "figcaption",
                    "img",
                    "table",
                    "caption",
                    "thead",
                    "tbody",
                    "tfoot",
                    "tr",
                    "th",
                    "td")
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

    private ArticleHtml() {}

    /** Sanitized HTML; {@code baseUri} (may be null) resolves relative links and image sources. */
    public static String sanitize(String html, String baseUri) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document document = Jsoup.parseBodyFragment(html, baseUri == null ? "" : baseUri);
        document.outputSettings().prettyPrint(false);
        for (Element element : document.body().getAllElements()) {
            switch (element.normalName()) {
                case "h1" -> element.tagName("h2"); // the page's own headline is the only h1
                case "a" -> absolute(element, "href", baseUri);
                case "img" -> absolute(element, "src", baseUri);
                default -> {}
            }
        }
        String sanitized =
                withoutControlCharacters(POLICY.sanitize(document.body().html()));
        return removeEmptyParagraphs(sanitized).strip();
    }

    private static void absolute(Element element, String attribute, String baseUri) {
        if (baseUri != null && element.hasAttr(attribute)) {
            element.attr(attribute, element.absUrl(attribute));
        }
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

    private static String removeEmptyParagraphs(String html) {
        return EMPTY_PARAGRAPH.matcher(html).replaceAll("");
    }
}
