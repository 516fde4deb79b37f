package org.feedwerk.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.feedwerk.config.SourceConfig;
import org.feedwerk.config.SourceFormat;
import org.feedwerk.source.Backoff;
import org.feedwerk.source.DroppedFile;
import org.feedwerk.source.SourceState;
import org.feedwerk.source.SourceStateStore;
import org.feedwerk.store.StoreException;
import org.feedwerk.testing.TestClock;
import org.junit.jupiter.api.Test;

/** A source whose failure cannot even be recorded (the store refuses writes) waits its backoff in memory. */
class UnrecordableFailureTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-11-30T12:00:00Z"));

    /** Reads work, every write fails, as with a full disk or a read-only database. */
    private static final class ReadOnlyStore implements SourceStateStore {
        @Override
        public Optional<SourceState> findState(String sourceId) {
            return Optional.empty();
        }

        @Override
        public List<SourceState> listStates() {
            return List.of();
        }

        @Override
        public void saveState(SourceState state) {
            throw new StoreException("attempt to write a readonly database", null);
        }

        @Override
        public void setPaused(String sourceId, boolean paused) {
            throw new StoreException("attempt to write a readonly database", null);
        }

        @Override
        public boolean tryLease(String sourceId, String holder, Instant now, Instant until) {
            throw new StoreException("attempt to write a readonly database", null);
        }

        @Override
        public boolean tryLeaseBeforeDue(String sourceId, String holder, Instant now, Instant until) {
            throw new StoreException("attempt to write a readonly database", null);
        }

        @Override
        public boolean renewLease(String sourceId, String holder, Instant until) {
            throw new StoreException("attempt to write a readonly database", null);
        }

        @Override
        public void releaseLease(String sourceId, String holder) {
            throw new StoreException("attempt to write a readonly database", null);
        }

        @Override
        public Optional<DroppedFile> findDroppedFile(String sourceId, String name) {
            return Optional.empty();
        }

        @Override
        public void saveDroppedFile(DroppedFile file) {
            throw new StoreException("attempt to write a readonly database", null);
        }
    }

    @Test
    void aFailureThatCannotBeRecordedIsBackedOffInMemory() {
        SourceStateRecorder recorder =
                new SourceStateRecorder(new ReadOnlyStore(), new Backoff(Duration.ofHours(6), new Random(1)), clock);
        SourceConfig source = new SourceConfig(
                "wire",
                null,
                Path.of("/tmp"),
                SourceFormat.AUTO,
                "en",
                Duration.ofMinutes(1),
                "Wire",
                null,
                null,
                null);

        assertThat(recorder.mayRun("wire")).isTrue();
        recorder.failOrHoldBack(source, SourceState.initial("wire"), "cannot read");

        assertThat(recorder.mayRun("wire")).as("not on the next tick").isFalse();
        clock.advance(Duration.ofSeconds(30));
        assertThat(recorder.mayRun("wire")).isFalse();
        clock.advance(Duration.ofMinutes(5));
        assertThat(recorder.mayRun("wire")).as("after the backoff").isTrue();
        assertThat(recorder.mayRun("other")).isTrue();
    }
}
