package org.feedwerk.translate;

import java.time.Instant;

/**
 * One translation of one revision into one language by one engine ({@code original} when the article already is
 * in that language). {@code charsSent} went to the engine; {@code charsReused} came from the translation memory.
 */
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
        Instant translatedAt) {

    public static final String ORIGINAL_ENGINE = "original";
}
