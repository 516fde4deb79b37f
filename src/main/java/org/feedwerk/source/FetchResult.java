package org.feedwerk.source;

import java.time.Duration;

/** Outcome of one HTTP fetch; expected outcomes are values, not exceptions. */
public sealed interface FetchResult {
    /**
     * A body was received (already decompressed and within the size cap). {@code movedTo}: where the feed has moved
     * permanently, null when it has not (see {@link NotModified}).
     */
    record Fetched(byte[] body, String contentType, String etag, String lastModified, String finalUrl, String movedTo)
            implements FetchResult {}

    /**
     * 304: the validators matched. {@code movedTo}: the address the requested one redirects to permanently (301 or
     * 308, followed up to the first temporary redirect), the one the source should be configured with; null when
     * the feed has not moved.
     */
    record NotModified(String movedTo) implements FetchResult {}

    /** 429 or 503: come back after {@code retryAfter} (null when the server did not say). */
    record RateLimited(int status, Duration retryAfter) implements FetchResult {}

    /** Anything else that went wrong, with a reason for the operator. */
    record Failed(String reason) implements FetchResult {}
}
