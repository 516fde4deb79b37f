package org.feedwerk.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The one notion of an article body's structure that segmentation, reassembly, post-editing and the markup check
 * share. Block elements (paragraphs, headings, lists, quotes, figures, tables, {@code div}, {@code section},
 * {@code pre} …) and line breaks divide a body into <em>text runs</em>: maximal sequences of sibling text and
 * inline elements. A run is what an engine translates; everything between runs is structure, which a translation
 * never changes. Loose text beside blocks, text joined by {@code <br>} and plain text without any markup are runs
 * like any paragraph's content, so they are translated in place, with no wrapper added.
 */
public final class BodyStructure {
    /** Elements that start a new block: they end the run before them and never travel inside a segment. */
    static final Set<String> BLOCKS = Set.of(
            "p",
            "h1",
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
            "blockquote",
            "figure",
            "figcaption",
            "table",
            "caption",
            "thead",
            "tbody",
            "tfoot",
            "tr",
            "td",
            "th",
            "pre",
            "div",
            "section",
            "article",
            "aside",
            "header",
            "footer",
            "main",
            "nav",
            "address",
            "details",
            "summary",
            "hr");
    /** Void elements that separate runs without being blocks. */
    static final Set<String> BREAKS = Set.of("br", "hr");

    private BodyStructure() {}

    /** The body's block skeleton in document order: block tags, line breaks, and "#text" for each text run. */
    public static List<String> of(String bodyHtml) {
        Element body = Jsoup.parseBodyFragment(bodyHtml == null ? "" : bodyHtml).body();
        List<String> skeleton = new ArrayList<>();
        collect(body, skeleton);
        return List.copyOf(skeleton);
    }

    private static void collect(Element container, List<String> skeleton) {
        boolean inRun = false;
        for (Node child : container.childNodes()) {
            if (child instanceof Element element && separates(element)) {
                inRun = false;
                skeleton.add(element.tagName());
                collect(element, skeleton);
            } else if (!inRun && hasLetters(child)) {
                skeleton.add("#text");
                inRun = true;
            }
        }
    }

    /**
     * A block element, a line break, or an inline element that wraps blocks (a link around a paragraph): it ends
     * the run before it, and its content is divided again.
     */
    static boolean separates(Element element) {
        if (BLOCKS.contains(element.tagName()) || BREAKS.contains(element.tagName())) {
            return true;
        }
        for (Element descendant : element.getAllElements()) {
            if (descendant != element && BLOCKS.contains(descendant.tagName())) {
                return true;
            }
        }
        return false;
    }

    static boolean hasLetters(Node node) {
        String text = node instanceof TextNode textNode
                ? textNode.text()
                : node instanceof Element element ? element.text() : "";
        return text.codePoints().anyMatch(Character::isLetter);
    }
}
