package org.feedwerk.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When an admin token is configured, {@code /api/} requires {@code Authorization: Bearer <token>}, and the console
 * signs in with it. Wrong tokens are counted per client address ({@link LoginThrottle}), for the API and the
 * console together.
 */
final class BearerTokenCheck {
    private static final Logger log = LoggerFactory.getLogger(BearerTokenCheck.class);
    private final Optional<String> token;
    private final LoginThrottle throttle;

    BearerTokenCheck(Optional<String> token, Clock clock) {
        this.token = token.filter(value -> !value.isBlank());
        this.throttle = new LoginThrottle(clock);
    }

    boolean isConfigured() {
        return token.isPresent();
    }

    void require(Context context) {
        if (token.isEmpty()) {
            return;
        }
        String header = context.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            context.header("WWW-Authenticate", "Bearer realm=\"feedwerk\"");
            throw new ApiError(401, "authorization required: send Authorization: Bearer <FEEDWERK_ADMIN_TOKEN>");
        }
        String client = context.ip();
        Optional<Duration> wait = throttle.waitFor(client);
        if (wait.isPresent()) {
            context.header("Retry-After", String.valueOf(Math.max(1, wait.get().toSeconds())));
            throw new ApiError(429, "too many wrong tokens from this address; try again later");
        }
        if (!check(header.substring(7).trim(), client)) {
            throw new ApiError(403, "invalid token");
        }
    }

    /** How long a client that presented too many wrong tokens must wait, or empty. */
    Optional<Duration> waitFor(String client) {
        return throttle.waitFor(client);
    }

    /** Compares and counts a wrong token against the client. */
    boolean check(String presented, String client) {
        boolean right = matches(presented);
        if (right) {
            throttle.succeeded(client);
        } else {
            throttle.failed(client);
            log.warn("wrong admin token from {}", client);
        }
        return right;
    }

    /** Constant-time comparison, so the token cannot be guessed byte by byte from response times. */
    private boolean matches(String presented) {
        return token.isPresent() && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                token.get().getBytes(StandardCharsets.UTF_8));
    }
}
