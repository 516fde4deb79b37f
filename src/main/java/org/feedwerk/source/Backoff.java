package org.feedwerk.source;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When to try a failing source again: the poll interval doubled per consecutive failure, capped, with ±20 %
 * jitter so that sources failing together do not retry together.
 */
public final class Backoff {
    private static final Duration SHORTEST = Duration.ofSeconds(30);

    private final Duration cap;
    private final RandomGenerator random;

    public Backoff(Duration cap, RandomGenerator random) {
        this.cap = cap;
        this.random = random;
    }

    /** Delay after the {@code failures}-th consecutive failure (1 for the first). */
    public Duration delay(Duration interval, int failures) {
        Duration base = interval.compareTo(SHORTEST) < 0 ? SHORTEST : interval;
        int doublings = Math.min(Math.max(failures - 1, 0), 20);
        Duration grown = base.multipliedBy(1L << doublings);
        Duration capped = grown.compareTo(cap) > 0 ? cap : grown;
        double jitter = 0.8 + 0.4 * random.nextDouble();
        return Duration.ofMillis((long) (capped.toMillis() * jitter));
    }

    /** A server's Retry-After is honoured when it asks for more than the backoff, up to one day. */
    public Duration delay(Duration interval, int failures, Duration retryAfter) {
        Duration backoff = delay(interval, failures);
        if (retryAfter == null || retryAfter.compareTo(backoff) <= 0) {
            return backoff;
        }
        Duration day = Duration.ofDays(1);
        return retryAfter.compareTo(day) > 0 ? day : retryAfter;
    }
}
