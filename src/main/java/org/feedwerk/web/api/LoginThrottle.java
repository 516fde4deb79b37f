package org.feedwerk.web.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing the admin token: after {@value #ATTEMPTS} wrong tokens from one client address within
 * {@link #WINDOW}, that address may not try again until the oldest of them is older than the window.
 */
final class LoginThrottle {
    static final int ATTEMPTS = 10;
    static final Duration WINDOW = Duration.ofMinutes(10);
    private static final int MAX_CLIENTS = 10_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the client must wait, or empty when it may try now. */
    Optional<Duration> waitFor(String client) {
        Deque<Instant> recent = failures.get(client);
        if (recent == null) {
            return Optional.empty();
        }
        synchronized (recent) {
            prune(recent);
            if (recent.size() < ATTEMPTS) {
                return Optional.empty();
            }
            return Optional.of(Duration.between(clock.instant(), recent.peekFirst().plus(WINDOW)));
        }
    }

    void failed(String client) {
        if (failures.size() >= MAX_CLIENTS) {
            failures.values().removeIf(recent -> {
                synchronized (recent) {
                    prune(recent);
                    return recent.isEmpty();
                }
            });
        }
        Deque<Instant> recent = failures.computeIfAbsent(client, key -> new ArrayDeque<>());
        synchronized (recent) {
            recent.addLast(clock.instant());
            prune(recent);
        }
    }

    void succeeded(String client) {
        failures.remove(client);
    }

    private void prune(Deque<Instant> recent) {
        Instant oldest = clock.instant().minus(WINDOW);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(oldest)) {
            recent.removeFirst();
        }
    }
}
