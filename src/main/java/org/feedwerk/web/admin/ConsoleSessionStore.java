package org.feedwerk.web.admin;

import java.time.Instant;
import java.util.Optional;

/**
 * Signed-in console sessions, shared by every web process (implemented in {@code store}). Sessions are keyed by
 * the SHA-256 of their id; the id itself lives only in the operator's cookie.
 */
public interface ConsoleSessionStore {
    /** A stored session. */
    record StoredSession(String idSha256, String csrfToken, Instant expires) {}

    void save(StoredSession session);

    Optional<StoredSession> find(String idSha256);

    void delete(String idSha256);

    void forgetExpired(Instant now);

    void leaveNotice(String idSha256, String notice);

    /** The notice left for the session, removed as it is read. */
    Optional<String> takeNotice(String idSha256);
}
