package org.feedwerk.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.feedwerk.web.admin.ConsoleSessionStore;
import org.feedwerk.web.api.LoginFailures;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** Console sessions and wrong-token counts in the database, so that every web process shares them. */
public final class JdbiWebStateStore implements ConsoleSessionStore, LoginFailures {
    private final HandleSource handles;

    public JdbiWebStateStore(Database database) {
        this.handles = new HandleSource(database.jdbi(), null);
    }

    @Override
    public void save(StoredSession session) {
        handles.use(handle -> handle.createUpdate("""
                        INSERT INTO console_session (id_sha256, csrf_token, expires_at)
                        VALUES (:id, :csrf, :expires)""")
                .bind("id", session.idSha256())
                .bind("csrf", session.csrfToken())
                .bindByType("expires", session.expires(), Instant.class)
                .execute());
    }

    @Override
    public Optional<StoredSession> find(String idSha256) {
        return handles.with(handle -> handle.createQuery(
                        "SELECT id_sha256, csrf_token, expires_at AS expires FROM console_session WHERE id_sha256 = :id")
                .bind("id", idSha256)
                .map(ConstructorMapper.of(StoredSession.class))
                .findOne());
    }

    @Override
    public void delete(String idSha256) {
        handles.use(handle -> handle.createUpdate("DELETE FROM console_session WHERE id_sha256 = :id")
                .bind("id", idSha256)
                .execute());
    }

    @Override
    public void forgetExpired(Instant now) {
        handles.use(handle -> handle.createUpdate("DELETE FROM console_session WHERE expires_at < :now")
                .bind("now", now)
                .execute());
    }

    @Override
    public void leaveNotice(String idSha256, String notice) {
        handles.use(handle -> handle.createUpdate("UPDATE console_session SET notice = :notice WHERE id_sha256 = :id")
                .bind("id", idSha256)
                .bind("notice", notice)
                .execute());
    }

    @Override
    public Optional<String> takeNotice(String idSha256) {
        return handles.inTransaction(tx -> {
            Optional<String> notice = tx.createQuery("SELECT notice FROM console_session WHERE id_sha256 = :id")
                    .bind("id", idSha256)
                    .mapTo(String.class)
                    .findOne();
            if (notice.isPresent()) {
                tx.createUpdate("UPDATE console_session SET notice = NULL WHERE id_sha256 = :id")
                        .bind("id", idSha256)
                        .execute();
            }
            return notice;
        });
    }

    @Override
    public void record(String client, Instant at) {
        handles.use(handle -> handle.createUpdate("INSERT INTO login_failure (client, failed_at) VALUES (:client, :at)")
                .bind("client", client)
                .bind("at", at)
                .execute());
    }

    @Override
    public List<Instant> since(String client, Instant since) {
        return handles.with(handle -> handle.createQuery("""
                        SELECT failed_at FROM login_failure WHERE client = :client AND failed_at > :since
                        ORDER BY failed_at""")
                .bind("client", client)
                .bind("since", since)
                .mapTo(Instant.class)
                .list());
    }

    @Override
    public void clear(String client) {
        handles.use(handle -> handle.createUpdate("DELETE FROM login_failure WHERE client = :client")
                .bind("client", client)
                .execute());
    }

    @Override
    public void forgetBefore(Instant before) {
        handles.use(handle -> handle.createUpdate("DELETE FROM login_failure WHERE failed_at <= :before")
                .bind("before", before)
                .execute());
    }
}
