package org.feedwerk.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.feedwerk.source.DroppedFile;
import org.feedwerk.source.PageDue;
import org.feedwerk.source.SourceState;
import org.feedwerk.source.SourceStateStore;
import org.jdbi.v3.core.statement.StatementContext;

/** {@link SourceStateStore} over Jdbi. */
public final class JdbiSourceStateStore implements SourceStateStore {
    private final HandleSource handles;

    public JdbiSourceStateStore(Database database) {
        this.handles = new HandleSource(database.jdbi(), null);
    }

    @Override
    public Optional<SourceState> findState(String sourceId) {
        return handles.with(handle -> handle.createQuery("SELECT * FROM source_state WHERE source_id = :id")
                .bind("id", sourceId)
                .map(JdbiSourceStateStore::mapState)
                .findOne());
    }

    @Override
    public List<SourceState> listStates() {
        return handles.with(handle -> handle.createQuery("SELECT * FROM source_state ORDER BY source_id")
                .map(JdbiSourceStateStore::mapState)
                .list());
    }

    @Override
    public void saveState(SourceState state) {
        handles.use(handle -> handle.createUpdate("""
                        INSERT INTO source_state (source_id, etag, last_modified, body_hash, last_attempt,
                            last_success, last_error, last_error_at, failures, next_fetch, paused, last_skipped,
                            older_pages_due)
                        VALUES (:id, :etag, :lastModified, :bodyHash, :lastAttempt, :lastSuccess, :lastError,
                            :lastErrorAt, :failures, :nextFetch, :paused, :lastSkipped, :olderPagesDue)
                        ON CONFLICT (source_id) DO UPDATE SET etag = excluded.etag,
                            last_modified = excluded.last_modified, body_hash = excluded.body_hash,
                            last_attempt = excluded.last_attempt, last_success = excluded.last_success,
                            last_error = excluded.last_error, last_error_at = excluded.last_error_at,
                            failures = excluded.failures, next_fetch = excluded.next_fetch,
                            last_skipped = excluded.last_skipped, older_pages_due = excluded.older_pages_due""")
                .bind("id", state.sourceId())
                .bind("etag", state.etag())
                .bind("lastModified", state.lastModified())
                .bind("bodyHash", state.bodyHash())
                .bindByType("lastAttempt", state.lastAttempt(), Instant.class)
                .bindByType("lastSuccess", state.lastSuccess(), Instant.class)
                .bind("lastError", state.lastError())
                .bindByType("lastErrorAt", state.lastErrorAt(), Instant.class)
                .bind("failures", state.failures())
                .bindByType("nextFetch", state.nextFetch(), Instant.class)
                .bind("paused", state.paused() ? 1 : 0)
                .bind("lastSkipped", state.lastSkipped())
                .bind("olderPagesDue", PageDue.lines(state.olderPagesDue()))
                .execute());
    }

    @Override
    public void setPaused(String sourceId, boolean paused) {
        handles.use(handle -> handle.createUpdate("""
                        INSERT INTO source_state (source_id, failures, next_fetch, paused)
                        VALUES (:id, 0, :nextFetch, :paused)
                        ON CONFLICT (source_id) DO UPDATE SET paused = excluded.paused""")
                .bind("id", sourceId)
                .bind("nextFetch", Instant.EPOCH)
                .bind("paused", paused ? 1 : 0)
                .execute());
    }

    @Override
    public boolean tryLease(String sourceId, String holder, Instant now, Instant until) {
        return lease(sourceId, holder, now, until, now);
    }

    @Override
    public boolean tryLeaseBeforeDue(String sourceId, String holder, Instant now, Instant until) {
        return lease(sourceId, holder, now, until, null);
    }

    private boolean lease(String sourceId, String holder, Instant now, Instant until, Instant dueBy) {
        return handles.with(handle -> {
            handle.createUpdate("""
                            INSERT INTO source_state (source_id, failures, next_fetch, paused)
                            VALUES (:id, 0, 0, 0) ON CONFLICT (source_id) DO NOTHING""").bind("id", sourceId).execute();
            return handle.createUpdate("""
                            UPDATE source_state SET lease_holder = :holder, lease_until = :until
                            WHERE source_id = :id AND paused = 0 AND next_fetch <= :dueBy
                              AND (lease_until IS NULL OR lease_until < :now)""")
                            .bind("id", sourceId)
                            .bind("holder", holder)
                            .bind("until", until)
                            .bind("now", now)
                            .bind("dueBy", dueBy == null ? Instant.ofEpochMilli(Long.MAX_VALUE) : dueBy)
                            .execute()
                    == 1;
        });
    }

    @Override
    public boolean renewLease(String sourceId, String holder, Instant until) {
        return handles.with(handle -> handle.createUpdate(
                                "UPDATE source_state SET lease_until = :until WHERE source_id = :id AND lease_holder = :holder")
                        .bind("id", sourceId)
                        .bind("holder", holder)
                        .bind("until", until)
                        .execute()
                == 1);
    }

    @Override
    public void releaseLease(String sourceId, String holder) {
        handles.use(handle -> handle.createUpdate("""
                        UPDATE source_state SET lease_holder = NULL, lease_until = NULL
                        WHERE source_id = :id AND lease_holder = :holder""")
                .bind("id", sourceId)
                .bind("holder", holder)
                .execute());
    }

    @Override
    public Optional<DroppedFile> findDroppedFile(String sourceId, String name) {
        return handles.with(
                handle -> handle.createQuery("SELECT * FROM dropped_file WHERE source_id = :sourceId AND name = :name")
                        .bind("sourceId", sourceId)
                        .bind("name", name)
                        .map(JdbiSourceStateStore::mapDroppedFile)
                        .findOne());
    }

    @Override
    public void saveDroppedFile(DroppedFile file) {
        handles.use(handle -> handle.createUpdate("""
                        INSERT INTO dropped_file (source_id, name, size, modified, sha256, error, processed_at)
                        VALUES (:sourceId, :name, :size, :modified, :sha256, :error, :processedAt)
                        ON CONFLICT (source_id, name) DO UPDATE SET size = excluded.size,
                            modified = excluded.modified, sha256 = excluded.sha256, error = excluded.error,
                            processed_at = excluded.processed_at""")
                .bind("sourceId", file.sourceId())
                .bind("name", file.name())
                .bind("size", file.size())
                .bindByType("modified", file.modified(), Instant.class)
                .bind("sha256", file.sha256())
                .bind("error", file.error())
                .bindByType("processedAt", file.processedAt(), Instant.class)
                .execute());
    }

    private static SourceState mapState(ResultSet row, StatementContext context) throws SQLException {
        return new SourceState(
                row.getString("source_id"),
                row.getString("etag"),
                row.getString("last_modified"),
                row.getString("body_hash"),
                Times.instant(row, "last_attempt"),
                Times.instant(row, "last_success"),
                row.getString("last_error"),
                Times.instant(row, "last_error_at"),
                row.getInt("failures"),
                Times.instant(row, "next_fetch"),
                row.getInt("paused") != 0,
                row.getString("last_skipped"),
                PageDue.fromLines(row.getString("older_pages_due")));
    }

    private static DroppedFile mapDroppedFile(ResultSet row, StatementContext context) throws SQLException {
        return new DroppedFile(
                row.getString("source_id"),
                row.getString("name"),
                row.getLong("size"),
                Times.instant(row, "modified"),
                row.getString("sha256"),
                row.getString("error"),
                Times.instant(row, "processed_at"));
    }
}
