package org.feedwerk.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
    /**
     * The block elements a sanitized body keeps: the article sanitizer allows exactly these, {@link #INLINE}, line
     * breaks and images.
     */
    public static final List<String> BODY_BLOCKS = List.of(
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
            "pre",
            "hr",
            "figure",
            "figcaption",
            "table",
            "caption",
            "thead",
            "tbody",
            "tfoot",
            "tr",
            "th",
            "td");
    /**
     * Blocks of page layout that the sanitizer drops (keeping their text), still read as blocks here because an
     * engine's output is read with the same structure as the body it translated.
     */
    private static final List<String> LAYOUT_BLOCKS =
            List.of("h1", "article", "aside", "header", "footer", "main", "nav", "address", "details", "summary");
    /** Inline elements a sanitized body keeps: their boundaries separate no words. */
    public static final List<String> INLINE =
            List.of("a", "abbr", "b", "cite", "code", "em", "i", "q", "s", "small", "strong", "sub", "sup", "u");
    /** Elements that start a new block: they end the run before them and never travel inside a segment. */
    static final Set<String> BLOCKS =
            Stream.concat(BODY_BLOCKS.stream(), LAYOUT_BLOCKS.stream()).collect(Collectors.toUnmodifiableSet());
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
