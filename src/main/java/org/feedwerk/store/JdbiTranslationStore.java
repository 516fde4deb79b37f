package org.feedwerk.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.feedwerk.article.ArticleStatus;
import org.feedwerk.translate.Translation;
import org.feedwerk.translate.TranslationStatus;
import org.feedwerk.translate.TranslationStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * {@link TranslationStore} over Jdbi. Claims are one atomic UPDATE … RETURNING; on PostgreSQL the candidate row is
 * locked with {@code FOR UPDATE SKIP LOCKED} so that several workers never claim the same article.
 */
public final class JdbiTranslationStore implements TranslationStore {
    private static final int KEYS_PER_QUERY = 500;

    private final Database database;
    private final HandleSource handles;

    public JdbiTranslationStore(Database database) {
        this.database = database;
        this.handles = new HandleSource(database.jdbi(), null);
    }

    @Override
    public Map<String, String> findSegments(Collection<String> keys) {
        Map<String, String> found = new HashMap<>();
        for (List<String> chunk : ValueLists.groups(List.copyOf(keys), KEYS_PER_QUERY)) {
            handles.use(handle -> ValueLists.whereIn(
                            handle,
                            database,
                            "SELECT segment_key, target_text FROM translation_memory WHERE segment_key IN (<keys>)",
                            "keys",
                            chunk)
                    .map((row, context) -> Map.entry(row.getString(1), row.getString(2)))
                    .forEach(entry -> found.put(entry.getKey(), entry.getValue())));
        }
        return found;
    }

    @Override
    public void saveSegment(MemoryEntry entry) {
        handles.use(handle -> handle.createUpdate("""
                        INSERT INTO translation_memory (segment_key, engine, source_language, target_language,
                            source_text, target_text, created_at)
                        VALUES (:key, :engine, :source, :target, :sourceText, :targetText, :createdAt)
                        ON CONFLICT (segment_key) DO NOTHING""")
                .bind("key", entry.key())
                .bind("engine", entry.engine())
                .bind("source", entry.sourceLanguage())
                .bind("target", entry.targetLanguage())
                .bind("sourceText", entry.sourceText())
                .bind("targetText", entry.targetText())
                .bindByType("createdAt", entry.createdAt(), Instant.class)
                .execute());
    }

    @Override
    public void saveTranslation(Translation translation, List<String> failedChecks) {
        handles.inTransaction(handle -> {
            insertTranslation(handle, translation);
            for (String check : failedChecks) {
                handle.createUpdate("""
                                INSERT INTO qa_failure (article_id, revision, language, engine, check_name, failed_at)
                                VALUES (:articleId, :revision, :language, :engine, :check, :at)
                                ON CONFLICT (article_id, revision, language, engine, check_name) DO NOTHING""")
                        .bind("articleId", translation.articleId())
                        .bind("revision", translation.revision())
                        .bind("language", translation.language())
                        .bind("engine", translation.engine())
                        .bind("check", check)
                        .bindByType("at", translation.translatedAt(), Instant.class)
                        .execute();
            }
            return null;
        });
    }

    @Override
    public List<EngineDay> usagePerDay(Instant since) {
        return handles.with(handle -> handle.createQuery("""
                        SELECT engine, translated_at / 86400000 AS day, SUM(chars_sent), SUM(chars_reused), COUNT(*)
                        FROM translation WHERE translated_at >= :since AND engine <> 'original'
                        GROUP BY engine, translated_at / 86400000 ORDER BY day DESC, engine""")
                .bind("since", since)
                .map((row, context) -> new EngineDay(
                        row.getString(1),
                        LocalDate.ofEpochDay(row.getLong(2)),
                        row.getLong(3),
                        row.getLong(4),
                        row.getInt(5)))
                .list());
    }

    @Override
    public long charsSentSince(String engine, Instant since) {
        return handles.with(handle -> handle.createQuery("""
                        SELECT COALESCE(SUM(chars), 0) FROM engine_usage WHERE engine = :engine AND day >= :day""")
                .bind("engine", engine)
                .bind("day", utcDay(since))
                .mapTo(Long.class)
                .one());
    }

    @Override
    public void recordCharsSent(String engine, Instant at, long chars) {
        handles.use(handle -> handle.createUpdate("""
                        INSERT INTO engine_usage (engine, day, chars) VALUES (:engine, :day, :chars)
                        ON CONFLICT (engine, day) DO UPDATE SET chars = engine_usage.chars + excluded.chars""")
                .bind("engine", engine)
                .bind("day", utcDay(at))
                .bind("chars", chars)
                .execute());
    }

    private static String utcDay(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    @Override
    public Map<String, Map<String, Integer>> countFailedChecks() {
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        handles.use(handle -> handle.createQuery("""
                        SELECT engine, check_name, COUNT(*) AS failures FROM qa_failure
                        GROUP BY engine, check_name ORDER BY engine, check_name""")
                .map((row, context) -> new Object[] {row.getString(1), row.getString(2), row.getInt(3)})
                .forEach(row -> counts.computeIfAbsent((String) row[0], engine -> new TreeMap<>())
                        .put((String) row[1], (Integer) row[2])));
        return counts;
    }

    private static void insertTranslation(Handle handle, Translation translation) {
        handle.createUpdate("""
                        INSERT INTO translation (article_id, revision, language, engine, source_language, status,
                            headline, teaser, body_html, chars_sent, chars_reused, billed, translated_at, post_edits, qa)
                        VALUES (:articleId, :revision, :language, :engine, :sourceLanguage, :status, :headline,
                            :teaser, :body, :sent, :reused, :billed, :translatedAt, :postEdits, :qa)
                        ON CONFLICT (article_id, revision, language, engine) DO UPDATE SET
                            status = excluded.status, headline = excluded.headline, teaser = excluded.teaser,
                            body_html = excluded.body_html, chars_sent = excluded.chars_sent,
                            chars_reused = excluded.chars_reused, billed = excluded.billed,
                            translated_at = excluded.translated_at, post_edits = excluded.post_edits,
                            qa = excluded.qa""")
                .bind("articleId", translation.articleId())
                .bind("revision", translation.revision())
                .bind("language", translation.language())
                .bind("engine", translation.engine())
                .bind("sourceLanguage", translation.sourceLanguage())
                .bind("status", translation.status().wireName())
                .bind("headline", translation.headline())
                .bind("teaser", translation.teaser())
                .bind("body", translation.bodyHtml())
                .bind("sent", translation.charsSent())
                .bind("reused", translation.charsReused())
                .bind("billed", translation.billed())
                .bindByType("translatedAt", translation.translatedAt(), Instant.class)
                .bind("postEdits", JsonColumns.write(translation.postEdits()))
                .bind("qa", translation.qaReport())
                .execute();
    }

    @Override
    public List<Translation> listTranslations(String articleId) {
        return handles.with(handle -> handle.createQuery("""
                        SELECT * FROM translation WHERE article_id = :id ORDER BY revision, language, translated_at""")
                .bind("id", articleId)
                .map(JdbiTranslationStore::mapTranslation)
                .list());
    }

    @Override
    public Optional<Claim> claimNext(Instant now, Instant staleClaimsBefore) {
        String lock = database.isSqlite() ? "" : " FOR UPDATE SKIP LOCKED";
        String sql = """
                UPDATE article SET status = 'translating', claimed_at = :now, claim_token = :token
                WHERE id = (SELECT id FROM article
                            WHERE status = 'fetched'
                               OR (status = 'held' AND retry_at <= :now)
                               OR (status = 'translating' AND claimed_at < :stale)
                            ORDER BY created_at, id LIMIT 1%s)
                RETURNING *""".formatted(lock);
        String token = UUID.randomUUID().toString();
        return handles.inTransaction(handle -> handle.createQuery(sql)
                .bind("now", now)
                .bind("stale", staleClaimsBefore)
                .bind("token", token)
                .map(JdbiArticleStore::mapArticle)
                .findOne()
                .map(article -> new Claim(article, token)));
    }

    @Override
    public boolean renewClaim(Claim claim, Instant now) {
        return handles.with(handle -> handle.createUpdate("""
                        UPDATE article SET claimed_at = :now
                        WHERE id = :id AND claim_token = :token AND status = 'translating'""")
                        .bind("now", now)
                        .bind("id", claim.article().id())
                        .bind("token", claim.token())
                        .execute())
                == 1;
    }

    @Override
    public boolean finishClaim(Claim claim, int revision, ArticleStatus status, String reason, Instant retryAt) {
        return handles.with(handle -> handle.createUpdate("""
                        UPDATE article SET status = :status, status_reason = :reason, retry_at = :retryAt,
                            claimed_at = NULL, claim_token = NULL,
                            attempts = CASE WHEN :status = 'held' OR :status = 'failed' THEN attempts + 1 ELSE 0 END
                        WHERE id = :id AND current_revision = :revision AND status = 'translating'
                          AND claim_token = :token""")
                        .bind("status", status.wireName())
                        .bind("reason", reason)
                        .bindByType("retryAt", retryAt, Instant.class)
                        .bind("id", claim.article().id())
                        .bind("revision", revision)
                        .bind("token", claim.token())
                        .execute())
                == 1;
    }

    private static Translation mapTranslation(ResultSet row, StatementContext context) throws SQLException {
        return Translation.builder()
                .articleId(row.getString("article_id"))
                .revision(row.getInt("revision"))
                .language(row.getString("language"))
                .sourceLanguage(row.getString("source_language"))
                .engine(row.getString("engine"))
                .status(TranslationStatus.fromWireName(row.getString("status")))
                .headline(row.getString("headline"))
                .teaser(row.getString("teaser"))
                .bodyHtml(row.getString("body_html"))
                .charsSent(row.getLong("chars_sent"))
                .charsReused(row.getLong("chars_reused"))
                .billed(row.getLong("billed"))
                .translatedAt(Times.instant(row, "translated_at"))
                .postEdits(JsonColumns.readStrings(row.getString("post_edits")))
                .qaReport(row.getString("qa"))
                .build();
    }
}
