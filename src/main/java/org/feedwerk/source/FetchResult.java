package org.feedwerk.source;

import java.time.Duration;

/** Outcome of one HTTP fetch; expected outcomes are values, not exceptions. */
public sealed interface FetchResult {
    /** A body was received (already decompressed and within the size cap). */
    record Fetched(byte[] body, String contentType, String etag, String lastModified, String finalUrl)
            implements FetchResult {}

    /** 304: the validators matched. */
    record NotModified() implements FetchResult {}

    /** 429 or 503: come back after {@code retryAfter} (null when the server did not say). */
    record RateLimited(int status, Duration retryAfter) implements FetchResult {}

    /** Anything else that went wrong, with a reason for the operator. */
    record Failed(String reason) implements FetchResult {}
}
