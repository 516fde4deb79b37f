package org.feedwerk.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SignalsTest {
    private final Signals signals = new Signals();

    @Test
    void aWaiterWakesWhenItsSignalIsAnnounced() throws Exception {
        long since = signals.count(Signal.TRANSLATED);
        CompletableFuture<Long> waited = CompletableFuture.supplyAsync(() -> {
            long started = System.nanoTime();
            try {
                signals.await(Signal.TRANSLATED, since, Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return System.nanoTime() - started;
        });
        Thread.sleep(100);
        signals.announce(Signal.FETCHED); // another signal does not wake it
        Thread.sleep(100);
        assertThat(waited).isNotDone();
        signals.announce(Signal.TRANSLATED);
        assertThat(waited.get(5, TimeUnit.SECONDS))
                .isLessThan(Duration.ofSeconds(5).toNanos());
    }

    @Test
    void aSignalBetweenLookingAndWaitingIsNotLost() throws Exception {
        long since = signals.count(Signal.FETCHED); // read before looking for work
        signals.ring(Signal.FETCHED); // arrives while looking
        long started = System.nanoTime();
        signals.await(Signal.FETCHED, since, Duration.ofSeconds(30));
        assertThat(System.nanoTime() - started).isLessThan(Duration.ofSeconds(1).toNanos());
    }

    @Test
    void withoutASignalTheWaitEndsAtTheTimeout() throws Exception {
        long started = System.nanoTime();
        signals.await(Signal.SITE_CHANGED, signals.count(Signal.SITE_CHANGED), Duration.ofMillis(200));
        assertThat(System.nanoTime() - started)
                .isGreaterThanOrEqualTo(Duration.ofMillis(190).toNanos());
    }

    @Test
    void announcementsAreRelayedAndRingsFromElsewhereAreNot() {
        List<Signal> relayed = new ArrayList<>();
        signals.relayTo(relayed::add);
        signals.announce(Signal.TRANSLATED);
        signals.ring(Signal.FETCHED); // came from another process: not sent back
        assertThat(relayed).containsExactly(Signal.TRANSLATED);
        assertThat(signals.count(Signal.FETCHED)).isEqualTo(1);
    }
}
