package org.feedwerk.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.feedwerk.article.ArticleStatus;
import org.feedwerk.publish.AuditEntry;
import org.feedwerk.publish.ContentCodec;
import org.feedwerk.publish.Hashes;
import org.feedwerk.publish.Publication;
import org.feedwerk.publish.PublicationStore;
import org.feedwerk.publish.PublishedContent;
import org.feedwerk.publish.Withdrawal;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * {@link PublicationStore} over Jdbi. Each append reads and advances the chain head inside the caller's
 * transaction, locking the head row on PostgreSQL, so concurrent publishers form one chain.
 */
public final class JdbiPublicationStore implements PublicationStore {
    /** Records read by their columns' names (snake case to the components' names), instants as epoch milliseconds. */
    private static final RowMapper<ChainHead> CHAIN_HEAD = ConstructorMapper.of(ChainHead.class);

    private static final RowMapper<Withdrawal> WITHDRAWAL = ConstructorMapper.of(Withdrawal.class);

    private static final String LIVE = """
            FROM publication p
            JOIN (SELECT article_id, language, MAX(sequence) AS latest FROM publication GROUP BY article_id, language) l
              ON l.article_id = p.article_id AND l.language = p.language AND l.latest = p.sequence
            JOIN article a ON a.id = p.article_id
            WHERE a.status NOT IN ('withdrawn', 'withheld', 'canceled') AND p.language = :language
              AND NOT EXISTS (SELECT 1 FROM withdrawal w WHERE w.article_id = p.article_id)""";

    private final Database database;
    private final HandleSource handles;

    public JdbiPublicationStore(Database database) {
        this(database, null);
    }

    private JdbiPublicationStore(Database database, Handle transaction) {
        this.database = database;
        this.handles = new HandleSource(database.jdbi(), transaction);
    }

    @Override
    public <T> T inTransaction(Function<PublicationStore, T> work) {
        if (handles.isInTransaction()) {
            return work.apply(this);
        }
        return handles.inTransaction(handle -> work.apply(new JdbiPublicationStore(database, handle)));
    }

    @Override
    public Publication append(PublishedContent content) {
        return inTransaction(store -> ((JdbiPublicationStore) store).appendLocked(content));
    }

    private Publication appendLocked(PublishedContent content) {
        return handles.with(handle -> {
            ChainHead head = lockHead(handle, "publication");
            long position = head.position() + 1;
            String json = ContentCodec.write(content);
            String contentSha = Hashes.sha256(json);
            String entrySha = Hashes.entry(position, head.lastSha256(), contentSha);
            handle.createUpdate("""
                            INSERT INTO publication (position, article_id, language, sequence, revision, engine, content,
                                content_sha256, previous_sha256, entry_sha256, published_at)
                            VALUES (:position, :articleId, :language, :sequence, :revision, :engine, :content,
                                :contentSha, :previousSha, :entrySha, :publishedAt)""")
                    .bind("position", position)
                    .bind("articleId", content.articleId())
                    .bind("language", content.language())
                    .bind("sequence", content.sequence())
                    .bind("revision", content.revision())
                    .bind("engine", content.engine())
                    .bind("content", json)
                    .bind("contentSha", contentSha)
                    .bind("previousSha", head.lastSha256())
                    .bind("entrySha", entrySha)
                    .bindByType("publishedAt", content.publishedAt(), Instant.class)
                    .execute();
            advanceHead(handle, "publication", position, entrySha);
            return new Publication(position, content, json, contentSha, head.lastSha256(), entrySha);
        });
    }

    @Override
    public AuditEntry audit(Instant at, String action, String subject, String detail) {
        return inTransaction(store -> ((JdbiPublicationStore) store).auditLocked(at, action, subject, detail));
    }

    private AuditEntry auditLocked(Instant time, String action, String subject, String detail) {
        // The column keeps milliseconds; the hash must cover exactly what is stored, or verify fails on it.
        Instant at = time.truncatedTo(ChronoUnit.MILLIS);
        return handles.with(handle -> {
            ChainHead head = lockHead(handle, "audit");
            long position = head.position() + 1;
            String entrySha = Hashes.entry(
                    position, head.lastSha256(), Hashes.sha256(AuditEntry.canonical(at, action, subject, detail)));
            handle.createUpdate("""
                            INSERT INTO audit_log (position, at, action, subject, detail, previous_sha256, entry_sha256)
                            VALUES (:position, :at, :action, :subject, :detail, :previousSha, :entrySha)""")
                    .bind("position", position)
                    .bind("at", at)
                    .bind("action", action)
                    .bind("subject", subject)
                    .bind("detail", detail)
                    .bind("previousSha", head.lastSha256())
                    .bind("entrySha", entrySha)
                    .execute();
            advanceHead(handle, "audit", position, entrySha);
            return new AuditEntry(position, at, action, subject, detail, head.lastSha256(), entrySha);
        });
    }

    private ChainHead lockHead(Handle handle, String chain) {
        String lock = database.isSqlite() ? "" : " FOR UPDATE";
        return handle.createQuery("SELECT position, last_sha256 FROM chain_head WHERE chain = :chain" + lock)
                .bind("chain", chain)
                .map(CHAIN_HEAD)
                .one();
    }

    private static void advanceHead(Handle handle, String chain, long position, String sha) {
        handle.createUpdate("UPDATE chain_head SET position = :position, last_sha256 = :sha WHERE chain = :chain")
                .bind("position", position)
                .bind("sha", sha)
                .bind("chain", chain)
                .execute();
    }

    @Override
    public Optional<Publication> findLatest(String articleId, String language) {
        return handles.with(handle -> handle.createQuery("""
                        SELECT * FROM publication WHERE article_id = :id AND language = :language
                        ORDER BY sequence DESC LIMIT 1""")
                .bind("id", articleId)
                .bind("language", language)
                .map(JdbiPublicationStore::mapPublication)
                .findOne());
    }

    @Override
    public Optional<Publication> findFirst(String articleId, String language) {
        return handles.with(handle -> handle.createQuery(
                        "SELECT * FROM publication WHERE article_id = :id AND language = :language AND sequence = 1")
                .bind("id", articleId)
                .bind("language", language)
                .map(JdbiPublicationStore::mapPublication)
                .findOne());
    }

    @Override
    public List<Publication> listPublications(String articleId) {
        return handles.with(handle -> handle.createQuery(
                        "SELECT * FROM publication WHERE article_id = :id ORDER BY language, sequence")
                .bind("id", articleId)
                .map(JdbiPublicationStore::mapPublication)
                .list());
    }

    @Override
    public List<Publication> listLive(String language, String sourceId, int limit, int offset) {
        String sql = "SELECT p.* " + LIVE + (sourceId == null ? "" : " AND a.source_id = :sourceId")
                + " ORDER BY p.published_at DESC, p.position DESC LIMIT :limit OFFSET :offset";
        return handles.with(handle -> {
            Query query = handle.createQuery(sql)
                    .bind("language", language)
                    .bind("limit", limit)
                    .bind("offset", offset);
            if (sourceId != null) {
                query.bind("sourceId", sourceId);
            }
            return query.map(JdbiPublicationStore::mapPublication).list();
        });
    }

    @Override
    public int countLive(String language, String sourceId) {
        String sql = "SELECT COUNT(*) " + LIVE + (sourceId == null ? "" : " AND a.source_id = :sourceId");
        return handles.with(handle -> {
            Query query = handle.createQuery(sql).bind("language", language);
            if (sourceId != null) {
                query.bind("sourceId", sourceId);
            }
            return query.mapTo(Integer.class).one();
        });
    }

    @Override
    public Optional<ArticleState> lockArticle(String articleId) {
        return articleState(articleId, !database.isSqlite()); // SQLite's write transaction already serializes
    }

    @Override
    public List<String> findPackageMates(String articleId) {
        return handles.with(handle ->
                handle.createQuery("""
                        SELECT DISTINCT other.id, mate.package_guid, mate.position FROM article self
                        JOIN package_member mine ON mine.source_id = self.source_id AND mine.item_guid = self.guid
                        JOIN package_member mate ON mate.source_id = mine.source_id
                            AND mate.package_guid = mine.package_guid AND mate.item_guid <> mine.item_guid
                        JOIN article other ON other.source_id = mate.source_id AND other.guid = mate.item_guid
                        WHERE self.id = :id ORDER BY mate.package_guid, mate.position""").bind("id", articleId).map((row, context) -> row.getString(1)).list().stream()
                        .distinct()
                        .toList());
    }

    @Override
    public Optional<ArticleState> findArticleState(String articleId) {
        return articleState(articleId, false);
    }

    private Optional<ArticleState> articleState(String articleId, boolean forUpdate) {
        return handles.with(handle -> handle.createQuery("SELECT status, current_revision FROM article WHERE id = :id"
                        + (forUpdate ? " FOR UPDATE" : ""))
                .bind("id", articleId)
                .map((row, context) -> new ArticleState(
                        ArticleStatus.fromWireName(row.getString("status")), row.getInt("current_revision")))
                .findOne());
    }

    @Override
    public void markPublished(String articleId) {
        handles.use(handle -> handle.createUpdate(
                        "UPDATE article SET status = 'published', status_reason = NULL WHERE id = :id")
                .bind("id", articleId)
                .execute());
    }

    @Override
    public Map<Long, Integer> countPublicationsPerHour(Instant since) {
        return HourlyCounts.count(handles, "publication", "published_at", since);
    }

    @Override
    public Optional<Withdrawal> findWithdrawal(String articleId) {
        return handles.with(handle -> handle.createQuery("SELECT * FROM withdrawal WHERE article_id = :id")
                .bind("id", articleId)
                .map(WITHDRAWAL)
                .findOne());
    }

    @Override
    public List<Withdrawal> listWithdrawals() {
        return handles.with(handle -> handle.createQuery("SELECT * FROM withdrawal ORDER BY withdrawn_at, article_id")
                .map(WITHDRAWAL)
                .list());
    }

    @Override
    public void saveWithdrawal(Withdrawal withdrawal) {
        handles.use(handle -> {
            handle.createUpdate("""
                            INSERT INTO withdrawal (article_id, reason, actor, withdrawn_at)
                            VALUES (:id, :reason, :actor, :at)""")
                    .bind("id", withdrawal.articleId())
                    .bind("reason", withdrawal.reason())
                    .bind("actor", withdrawal.actor())
                    .bindByType("at", withdrawal.withdrawnAt(), Instant.class)
                    .execute();
            handle.createUpdate("""
                            UPDATE article SET status = 'withdrawn', status_reason = :reason, claimed_at = NULL
                            WHERE id = :id""")
                    .bind("reason", withdrawal.reason())
                    .bind("id", withdrawal.articleId())
                    .execute();
        });
    }

    @Override
    public List<Publication> listChain() {
        return handles.with(handle -> handle.createQuery("SELECT * FROM publication ORDER BY position")
                .map(JdbiPublicationStore::mapPublication)
                .list());
    }

    @Override
    public List<AuditEntry> listAudit() {
        return handles.with(handle -> handle.createQuery("SELECT * FROM audit_log ORDER BY position")
                .map(JdbiPublicationStore::mapAudit)
                .list());
    }

    @Override
    public List<AuditEntry> listAudit(String subject) {
        return handles.with(
                handle -> handle.createQuery("SELECT * FROM audit_log WHERE subject = :subject ORDER BY position")
                        .bind("subject", subject)
                        .map(JdbiPublicationStore::mapAudit)
                        .list());
    }

    @Override
    public List<AuditEntry> listAuditAfter(long position, int limit) {
        return handles.with(handle -> handle.createQuery(
                        "SELECT * FROM audit_log WHERE position > :position ORDER BY position LIMIT :limit")
                .bind("position", position)
                .bind("limit", limit)
                .map(JdbiPublicationStore::mapAudit)
                .list());
    }

    @Override
    public ChainHead findHead(String chain) {
        return handles.with(
                handle -> handle.createQuery("SELECT position, last_sha256 FROM chain_head WHERE chain = :chain")
                        .bind("chain", chain)
                        .map(CHAIN_HEAD)
                        .one());
    }

    /** Reads the row as stored; the content is parsed leniently so that verify can report a broken row. */
    private static Publication mapPublication(ResultSet row, StatementContext context) throws SQLException {
        String json = row.getString("content");
        PublishedContent content;
        try {
            content = ContentCodec.read(json);
        } catch (RuntimeException e) {
            content = null;
        }
        return new Publication(
                row.getLong("position"),
                content,
                json,
                row.getString("content_sha256"),
                row.getString("previous_sha256"),
                row.getString("entry_sha256"),
                new Publication.Columns(
                        row.getString("article_id"),
                        row.getString("language"),
                        row.getInt("sequence"),
                        row.getInt("revision"),
                        row.getString("engine")));
    }

    private static AuditEntry mapAudit(ResultSet row, StatementContext context) throws SQLException {
        return new AuditEntry(
                row.getLong("position"),
                Times.instant(row, "at"),
                row.getString("action"),
                row.getString("subject"),
                row.getString("detail"),
                row.getString("previous_sha256"),
                row.getString("entry_sha256"));
    }
}
