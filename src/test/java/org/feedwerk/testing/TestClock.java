package org.feedwerk.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests move by hand: fixed at a start time, or following the system clock (with its real sub-millisecond
 * precision, which fixed test times hide) plus whatever the test advanced it by.
 */
public final class TestClock extends Clock {
    private final Clock base;
    private volatile Duration offset = Duration.ZERO;

    public TestClock(Instant start) {
        this(Clock.fixed(start, ZoneOffset.UTC));
    }

    private TestClock(Clock base) {
        this.base = base;
    }

    /** The system clock, movable forward. */
    public static TestClock system() {
        return new TestClock(Clock.systemUTC());
    }

    public void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
