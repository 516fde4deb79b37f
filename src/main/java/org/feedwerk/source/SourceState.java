package org.feedwerk.source;

import java.time.Instant;

/**
 * What Feedwerk remembers about a source between fetches: validators for conditional GET, the hash of the last
 * body, outcome of the last attempts, items the last document skipped, and when to fetch next (so the schedule
 * survives restarts).
 */
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
        String lastSkipped) {

    /** A source never fetched: due now. */
    public static SourceState initial(String sourceId) {
        return new SourceState(sourceId, null, null, null, null, null, null, null, 0, Instant.EPOCH, false, null);
    }

    public SourceState succeeded(
            Instant now, Instant next, String newEtag, String newLastModified, String newBodyHash) {
        return new SourceState(
                sourceId,
                newEtag,
                newLastModified,
                newBodyHash,
                now,
                now,
                null,
                lastErrorAt,
                0,
                next,
                paused,
                lastSkipped);
    }

    /** Success of the fetch itself while some delivered files failed: the error is shown, no backoff. */
    public SourceState succeededWithErrors(Instant now, Instant next, String error) {
        return new SourceState(
                sourceId, etag, lastModified, bodyHash, now, now, error, now, 0, next, paused, lastSkipped);
    }

    public SourceState failed(Instant now, Instant next, String error) {
        return new SourceState(
                sourceId,
                etag,
                lastModified,
                bodyHash,
                now,
                lastSuccess,
                error,
                now,
                failures + 1,
                next,
                paused,
                lastSkipped);
    }

    /** The items the last read document skipped, and why ({@code null}: none). */
    public SourceState withSkipped(String skipped) {
        return new SourceState(
                sourceId,
                etag,
                lastModified,
                bodyHash,
                lastAttempt,
                lastSuccess,
                lastError,
                lastErrorAt,
                failures,
                nextFetch,
                paused,
                skipped);
    }

    public SourceState withNextFetch(Instant next) {
        return new SourceState(
                sourceId,
                etag,
                lastModified,
                bodyHash,
                lastAttempt,
                lastSuccess,
                lastError,
                lastErrorAt,
                failures,
                next,
                paused,
                lastSkipped);
    }
}
