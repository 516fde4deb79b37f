package org.feedwerk.postedit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.feedwerk.article.ArticleHtml;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Applies the post-edit rules of the target language to text only: plain headlines and teasers, and the text
 * nodes of each block of an HTML body, never tags, attributes or URLs. Reports which rules changed something.
 */
public final class PostEditor {
    private static final Map<String, List<PostEditRule>> RULES = Map.of("de", GermanRules.all());
    private static final java.util.Set<String> BLOCKS = java.util.Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6",
            "li", "blockquote", "figcaption", "td", "th", "caption", "dt", "dd", "pre");

    /** The edited text and the names of the rules that changed it. */
    public record Edited(String text, Set<String> rules) {}

    private final List<PostEditRule> rules;

    public PostEditor(String targetLanguage) {
        this.rules = RULES.getOrDefault(targetLanguage, List.of());
    }

    public Edited editPlain(String text, String sourceText) {
        if (text == null) {
            return new Edited(null, Set.of());
        }
        Set<String> applied = new LinkedHashSet<>();
        List<String> pieces = List.of(text);
        for (PostEditRule rule : rules) {
            List<String> edited = rule.apply(pieces, sourceText == null ? "" : sourceText);
            if (!edited.equals(pieces)) {
                applied.add(rule.name());
                pieces = edited;
            }
        }
        return new Edited(pieces.get(0), applied);
    }

    /** Edits each block's text nodes as one segment; {@code sourceHtml} gives the numbers the source had. */
    public Edited editHtml(String html, String sourceHtml) {
        Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false);
        String sourceText = ArticleHtml.plainText(sourceHtml);
        Set<String> applied = new LinkedHashSet<>();
        List<Element> blocks = new ArrayList<>();
        for (Element element : document.body().getAllElements()) {
            boolean block = BLOCKS.contains(element.tagName()) || element == document.body();
            if (block && element.getAllElements().stream().noneMatch(inner -> inner != element
                    && BLOCKS.contains(inner.tagName()))) {
                blocks.add(element);
            }
        }
        for (Element block : blocks) {
            List<TextNode> nodes = textNodes(block);
            List<String> pieces = nodes.stream().map(TextNode::getWholeText).toList();
            for (PostEditRule rule : rules) {
                List<String> edited = rule.apply(pieces, sourceText);
                if (!edited.equals(pieces)) {
                    applied.add(rule.name());
                    pieces = edited;
                }
            }
            for (int index = 0; index < nodes.size(); index++) {
                nodes.get(index).text(pieces.get(index));
            }
        }
        // Unchanged text is returned byte for byte, not re-serialized.
        return applied.isEmpty() ? new Edited(html, applied) : new Edited(document.body().html(), applied);
    }

    private static List<TextNode> textNodes(Element block) {
        List<TextNode> nodes = new ArrayList<>();
        block.traverse((node, depth) -> {
            if (node instanceof TextNode text) {
                nodes.add(text);
            }
        });
        return nodes;
    }
}
