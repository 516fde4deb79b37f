package org.feedwerk.translate;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Instant;
import java.util.List;

/**
 * One translation of one revision into one language by one engine ({@code original} when the article already is
 * in that language). {@code charsSent} went to the engine; {@code charsReused} came from the translation memory.
 * {@code postEdits} names the automatic post-edit rules applied, {@code qaReport} is the quality report (JSON).
 */
@RecordBuilder
public record Translation(
        String articleId,
        int revision,
        String language,
        String sourceLanguage,
        String engine,
        TranslationStatus status,
        String headline,
        String teaser,
        String bodyHtml,
        long charsSent,
        long charsReused,
        long billed,
        Instant translatedAt,
        List<String> postEdits,
        String qaReport) {

    public static final String ORIGINAL_ENGINE = "original";

    public Translation {
        postEdits = postEdits == null ? List.of() : List.copyOf(postEdits);
    }

    /** A builder holding this translation's values, to change some of them by name. */
    public TranslationBuilder toBuilder() {
        return TranslationBuilder.builder(this);
    }

    /**
     * Built by name: fifteen positional fields invite swapped arguments; unset lists
     * stay empty. The builder is generated at compile time (record-builder).
     */
    public static TranslationBuilder builder() {
        return TranslationBuilder.builder();
    }
}
