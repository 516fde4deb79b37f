package org.feedwerk.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;
import org.feedwerk.article.Article;
import org.feedwerk.article.ArticleQuery;
import org.feedwerk.article.ArticleStatus;
import org.feedwerk.article.ArticleStore;
import org.feedwerk.article.PayloadRef;
import org.feedwerk.article.Revision;
import org.feedwerk.article.RevisionContent;
import org.feedwerk.article.TextFingerprint;
import org.feedwerk.parse.ItemPackage;
import org.feedwerk.parse.PubStatus;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/** {@link ArticleStore} over Jdbi; the same SQL runs on SQLite and PostgreSQL. */
public final class JdbiArticleStore implements ArticleStore {
    private final Database database;
    private final HandleSource handles;
    /** In a transaction: the ingest clock's tick it took, recorded on the revisions it stores. */
    private final Long tick;

    public JdbiArticleStore(Database database) {
        this(database, null, null);
    }

    private JdbiArticleStore(Database database, Handle transaction, Long tick) {
        this.database = database;
        this.handles = new HandleSource(database.jdbi(), transaction);
        this.tick = tick;
    }

    private final AtomicLong savepoints = new AtomicLong();

    @Override
    public <T> T inTransaction(Function<ArticleStore, T> work) {
        if (handles.isInTransaction()) {
            return work.apply(this);
        }
        return handles.inTransaction(
                handle -> work.apply(new JdbiArticleStore(database, handle, moveIngestClock(handle))));
    }

    /**
     * The first statement of every transaction: on PostgreSQL the row stays locked until the transaction ends, so
     * ticks are taken, and committed, one transaction after the other (SQLite's write transactions are serial).
     */
    private static long moveIngestClock(Handle handle) {
        return handle.createQuery("UPDATE ingest_clock SET tick = tick + 1 WHERE id = 1 RETURNING tick")
                .mapTo(Long.class)
                .one();
    }

    @Override
    public long transactionTick() {
        if (tick == null) {
            throw new IllegalStateException("not in a transaction");
        }
        return tick;
    }

    @Override
    public long ingestTick() {
        return handles.with(handle -> handle.createQuery("SELECT tick FROM ingest_clock WHERE id = 1")
                .mapTo(Long.class)
                .one());
    }

    @Override
    public <T> T inSavepoint(Function<ArticleStore, T> work) {
        if (!handles.isInTransaction()) {
            return inTransaction(work);
        }
        String name = "item_" + savepoints.incrementAndGet();
        handles.use(handle -> handle.savepoint(name));
        T result;
        try {
            result = work.apply(this);
        } catch (RuntimeException e) {
            handles.use(handle -> handle.rollbackToSavepoint(name));
            throw e;
        }
        handles.use(handle -> handle.releaseSavepoint(name));
        return result;
    }

    @Override
    public Set<String> findExistingArticleIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return handles.with(handle -> Set.copyOf(ValueLists.whereIn(
                        handle, database, "SELECT id FROM article WHERE id IN (<ids>)", "ids", List.copyOf(ids))
                .mapTo(String.class)
                .list()));
    }

    @Override
    public Optional<Article> findArticle(String id) {
        return handles.with(handle -> handle.createQuery("SELECT * FROM article WHERE id = :id")
                .bind("id", id)
                .map(JdbiArticleStore::mapArticle)
                .findOne());
    }

    @Override
    public Optional<Revision> findRevision(String articleId, int number) {
        return handles.with(
                handle -> handle.createQuery("SELECT * FROM revision WHERE article_id = :id AND number = :number")
                        .bind("id", articleId)
                        .bind("number", number)
                        .map(JdbiArticleStore::mapRevision)
                        .findOne());
    }

    @Override
    public List<Revision> listRevisions(String articleId) {
        return handles.with(
                handle -> handle.createQuery("SELECT * FROM revision WHERE article_id = :id ORDER BY number")
                        .bind("id", articleId)
                        .map(JdbiArticleStore::mapRevision)
                        .list());
    }

    @Override
    public Map<String, String> findClustersWithContent(Collection<String> contentHashes) {
        Map<String, String> clusters = new HashMap<>();
        for (List<String> group :
                ValueLists.groups(List.copyOf(new LinkedHashSet<>(contentHashes)), MOST_LIST_VALUES)) {
            handles.use(handle -> ValueLists.whereIn(handle, database, """
                            SELECT r.content_hash, a.cluster_id FROM revision r JOIN article a ON a.id = r.article_id
                            WHERE r.content_hash IN (<hashes>) ORDER BY a.created_at, a.id""", "hashes", group)
                    .map((row, context) -> Map.entry(row.getString("content_hash"), row.getString("cluster_id")))
                    .forEach(found -> clusters.putIfAbsent(found.getKey(), found.getValue())));
        }
        return clusters;
    }

    /**
     * One query per group of fingerprints for the articles sharing any band key with any of them; each
     * fingerprint then takes the earliest of those that share one of its own bands and are similar enough.
     */
    @Override
    public List<Optional<NearDuplicate>> findClustersWithSimilarText(
            List<TextFingerprint> fingerprints, String exceptSourceId, Instant since) {
        List<Optional<NearDuplicate>> found = new ArrayList<>();
        int perGroup = Math.max(1, MOST_LIST_VALUES / TextFingerprint.BANDS);
        for (List<TextFingerprint> group : ValueLists.groups(fingerprints, perGroup)) {
            Set<Long> keys = new HashSet<>();
            group.forEach(fingerprint -> Arrays.stream(fingerprint.bandKeys()).forEach(keys::add));
            List<BandCandidate> candidates = handles.with(
                    handle -> ValueLists.whereIn(handle, database, """
                            SELECT DISTINCT b.band, b.band_key, a.cluster_id, a.created_at, a.id, r.text_minhash
                            FROM text_band b
                            JOIN revision r ON r.article_id = b.article_id AND r.number = b.revision
                            JOIN article a ON a.id = r.article_id
                            JOIN article leader ON leader.id = a.cluster_id
                            WHERE b.band_key IN (<keys>) AND a.source_id <> :source AND leader.source_id <> :source
                              AND r.created_at >= :since
                            ORDER BY a.created_at, a.id""", "keys", Long.class, List.copyOf(keys))
                            .bind("source", exceptSourceId)
                            .bind("since", since)
                            .map((row, context) ->
                                    new BandCandidate(row.getInt("band"), row.getLong("band_key"), storedText(row)))
                            .list());
            for (TextFingerprint fingerprint : group) {
                long[] own = fingerprint.bandKeys();
                found.add(firstSimilar(
                        fingerprint,
                        candidates.stream()
                                .filter(candidate -> own[candidate.band()] == candidate.key())
                                .map(BandCandidate::text)));
            }
        }
        return found;
    }

    /**
     * The revisions stored since {@code tick} are read whole (they are few) and compared in memory with the same
     * rule as the band lookup: a band in common and enough word groups.
     */
    @Override
    public List<Optional<NearDuplicate>> findClustersWithSimilarTextStoredAfter(
            List<TextFingerprint> fingerprints, String exceptSourceId, Instant since, long tick) {
        if (fingerprints.isEmpty()) {
            return List.of();
        }
        List<StoredText> stored = handles.with(handle -> handle.createQuery("""
                        SELECT a.cluster_id, r.text_minhash
                        FROM revision r
                        JOIN article a ON a.id = r.article_id
                        JOIN article leader ON leader.id = a.cluster_id
                        WHERE r.ingest_tick > :tick AND r.text_minhash IS NOT NULL
                          AND a.source_id <> :source AND leader.source_id <> :source AND r.created_at >= :since
                        ORDER BY a.created_at, a.id""")
                .bind("tick", tick)
                .bind("source", exceptSourceId)
                .bind("since", since)
                .map((row, context) -> storedText(row))
                .list());
        return fingerprints.stream()
                .map(fingerprint -> firstSimilar(
                        fingerprint,
                        stored.stream().filter(candidate -> fingerprint.sharesBandWith(candidate.fingerprint()))))
                .toList();
    }

    /** The first of these candidates (earliest first) that shares enough word groups with {@code fingerprint}. */
    private static Optional<NearDuplicate> firstSimilar(TextFingerprint fingerprint, Stream<StoredText> candidates) {
        return candidates
                .map(candidate ->
                        new NearDuplicate(candidate.clusterId(), fingerprint.similarity(candidate.fingerprint())))
                .filter(candidate -> candidate.similarity() >= TextFingerprint.MIN_SIMILARITY)
                .findFirst();
    }

    /** A stored revision's text fingerprint and the cluster of its article. */
    private record StoredText(String clusterId, TextFingerprint fingerprint) {}

    private static StoredText storedText(ResultSet row) throws SQLException {
        return new StoredText(row.getString("cluster_id"), TextFingerprint.fromBytes(row.getBytes("text_minhash")));
    }

    /** A revision that shares band {@code band} (with key {@code key}) with a fingerprint looked up. */
    private record BandCandidate(int band, long key, StoredText text) {}

    /** Values looked up in one query: bounds the size of one statement's parameter and answer. */
    private static final int MOST_LIST_VALUES = 4_000;

    @Override
    public int forgetTextBandsBefore(Instant cutoff) {
        return handles.with(
                handle -> handle.createUpdate("""
                        DELETE FROM text_band WHERE EXISTS (SELECT 1 FROM revision r WHERE r.article_id = text_band.article_id
                            AND r.number = text_band.revision AND r.created_at < :cutoff)""").bind("cutoff", cutoff).execute());
    }

    /** Three batches whatever the number of articles: articles, their first revisions, their band keys. */
    @Override
    public void insertArticles(List<NewArticle> articles) {
        if (articles.isEmpty()) {
            return;
        }
        if (!handles.isInTransaction()) {
            inTransaction(tx -> {
                tx.insertArticles(articles);
                return null;
            });
            return;
        }
        handles.use(handle -> {
            try (RowBatch rows = RowBatch.open(
                    handle,
                    database,
                    "article",
                    List.of(
                            "id",
                            "source_id",
                            "guid",
                            "link",
                            "cluster_id",
                            "headline",
                            "status",
                            "status_reason",
                            "current_revision",
                            "language",
                            "created_at",
                            "updated_at"),
                    articles.size(),
                    "the article")) {
                for (NewArticle next : articles) {
                    Article article = next.article();
                    rows.text(article.id())
                            .text(article.sourceId())
                            .text(article.guid())
                            .text(article.link())
                            .text(article.clusterId())
                            .text(article.headline())
                            .text(article.status().wireName())
                            .text(article.statusReason())
                            .number(article.currentRevision())
                            .text(article.language())
                            .instant(article.createdAt())
                            .instant(article.updatedAt())
                            .endRow();
                }
                rows.execute();
            }
            insertRevisions(
                    handle,
                    articles.stream()
                            .map(next -> new RevisionRow(next.first(), next.fingerprint()))
                            .toList());
        });
    }

    /**
     * A withdrawal committed after the ingestor read the article is never overwritten: the status is decided in
     * the same statement that writes it.
     */
    @Override
    public void appendRevision(
            Revision revision, Optional<TextFingerprint> fingerprint, ArticleStatus status, Instant updatedAt) {
        if (!handles.isInTransaction()) {
            inTransaction(tx -> {
                tx.appendRevision(revision, fingerprint, status, updatedAt);
                return null;
            });
            return;
        }
        handles.use(handle -> {
            insertRevision(handle, revision, fingerprint);
            handle.createUpdate("""
                            UPDATE article SET current_revision = :number, headline = :headline,
                                status = CASE WHEN status = 'withdrawn' THEN status ELSE :status END,
                                status_reason = CASE WHEN status = 'withdrawn' THEN status_reason ELSE NULL END,
                                attempts = 0, retry_at = NULL,
                                language = COALESCE(:language, language), updated_at = :updatedAt
                            WHERE id = :id""")
                    .bind("number", revision.number())
                    .bind("status", status.wireName())
                    .bind("headline", revision.content().headline())
                    .bind("language", revision.content().language())
                    .bindByType("updatedAt", updatedAt, Instant.class)
                    .bind("id", revision.articleId())
                    .execute();
        });
    }

    private record RevisionRow(Revision revision, Optional<TextFingerprint> fingerprint) {}

    private void insertRevision(Handle handle, Revision revision, Optional<TextFingerprint> fingerprint) {
        insertRevisions(handle, List.of(new RevisionRow(revision, fingerprint)));
    }

    private static final List<String> REVISION_COLUMNS = List.of(
            "article_id",
            "number",
            "content_hash",
            "headline",
            "teaser",
            "body_html",
            "byline",
            "dateline",
            "language",
            "source_published",
            "source_updated",
            "source_version",
            "pub_status",
            "subjects",
            "images",
            "payload_hash",
            "created_at",
            "embargoed",
            "correction",
            "rights",
            "slugline",
            "urgency",
            "text_minhash",
            "headline_derived",
            "ingest_tick");

    private void insertRevisions(Handle handle, List<RevisionRow> revisionRows) {
        try (RowBatch rows =
                RowBatch.open(handle, database, "revision", REVISION_COLUMNS, revisionRows.size(), "the revision")) {
            for (RevisionRow row : revisionRows) {
                Revision revision = row.revision();
                RevisionContent content = revision.content();
                rows.text(revision.articleId())
                        .number(revision.number())
                        .text(revision.contentHash())
                        .text(content.headline())
                        .text(content.teaser())
                        .text(content.bodyHtml())
                        .text(content.byline())
                        .text(content.dateline())
                        .text(content.language())
                        .instant(content.sourcePublished())
                        .instant(content.sourceUpdated())
                        .number(content.sourceVersion())
                        .text(content.pubStatus().name())
                        .text(JsonColumns.write(content.subjects()))
                        .text(JsonColumns.write(content.images()))
                        .text(revision.payloadHash())
                        .instant(revision.createdAt())
                        .instant(content.embargoed())
                        .flag(content.correction())
                        .text(content.rights())
                        .text(content.slugline())
                        .number(content.urgency())
                        .bytes(row.fingerprint().map(TextFingerprint::toBytes).orElse(null))
                        .flag(content.headlineDerived())
                        .number(tick)
                        .endRow();
            }
            rows.execute();
        }
        insertBands(handle, revisionRows);
    }

    /** {@link TextFingerprint#BANDS} rows per fingerprinted revision. */
    private void insertBands(Handle handle, List<RevisionRow> revisionRows) {
        if (revisionRows.stream().noneMatch(row -> row.fingerprint().isPresent())) {
            return;
        }
        try (RowBatch bands = RowBatch.open(
                handle,
                database,
                "text_band",
                List.of("article_id", "revision", "band", "band_key"),
                revisionRows.size() * TextFingerprint.BANDS,
                "the text fingerprint")) {
            for (RevisionRow row : revisionRows) {
                if (row.fingerprint().isEmpty()) {
                    continue;
                }
                long[] keys = row.fingerprint().get().bandKeys();
                for (int band = 0; band < keys.length; band++) {
                    bands.text(row.revision().articleId())
                            .number(row.revision().number())
                            .number(band)
                            .number(keys[band])
                            .endRow();
                }
            }
            bands.execute();
        }
    }

    @Override
    public void recordPayload(PayloadRef payload) {
        handles.use(handle -> handle.createUpdate("""
                        INSERT INTO payload (hash, source_id, origin, content_type, size, fetched_at)
                        VALUES (:hash, :sourceId, :origin, :contentType, :size, :fetchedAt)
                        ON CONFLICT (hash) DO NOTHING""")
                .bind("hash", payload.hash())
                .bind("sourceId", payload.sourceId())
                .bind("origin", payload.origin())
                .bind("contentType", payload.contentType())
                .bind("size", payload.size())
                .bindByType("fetchedAt", payload.fetchedAt(), Instant.class)
                .execute());
    }

    @Override
    public void savePackage(String sourceId, ItemPackage itemPackage) {
        handles.use(handle -> {
            handle.createUpdate("DELETE FROM package_member WHERE source_id = :sourceId AND package_guid = :guid")
                    .bind("sourceId", sourceId)
                    .bind("guid", itemPackage.guid())
                    .execute();
            PreparedBatch members = handle.prepareBatch("""
                    INSERT INTO package_member (source_id, package_guid, position, item_guid, headline)
                    VALUES (:sourceId, :guid, :position, :item, :headline)""");
            int position = 0;
            for (String itemGuid : itemPackage.itemGuids()) {
                members.bind("sourceId", sourceId)
                        .bind("guid", itemPackage.guid())
                        .bind("position", position++)
                        .bind("item", itemGuid)
                        .bind("headline", itemPackage.headline())
                        .add();
            }
            if (position > 0) {
                members.execute();
            }
        });
    }

    @Override
    public Set<String> findReusedGuids(String sourceId) {
        return handles.with(
                handle -> new HashSet<>(handle.createQuery("SELECT guid FROM reused_guid WHERE source_id = :sourceId")
                        .bind("sourceId", sourceId)
                        .mapTo(String.class)
                        .list()));
    }

    @Override
    public void rememberReusedGuids(String sourceId, Set<String> guids) {
        if (guids.isEmpty()) {
            return;
        }
        handles.use(handle -> {
            PreparedBatch inserts = handle.prepareBatch("""
                    INSERT INTO reused_guid (source_id, guid) VALUES (:sourceId, :guid)
                    ON CONFLICT (source_id, guid) DO NOTHING""");
            guids.forEach(guid ->
                    inserts.bind("sourceId", sourceId).bind("guid", guid).add());
            inserts.execute();
        });
    }

    @Override
    public Map<ArticleStatus, Integer> countByStatus() {
        Map<ArticleStatus, Integer> counts = new EnumMap<>(ArticleStatus.class);
        handles.use(handle -> handle.createQuery("SELECT status, COUNT(*) FROM article GROUP BY status")
                .map((row, context) -> Map.entry(ArticleStatus.fromWireName(row.getString(1)), row.getInt(2)))
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue())));
        return counts;
    }

    @Override
    public Map<ArticleStatus, Instant> oldestByStatus() {
        Map<ArticleStatus, Instant> oldest = new EnumMap<>(ArticleStatus.class);
        handles.use(handle -> handle.createQuery("SELECT status, MIN(updated_at) FROM article GROUP BY status")
                .map((row, context) ->
                        Map.entry(ArticleStatus.fromWireName(row.getString(1)), Instant.ofEpochMilli(row.getLong(2))))
                .forEach(entry -> oldest.put(entry.getKey(), entry.getValue())));
        return oldest;
    }

    @Override
    public Map<String, Integer> countNewArticlesSince(Instant since) {
        Map<String, Integer> counts = new TreeMap<>();
        handles.use(handle -> handle.createQuery(
                        "SELECT source_id, COUNT(*) FROM article WHERE created_at >= :since GROUP BY source_id")
                .bind("since", since)
                .map((row, context) -> Map.entry(row.getString(1), row.getInt(2)))
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue())));
        return counts;
    }

    @Override
    public Map<Long, Integer> countNewArticlesPerHour(Instant since) {
        return HourlyCounts.count(handles, "article", "created_at", since);
    }

    @Override
    public List<Article> searchArticles(String text, int limit) {
        String pattern = "%" + text.toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
        return handles.with(handle -> handle.createQuery("""
                        SELECT * FROM article WHERE id = :id OR LOWER(headline) LIKE :pattern
                        ORDER BY updated_at DESC LIMIT :limit""")
                .bind("id", text.strip())
                .bind("pattern", pattern)
                .bind("limit", limit)
                .map(JdbiArticleStore::mapArticle)
                .list());
    }

    @Override
    public int retryNow(String articleId, Instant now) {
        return handles.with(handle ->
                handle.createUpdate("""
                        UPDATE article SET status = CASE WHEN status = 'failed' THEN 'fetched' ELSE status END,
                            retry_at = :now
                        WHERE status IN ('held', 'failed') AND (:id IS NULL OR id = :id)""").bind("now", now).bind("id", articleId).execute());
    }

    @Override
    public List<Article> listArticles(ArticleQuery query) {
        return handles.with(handle -> handle.createQuery("""
                        SELECT * FROM article
                        WHERE (:status IS NULL OR status = :status) AND (:sourceId IS NULL OR source_id = :sourceId)
                        ORDER BY updated_at DESC, id LIMIT :limit""")
                .bind("status", query.findStatus().map(ArticleStatus::wireName).orElse(null))
                .bind("sourceId", query.findSourceId().orElse(null))
                .bind("limit", query.limit())
                .map(JdbiArticleStore::mapArticle)
                .list());
    }

    @Override
    public List<Article> listPublishable(Instant now, int limit) {
        return handles.with(handle -> handle.createQuery("""
                        SELECT a.* FROM article a
                        JOIN revision r ON r.article_id = a.id AND r.number = a.current_revision
                        WHERE a.status = :status AND (r.embargoed IS NULL OR r.embargoed <= :now)
                        ORDER BY a.updated_at, a.id LIMIT :limit""")
                .bind("status", ArticleStatus.TRANSLATED.wireName())
                .bind("now", now)
                .bind("limit", limit)
                .map(JdbiArticleStore::mapArticle)
                .list());
    }

    static Article mapArticle(ResultSet row, StatementContext context) throws SQLException {
        return new Article(
                row.getString("id"),
                row.getString("source_id"),
                row.getString("guid"),
                row.getString("link"),
                row.getString("cluster_id"),
                row.getString("headline"),
                ArticleStatus.fromWireName(row.getString("status")),
                row.getString("status_reason"),
                row.getInt("current_revision"),
                row.getString("language"),
                row.getInt("attempts"),
                Times.instant(row, "created_at"),
                Times.instant(row, "updated_at"));
    }

    private static Integer urgency(ResultSet row) throws SQLException {
        Long urgency = Times.nullableLong(row, "urgency");
        return urgency == null ? null : urgency.intValue();
    }

    private static Revision mapRevision(ResultSet row, StatementContext context) throws SQLException {
        RevisionContent content = RevisionContent.builder()
                .headline(row.getString("headline"))
                .teaser(row.getString("teaser"))
                .bodyHtml(row.getString("body_html"))
                .byline(row.getString("byline"))
                .dateline(row.getString("dateline"))
                .language(row.getString("language"))
                .sourcePublished(Times.instant(row, "source_published"))
                .sourceUpdated(Times.instant(row, "source_updated"))
                .sourceVersion(Times.nullableLong(row, "source_version"))
                .pubStatus(PubStatus.valueOf(row.getString("pub_status")))
                .subjects(JsonColumns.readStrings(row.getString("subjects")))
                .images(JsonColumns.readImages(row.getString("images")))
                .embargoed(Times.instant(row, "embargoed"))
                .correction(row.getInt("correction") != 0)
                .rights(row.getString("rights"))
                .slugline(row.getString("slugline"))
                .urgency(urgency(row))
                .headlineDerived(row.getInt("headline_derived") != 0)
                .build();
        return new Revision(
                row.getString("article_id"),
                row.getInt("number"),
                row.getString("content_hash"),
                content,
                row.getString("payload_hash"),
                Times.instant(row, "created_at"));
    }
}
