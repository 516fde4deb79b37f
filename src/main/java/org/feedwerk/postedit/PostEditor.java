package org.feedwerk.postedit;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.feedwerk.article.ArticleHtml;
import org.feedwerk.html.BodySegments;
import org.jsoup.nodes.TextNode;

/**
 * Applies the post-edit rules of the target language to text only: plain headlines and teasers, and the text
 * nodes of each text run of an HTML body, never tags, attributes or URLs. Reports which rules changed something.
 */
public final class PostEditor {
    /** Rules per target language; a language without rules is left as the engine wrote it. */
    private static final Map<String, List<PostEditRule>> RULES =
            Map.of("de", GermanRules.all(), "es", SpanishCatalanRules.spanish(), "ca", SpanishCatalanRules.catalan());

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

    /** Edits each text run's text nodes as one segment; {@code sourceHtml} gives the numbers the source had. */
    public Edited editHtml(String html, String sourceHtml) {
        BodySegments body = BodySegments.of(html);
        String sourceText = ArticleHtml.plainText(sourceHtml);
        Set<String> applied = new LinkedHashSet<>();
        for (List<TextNode> nodes : body.textNodes()) {
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
        return applied.isEmpty() ? new Edited(html, applied) : new Edited(body.html(), applied);
    }
}
