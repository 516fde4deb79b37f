package org.feedwerk.translate;

import java.util.ArrayList;
import java.util.List;
import org.feedwerk.article.ArticleHtml;
import org.feedwerk.html.BodySegments;

/** Translates a free text or HTML document with one engine, without memory: for trying an engine by hand. */
public final class TextTranslator {
    private final TranslationEngine engine;

    public TextTranslator(TranslationEngine engine) {
        this.engine = engine;
    }

    /** Paragraphs (separated by blank lines) are translated as segments and joined the same way. */
    public String translatePlain(String source, String target, String text) {
        List<String> paragraphs = new ArrayList<>();
        for (String paragraph : text.strip().split("\\R\\s*\\R")) {
            if (!paragraph.isBlank()) {
                paragraphs.add(paragraph.strip());
            }
        }
        if (paragraphs.isEmpty()) {
            return "";
        }
        return String.join(
                "\n\n",
                SegmentTranslator.send(engine, source, target, TextFormat.PLAIN, paragraphs)
                        .texts());
    }

    /** The document's block segments are translated with their inline markup; the result is sanitized. */
    public String translateHtml(String source, String target, String html) {
        BodySegments segments = BodySegments.of(html);
        if (segments.texts().isEmpty()) {
            return ArticleHtml.sanitize(html, null);
        }
        List<String> translated = SegmentTranslator.send(engine, source, target, TextFormat.HTML, segments.texts())
                .texts();
        return ArticleHtml.sanitize(segments.assemble(translated), null);
    }
}
