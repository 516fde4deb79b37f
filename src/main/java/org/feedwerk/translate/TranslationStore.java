package org.feedwerk.translate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.feedwerk.article.Article;
import org.feedwerk.article.ArticleStatus;

/** Persistence of the translate stage: the translation memory, translations and the work queue. */
public interface TranslationStore {
    /** Memory entries for the keys that are present: key → target segment. */
    Map<String, String> findSegments(Collection<String> keys);

    void saveSegment(MemoryEntry entry);

    /** Stores the translation; for a reviewed one also the names of its failed checks. */
    void saveTranslation(Translation translation, List<String> failedChecks);

    default void saveTranslation(Translation translation) {
        saveTranslation(translation, List.of());
    }

    /** Characters sent and reused per engine per day since {@code since}. */
    List<EngineDay> usagePerDay(Instant since);

    /** Characters sent to one engine since {@code since} (for daily budgets). */
    long charsSentSince(String engine, Instant since);

    /** Characters an engine was sent and answered, for its daily budget, whatever became of the answer. */
    void recordCharsSent(String engine, Instant at, long chars);

    /** One engine's usage on one UTC day. */
    record EngineDay(String engine, LocalDate day, long charsSent, long charsReused, int translations) {}

    /** How often each check failed, per engine: engine → check → count. */
    Map<String, Map<String, Integer>> countFailedChecks();

    List<Translation> listTranslations(String articleId);

    /**
     * Claims the next article to translate: {@code fetched}, {@code held} and due for retry, or
     * {@code translating} with a claim older than {@code staleClaimsBefore} (its worker died).
     */
    Optional<Claim> claimNext(Instant now, Instant staleClaimsBefore);

    /** A worker's claim of an article; the token fences out any other holder of an older claim. */
    record Claim(Article article, String token) {}

    /** Extends the claim's lease to {@code now}; false when the claim was lost (taken over after it expired). */
    boolean renewClaim(Claim claim, Instant now);

    /**
     * Ends a claim unless the article got a new revision meanwhile (then it stays {@code fetched}) or another
     * worker took the claim over.
     *
     * @return false when the article changed or the claim was lost, and the result must not be applied
     */
    boolean finishClaim(Claim claim, int revision, ArticleStatus status, String reason, Instant retryAt);

    /** One translation-memory entry. */
    record MemoryEntry(
            String key,
            String engine,
            String sourceLanguage,
            String targetLanguage,
            String sourceText,
            String targetText,
            Instant createdAt) {}
}
