package org.feedwerk.translate;

import java.time.Instant;
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

    void saveTranslation(Translation translation);

    List<Translation> listTranslations(String articleId);

    /**
     * Claims the next article to translate: {@code fetched}, {@code held} and due for retry, or
     * {@code translating} with a claim older than {@code staleClaimsBefore} (its worker died).
     */
    Optional<Article> claimNext(Instant now, Instant staleClaimsBefore);

    /**
     * Ends a claim unless the article got a new revision meanwhile (then it stays {@code fetched}).
     *
     * @return false when the article changed and the result must not be applied
     */
    boolean finishClaim(String articleId, int revision, ArticleStatus status, String reason, Instant retryAt);

    /** One translation-memory entry. */
    record MemoryEntry(String key, String engine, String sourceLanguage, String targetLanguage, String sourceText,
            String targetText, Instant createdAt) {}
}
