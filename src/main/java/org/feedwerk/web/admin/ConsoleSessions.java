package org.feedwerk.web.admin;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.feedwerk.publish.Hashes;

/**
 * Signed-in console sessions: a random session id in an HttpOnly, SameSite=Strict cookie, and a random CSRF token
 * per session that every state-changing form must send back. Sessions last 8 hours and are stored (by the SHA-256
 * of their id) where every web process finds them, so an operator stays signed in behind a load balancer.
 */
final class ConsoleSessions {
    static final String COOKIE = "feedwerk_session";
    private static final Duration LIFETIME = Duration.ofHours(8);

    /** One signed-in operator. */
    record Session(String id, String csrfToken) {}

    private final SecureRandom random = new SecureRandom();
    private final ConsoleSessionStore store;
    private final Clock clock;

    ConsoleSessions(ConsoleSessionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    Session create() {
        store.forgetExpired(clock.instant());
        Session session = new Session(randomToken(), randomToken());
        store.save(new ConsoleSessionStore.StoredSession(
                hash(session.id()), session.csrfToken(), clock.instant().plus(LIFETIME)));
        return session;
    }

    Optional<Session> find(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        return store.find(hash(id))
                .filter(stored -> !clock.instant().isAfter(stored.expires()))
                .map(stored -> new Session(id, stored.csrfToken()));
    }

    void end(String id) {
        if (id != null) {
            store.delete(hash(id));
        }
    }

    /** The Set-Cookie value; {@code secure} when the console is served over HTTPS. */
    static String cookie(Session session, boolean secure) {
        return COOKIE + "=" + session.id() + "; Path=/admin; HttpOnly; SameSite=Strict; Max-Age=" + LIFETIME.toSeconds()
                + (secure ? "; Secure" : "");
    }

    static String expiredCookie() {
        return COOKIE + "=; Path=/admin; HttpOnly; SameSite=Strict; Max-Age=0";
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Leaves a notice for the session's next page; a notice never comes from the request, so no link can forge one. */
    void leaveNotice(Session session, String notice) {
        store.leaveNotice(hash(session.id()), notice);
    }

    /** The notice left for this session, once. */
    String takeNotice(Session session) {
        return store.takeNotice(hash(session.id())).orElse(null);
    }

    private static String hash(String id) {
        return Hashes.sha256(id);
    }
}
