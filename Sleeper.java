package org.feedwerk.translate;

import java.time.Duration;

/** Waits between retries; tests pass one that does not wait. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());
}
