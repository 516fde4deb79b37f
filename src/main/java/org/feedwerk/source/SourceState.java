package org.feedwerk.source;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Instant;
import java.util.List;

/**
 * What Feedwerk remembers about a source between fetches: validators for conditional GET, the hash of the last
 * body, outcome of the last attempts, items the last document skipped, older pages of a paged feed still to read,
 * and when to fetch next (so the schedule survives restarts). Each transition changes only the fields it names
 * ({@code with…} methods are generated).
 */
@RecordBuilder
public record SourceState(
        String sourceId,
        String etag,
        String lastModified,
        String bodyHash,
        Instant lastAttempt,
        Instant lastSuccess,
        String lastError,
        Instant lastErrorAt,
        int failures,
        Instant nextFetch,
        boolean paused,
        String lastSkipped,
        List<PageDue> olderPagesDue)
        implements SourceStateBuilder.With {

    public SourceState {
        olderPagesDue = olderPagesDue == null ? List.of() : List.copyOf(olderPagesDue);
    }

    /** A source never fetched: due now. */
    public static SourceState initial(String sourceId) {
        return new SourceState(
                sourceId, null, null, null, null, null, null, null, 0, Instant.EPOCH, false, null, List.of());
    }

    public SourceState succeeded(
            Instant now, Instant next, String newEtag, String newLastModified, String newBodyHash) {
        return with(state -> state.etag(newEtag)
                .lastModified(newLastModified)
                .bodyHash(newBodyHash)
                .lastAttempt(now)
                .lastSuccess(now)
                .lastError(null)
                .failures(0)
                .nextFetch(next));
    }

    /** Success of the fetch itself while some delivered files failed: the error is shown, no backoff. */
    public SourceState succeededWithErrors(Instant now, Instant next, String error) {
        return with(state -> state.lastAttempt(now)
                .lastSuccess(now)
                .lastError(error)
                .lastErrorAt(now)
                .failures(0)
                .nextFetch(next));
    }

    public SourceState failed(Instant now, Instant next, String error) {
        return with(state -> state.lastAttempt(now)
                .lastError(error)
                .lastErrorAt(now)
                .failures(failures + 1)
                .nextFetch(next));
    }
}
