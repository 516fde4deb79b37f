package org.feedwerk.publish;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.feedwerk.article.ArticleStatus;

/** Persistence of the publish stage; implemented in {@code store}. Appends are the only writes to the chains. */
public interface PublicationStore {
    <T> T inTransaction(Function<PublicationStore, T> work);

    /** Appends to the publication chain (serialized with other appends) and returns the new entry. */
    Publication append(PublishedContent content);

    /** Appends to the audit log. */
    AuditEntry audit(Instant at, String action, String subject, String detail);

    Optional<Publication> findLatest(String articleId, String language);

    List<Publication> listPublications(String articleId);

    /** Version 1 of the article's page in {@code language}: it fixes the page's date and slug. */
    Optional<Publication> findFirst(String articleId, String language);

    /** The latest version of each live (not withdrawn) article in {@code language}, newest first. */
    List<Publication> listLive(String language, String sourceId, int limit, int offset);

    int countLive(String language, String sourceId);

    /** Publications per hour since {@code since}: epoch hour → count. */
    Map<Long, Integer> countPublicationsPerHour(Instant since);

    /** Status and current revision of an article, locked for the rest of the transaction. */
    Optional<ArticleState> lockArticle(String articleId);

    /** Articles grouped with this one in a source's package (NewsML-G2 packageItem), in package order. */
    List<String> findPackageMates(String articleId);

    /** Status and current revision of an article, without locking. */
    Optional<ArticleState> findArticleState(String articleId);

    /** Moves the article to {@code published} (inside the transaction that appended its versions). */
    void markPublished(String articleId);

    Optional<Withdrawal> findWithdrawal(String articleId);

    void saveWithdrawal(Withdrawal withdrawal);

    /** Every withdrawal row, oldest first. */
    List<Withdrawal> listWithdrawals();

    /** Every publication in chain order, for verification. */
    List<Publication> listChain();

    List<AuditEntry> listAudit();

    List<AuditEntry> listAudit(String subject);

    /** Audit entries after {@code position}, in chain order, at most {@code limit} (to follow the chain). */
    List<AuditEntry> listAuditAfter(long position, int limit);

    /** Position and hash recorded as the end of a chain ({@code publication} or {@code audit}). */
    ChainHead findHead(String chain);

    /** What publishing needs to know about an article at the moment it publishes. */
    record ArticleState(ArticleStatus status, int currentRevision) {}

    /** Position and hash of the last entry of a chain. */
    record ChainHead(long position, String lastSha256) {}
}
