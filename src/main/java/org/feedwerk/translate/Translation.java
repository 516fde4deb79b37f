package org.feedwerk.translate;

import java.time.Instant;
import java.util.List;

/**
 * One translation of one revision into one language by one engine ({@code original} when the article already is
 * in that language). {@code charsSent} went to the engine; {@code charsReused} came from the translation memory.
 * {@code postEdits} names the automatic post-edit rules applied, {@code qaReport} is the quality report (JSON).
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
        Instant translatedAt,
        List<String> postEdits,
        String qaReport) {

    public static final String ORIGINAL_ENGINE = "original";

    public Translation {
        postEdits = postEdits == null ? List.of() : List.copyOf(postEdits);
    }

    /** A translation that has not been reviewed yet. */
    public Translation(String articleId, int revision, String language, String sourceLanguage, String engine,
            TranslationStatus status, String headline, String teaser, String bodyHtml, long charsSent,
            long charsReused, long billed, Instant translatedAt) {
        this(articleId, revision, language, sourceLanguage, engine, status, headline, teaser, bodyHtml, charsSent,
                charsReused, billed, translatedAt, List.of(), null);
    }

    public Translation withReview(TranslationStatus newStatus, String newHeadline, String newTeaser,
            String newBodyHtml, List<String> rules, String report) {
        return new Translation(articleId, revision, language, sourceLanguage, engine, newStatus, newHeadline,
                newTeaser, newBodyHtml, charsSent, charsReused, billed, translatedAt, rules, report);
    }
}
