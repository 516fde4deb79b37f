package org.feedwerk.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.feedwerk.config.SourceConfig;
import org.feedwerk.source.Backoff;
import org.feedwerk.source.SourceState;
import org.feedwerk.source.SourceStateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Records the outcome of a source run and schedules the next one: the interval after success, backoff after failure. */
public final class SourceStateRecorder {
    private static final Logger log = LoggerFactory.getLogger(SourceStateRecorder.class);

    private final SourceStateStore states;
    private final Backoff backoff;
    private final Clock clock;

    public SourceStateRecorder(SourceStateStore states, Backoff backoff, Clock clock) {
        this.states = states;
        this.backoff = backoff;
        this.clock = clock;
    }

    void succeed(SourceConfig source, SourceState state, String etag, String lastModified, String bodyHash) {
        succeed(source, state, etag, lastModified, bodyHash, null);
    }

    /**
     * A successful read that leaves something to report without backoff ({@code warning}, may be null: an older
     * page of the feed that could not be read and is read again next time, a feed that moved), shown as the last
     * error.
     */
    void succeed(
            SourceConfig source, SourceState state, String etag, String lastModified, String bodyHash, String warning) {
        Instant now = clock.instant();
        SourceState succeeded = state.succeeded(now, now.plus(source.interval()), etag, lastModified, bodyHash);
        states.saveState(
                warning == null ? succeeded : succeeded.withLastError(warning).withLastErrorAt(now));
    }

    /** The folder was read but some files failed: shown as the last error, no backoff (failed files are remembered). */
    void succeedWithErrors(SourceConfig source, SourceState state, String error) {
        Instant now = clock.instant();
        states.saveState(state.succeededWithErrors(now, now.plus(source.interval()), error));
    }

    /**
     * Records the failure with backoff; when the store itself refuses the write (full disk, read-only database),
     * the same backoff is kept in memory so that the source is not run again on every tick.
     */
    void failOrHoldBack(SourceConfig source, SourceState state, String reason) {
        try {
            fail(source, state, reason, null);
            heldBack.remove(source.id());
        } catch (RuntimeException storeRefused) {
            HeldBack previous = heldBack.get(source.id());
            int failures = (previous == null ? state.failures() : previous.failures()) + 1;
            Instant until = clock.instant().plus(backoff.delay(source.interval(), failures, null));
            heldBack.put(source.id(), new HeldBack(failures, until));
            log.atError()
                    .addKeyValue("source_id", source.id())
                    .addKeyValue("reason", reason)
                    .addKeyValue("store_error", storeRefused.getMessage())
                    .addKeyValue("next_attempt", until)
                    .log("source failed and the failure could not be recorded; backing off in memory");
        }
    }

    boolean mayRun(String sourceId) {
        HeldBack held = heldBack.get(sourceId);
        return held == null || !clock.instant().isBefore(held.until());
    }

    private record HeldBack(int failures, Instant until) {}

    private final Map<String, HeldBack> heldBack = new ConcurrentHashMap<>();

    void fail(SourceConfig source, SourceState state, String reason, Duration retryAfter) {
        Instant now = clock.instant();
        int failures = state.failures() + 1;
        Instant next = now.plus(backoff.delay(source.interval(), failures, retryAfter));
        states.saveState(state.failed(now, next, reason));
        log.atWarn()
                .addKeyValue("source_id", source.id())
                .addKeyValue("failures", failures)
                .addKeyValue("next_fetch", next)
                .addKeyValue("reason", reason)
                .log("source failed");
    }
}
