package org.feedwerk.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofHours(6), new Random(7));

    @ParameterizedTest(name = "failure {0} of a 5m source waits about {1} minutes")
    @CsvSource({"1, 5", "2, 10", "3, 20", "4, 40", "7, 320", "8, 360", "30, 360"})
    void doublesPerFailureUpToTheCapWithJitter(int failures, long minutes) {
        for (int i = 0; i < 50; i++) {
            Duration delay = backoff.delay(Duration.ofMinutes(5), failures);
            assertThat(delay.toMillis()).isBetween((long) (minutes * 60_000 * 0.8), (long) (minutes * 60_000 * 1.2));
        }
    }

    @Test
    void jitterSpreadsRetries() {
        long distinct = IntStream.range(0, 20)
                .mapToObj(i -> backoff.delay(Duration.ofMinutes(5), 2))
                .distinct()
                .count();
        assertThat(distinct).isGreaterThan(10);
    }

    @Test
    void retryAfterLongerThanTheBackoffWinsButIsBounded() {
        assertThat(backoff.delay(Duration.ofMinutes(5), 1, Duration.ofHours(2))).isEqualTo(Duration.ofHours(2));
        assertThat(backoff.delay(Duration.ofMinutes(5), 1, Duration.ofDays(9))).isEqualTo(Duration.ofDays(1));
        assertThat(backoff.delay(Duration.ofMinutes(5), 1, Duration.ofSeconds(1)))
                .isGreaterThan(Duration.ofMinutes(3));
    }
}
