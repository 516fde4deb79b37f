package org.feedwerk.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Splits an article body into block segments (paragraph, heading, list item, quote, caption, table cell), each
 * with its inline markup, and puts translated segments back into the same structure. Blocks without letters
 * (a number, an image) are kept as they are and not sent to an engine.
 */
public final class HtmlSegments {
    private static final Set<String> BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote",
            "figcaption", "td", "th", "caption", "dt", "dd", "pre");
    private static final Set<String> STRUCTURE = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
            "blockquote", "figure", "figcaption", "img", "table", "caption", "thead", "tbody", "tfoot", "tr", "td",
            "th", "dl", "dt", "dd", "pre", "hr");

    private final Document document;
    private final List<Element> segments;

    private HtmlSegments(Document document, List<Element> segments) {
        this.document = document;
        this.segments = segments;
    }

    public static HtmlSegments of(String bodyHtml) {
        Document document = Jsoup.parseBodyFragment(bodyHtml == null ? "" : bodyHtml);
        document.outputSettings().prettyPrint(false);
        wrapLooseInlineContent(document.body());
        List<Element> segments = new ArrayList<>();
        for (Element element : document.body().getAllElements()) {
            if (BLOCKS.contains(element.tagName()) && !containsBlock(element) && hasLetters(element)) {
                segments.add(element);
            }
        }
        return new HtmlSegments(document, segments);
    }

    /** The inner HTML of every segment, in document order. */
    public List<String> texts() {
        return segments.stream().map(Element::html).toList();
    }

    /** The body with each segment replaced by its translation (same order as {@link #texts()}). */
    public String assemble(List<String> translations) {
        if (translations.size() != segments.size()) {
            throw new IllegalArgumentException(segments.size() + " segments but " + translations.size()
                    + " translations");
        }
        Document copy = document.clone();
        List<Element> targets = new ArrayList<>();
        List<Element> all = document.body().getAllElements();
        List<Element> copied = copy.body().getAllElements();
        for (Element segment : segments) {
            targets.add(copied.get(all.indexOf(segment)));
        }
        for (int index = 0; index < targets.size(); index++) {
            targets.get(index).html(translations.get(index));
        }
        return copy.body().html();
    }

    /** The block elements of a body in order: what must survive translation unchanged. */
    public static List<String> blockStructure(String bodyHtml) {
        Document document = Jsoup.parseBodyFragment(bodyHtml == null ? "" : bodyHtml);
        wrapLooseInlineContent(document.body());
        return document.body().getAllElements().stream().map(Element::tagName).filter(STRUCTURE::contains).toList();
    }

    private static boolean containsBlock(Element element) {
        for (Element descendant : element.getAllElements()) {
            if (descendant != element && BLOCKS.contains(descendant.tagName())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasLetters(Element element) {
        return element.text().codePoints().anyMatch(Character::isLetter);
    }

    /** Text or inline elements directly in the body (sloppy feeds) are wrapped into paragraphs. */
    private static void wrapLooseInlineContent(Element body) {
        List<Node> run = new ArrayList<>();
        for (Node node : new ArrayList<>(body.childNodes())) {
            boolean inline = node instanceof TextNode || (node instanceof Element element
                    && !STRUCTURE.contains(element.tagName()) && !BLOCKS.contains(element.tagName()));
            if (inline) {
                run.add(node);
            } else {
                wrap(run);
            }
        }
        wrap(run);
    }

    private static void wrap(List<Node> run) {
        boolean blank = run.stream().allMatch(node -> node instanceof TextNode text && text.isBlank());
        if (!run.isEmpty() && !blank) {
            Element paragraph = new Element("p");
            run.get(0).before(paragraph);
            run.forEach(paragraph::appendChild);
        }
        run.clear();
    }
}
