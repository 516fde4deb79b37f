package org.feedwerk.web.admin;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in console sessions: a random session id in an HttpOnly, SameSite=Strict cookie, and a random CSRF token
 * per session that every state-changing form must send back. Sessions live in memory for 8 hours.
 */
final class ConsoleSessions {
    static final String COOKIE = "feedwerk_session";
    private static final Duration LIFETIME = Duration.ofHours(8);

    /** One signed-in operator. */
    record Session(String id, String csrfToken, Instant expires) {}

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    /** The notice an action left for the next page of its session ("Quelle … pausiert."), shown once. */
    private final Map<String, String> notices = new ConcurrentHashMap<>();
    private final Clock clock;

    ConsoleSessions(Clock clock) {
        this.clock = clock;
    }

    Session create() {
        Session session = new Session(randomToken(), randomToken(), clock.instant().plus(LIFETIME));
        sessions.put(session.id(), session);
        return session;
    }

    Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        if (session == null || clock.instant().isAfter(session.expires())) {
            sessions.remove(id);
            return Optional.empty();
        }
        return Optional.of(session);
    }

    void end(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** The Set-Cookie value; {@code secure} when the console is served over HTTPS. */
    static String cookie(Session session, boolean secure) {
        return COOKIE + "=" + session.id() + "; Path=/admin; HttpOnly; SameSite=Strict; Max-Age="
                + LIFETIME.toSeconds() + (secure ? "; Secure" : "");
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
        notices.put(session.id(), notice);
    }

    /** The notice left for this session, once. */
    String takeNotice(Session session) {
        return notices.remove(session.id());
    }
}
