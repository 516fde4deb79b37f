package org.feedwerk.web.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Slows down guessing the admin token: after {@value #ATTEMPTS} wrong tokens from one client address within
 * {@link #WINDOW}, that address may not try again until the oldest of them is older than the window. The failures
 * are stored where every web process sees them, so a load balancer spreading the guesses does not multiply them.
 */
final class LoginThrottle {
    static final int ATTEMPTS = 10;
    static final Duration WINDOW = Duration.ofMinutes(10);
    /** Longer client strings (a forged header) are cut; the store keeps 64 characters. */
    private static final int LONGEST_CLIENT = 64;

    private final LoginFailures failures;
    private final Clock clock;

    LoginThrottle(LoginFailures failures, Clock clock) {
        this.failures = failures;
        this.clock = clock;
    }

    /** How long the client must wait, or empty when it may try now. */
    Optional<Duration> waitFor(String client) {
        Instant now = clock.instant();
        List<Instant> recent = failures.since(key(client), now.minus(WINDOW));
        if (recent.size() < ATTEMPTS) {
            return Optional.empty();
        }
        return Optional.of(
                Duration.between(now, recent.get(recent.size() - ATTEMPTS).plus(WINDOW)));
    }

    void failed(String client) {
        Instant now = clock.instant();
        failures.forgetBefore(now.minus(WINDOW));
        failures.record(key(client), now);
    }

    void succeeded(String client) {
        failures.clear(key(client));
    }

    private static String key(String client) {
        return client.length() <= LONGEST_CLIENT ? client : client.substring(0, LONGEST_CLIENT);
    }
}
