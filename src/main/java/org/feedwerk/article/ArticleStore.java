package org.feedwerk.article;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.feedwerk.parse.ItemPackage;

/** Persistence the normalize stage needs; implemented in {@code store} for SQLite and PostgreSQL. */
public interface ArticleStore {
    /**
     * Runs {@code work} in one database transaction; everything it stores is kept or nothing is. The transaction
     * first moves the ingest clock on ({@link #ingestTick()}): transactions that store articles take turns, so that
     * the copies a lookup inside one finds include everything stored before it, from any process.
     */
    <T> T inTransaction(Function<ArticleStore, T> work);

    /**
     * The ingest clock: the tick of the last committed ingest transaction. Every revision stored after this call
     * returns has a higher tick, so a lookup made outside a transaction can afterwards be completed with
     * {@link #findClustersWithSimilarTextStoredAfter}.
     */
    long ingestTick();

    /** Inside {@link #inTransaction}: the ingest clock's tick this transaction took. */
    long transactionTick();

    /**
     * Inside a transaction: runs {@code work} in a savepoint, so that when it fails its writes are undone and the
     * transaction goes on (the exception is rethrown). Outside one it is a transaction of its own.
     */
    <T> T inSavepoint(Function<ArticleStore, T> work);

    /** Which of these article ids exist (one query for a chunk of a document). */
    Set<String> findExistingArticleIds(Collection<String> ids);

    Optional<Article> findArticle(String id);

    Optional<Revision> findRevision(String articleId, int number);

    List<Revision> listRevisions(String articleId);

    /**
     * For each of these content hashes that an existing article has had, the cluster of the earliest such
     * article (one query for a chunk of a document).
     */
    Map<String, String> findClustersWithContent(Collection<String> contentHashes);

    /**
     * For each fingerprint, in the same order: the cluster of the earliest article from another source (in a
     * cluster led by another source) since {@code since} whose text shares at least
     * {@link TextFingerprint#MIN_SIMILARITY} of its word groups with this one, the same story with small edits.
     */
    List<Optional<NearDuplicate>> findClustersWithSimilarText(
            List<TextFingerprint> fingerprints, String exceptSourceId, Instant since);

    /**
     * As {@link #findClustersWithSimilarText}, among the revisions stored by transactions after {@code tick} only
     * (few: those that committed since a lookup made ahead of this transaction).
     */
    List<Optional<NearDuplicate>> findClustersWithSimilarTextStoredAfter(
            List<TextFingerprint> fingerprints, String exceptSourceId, Instant since, long tick);

    /**
     * Forgets the band keys of revisions stored before {@code cutoff}, which near-duplicate lookups no longer
     * consider; returns how many band rows went. The signatures stay on the revisions.
     */
    int forgetTextBandsBefore(Instant cutoff);

    /** A cluster whose text is nearly the same, and the estimated share of word groups in common. */
    record NearDuplicate(String clusterId, double similarity) {}

    /** A new article with its first revision and that revision's text fingerprint, if it has one. */
    record NewArticle(Article article, Revision first, Optional<TextFingerprint> fingerprint) {}

    /** Stores new articles (in batches, whatever their number). */
    void insertArticles(List<NewArticle> articles);

    void appendRevision(
            Revision revision, Optional<TextFingerprint> fingerprint, ArticleStatus status, Instant updatedAt);

    void recordPayload(PayloadRef payload);

    /** Replaces the membership of a package (NewsML-G2 packageItem) with the items it now references. */
    void savePackage(String sourceId, ItemPackage itemPackage);

    Set<String> findReusedGuids(String sourceId);

    void rememberReusedGuids(String sourceId, Set<String> guids);

    List<Article> listArticles(ArticleQuery query);

    /**
     * Translated articles whose current revision is not under embargo at {@code now}, oldest first, so that any
     * number of embargoed articles never holds back the others.
     */
    List<Article> listPublishable(Instant now, int limit);

    /** How many articles are in each status. */
    Map<ArticleStatus, Integer> countByStatus();

    /** The oldest last change of the articles in each status (how long the queue has been waiting). */
    Map<ArticleStatus, Instant> oldestByStatus();

    /** New articles per source since {@code since}. */
    Map<String, Integer> countNewArticlesSince(Instant since);

    /** New articles per hour since {@code since}: hour (epoch hour) → count. */
    Map<Long, Integer> countNewArticlesPerHour(Instant since);

    /** Articles whose id is {@code text} or whose headline contains it, newest first. */
    List<Article> searchArticles(String text, int limit);

    /** Makes held (and failed) articles due for translation now: one, or all when {@code articleId} is null. */
    int retryNow(String articleId, Instant now);
}
