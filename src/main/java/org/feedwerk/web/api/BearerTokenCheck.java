package org.feedwerk.web.api;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When an admin token is configured, {@code /api/} requires {@code Authorization: Bearer <token>}, and the console
 * signs in with it. Wrong tokens are counted per client address ({@link LoginThrottle}), for the API and the
 * console together.
 */
public final class BearerTokenCheck {
    private static final Logger log = LoggerFactory.getLogger(BearerTokenCheck.class);
    private final Optional<String> token;
    private final LoginThrottle throttle;
    private final Set<String> trustedProxies;

    /** The outcome of presenting a token. */
    public enum Verdict {
        RIGHT,
        WRONG,
        THROTTLED
    }

    public BearerTokenCheck(Optional<String> token, Clock clock, List<String> trustedProxies, LoginFailures failures) {
        this.token = token.filter(value -> !value.isBlank());
        this.throttle = new LoginThrottle(failures, clock);
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    /**
     * The client's address: the peer's, or — when the peer is a configured trusted proxy — the nearest address in
     * X-Forwarded-For that is not one of the trusted proxies (the ones further left can be forged by the client).
     */
    public String client(Context context) {
        String peer = context.req().getRemoteAddr();
        if (!trustedProxies.contains(peer)) {
            return peer;
        }
        String forwarded = context.header("X-Forwarded-For");
        if (forwarded == null) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        for (int index = hops.length - 1; index >= 0; index--) {
            String hop = hops[index].strip();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return peer;
    }

    public boolean isConfigured() {
        return token.isPresent();
    }

    public void require(Context context) {
        if (token.isEmpty()) {
            return;
        }
        String header = context.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            context.header("WWW-Authenticate", "Bearer realm=\"feedwerk\"");
            throw new ApiError(401, "authorization required: send Authorization: Bearer <FEEDWERK_ADMIN_TOKEN>");
        }
        String client = client(context);
        switch (verify(header.substring(7).trim(), client)) {
            case RIGHT -> {}
            case THROTTLED -> {
                context.header(
                        "Retry-After",
                        String.valueOf(Math.max(
                                1,
                                throttle.waitFor(client)
                                        .orElse(Duration.ofSeconds(1))
                                        .toSeconds())));
                throw new ApiError(429, "too many wrong tokens from this address; try again later");
            }
            case WRONG -> throw new ApiError(403, "invalid token");
        }
    }

    /**
     * The right token always passes, even from an address that sent wrong ones (else anyone sharing an address
     * with the operators, such as everyone behind one proxy, could lock them out); a wrong one is counted, and
     * refused as throttled once the address has sent too many.
     */
    public Verdict verify(String presented, String client) {
        if (matches(presented)) {
            throttle.succeeded(client);
            return Verdict.RIGHT;
        }
        if (throttle.waitFor(client).isPresent()) {
            return Verdict.THROTTLED;
        }
        throttle.failed(client);
        log.warn("wrong admin token from {}", client);
        return Verdict.WRONG;
    }

    /** How long a client that presented too many wrong tokens must wait, or empty. */
    public Optional<Duration> waitFor(String client) {
        return throttle.waitFor(client);
    }

    /** Constant-time comparison, so the token cannot be guessed byte by byte from response times. */
    private boolean matches(String presented) {
        return token.isPresent()
                && MessageDigest.isEqual(
                        presented.getBytes(StandardCharsets.UTF_8), token.get().getBytes(StandardCharsets.UTF_8));
    }
}
