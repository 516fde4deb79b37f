package org.feedwerk.config;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Duration;

/**
 * How sources are fetched: concurrency, timeouts, limits and backoff. Unset values take the defaults below;
 * {@code with…} methods (generated) change one of them.
 */
@RecordBuilder
public record FetchConfig(
        Integer concurrency,
        Duration connectTimeout,
        Duration readTimeout,
        Long maxBodyBytes,
        Integer maxRedirects,
        Duration maxBackoff,
        Duration dropSettle,
        String userAgent,
        Integer maxItemsPerDocument,
        Integer olderPages)
        implements FetchConfigBuilder.With {

    public static final String DEFAULT_USER_AGENT =
            "Feedwerk/0.1 (syndicated news translation; +https://github.com/feedwerk/feedwerk)";

    public FetchConfig {
        concurrency = concurrency == null ? 4 : concurrency;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
        maxBodyBytes = maxBodyBytes == null ? 16L * 1024 * 1024 : maxBodyBytes;
        maxRedirects = maxRedirects == null ? 5 : maxRedirects;
        maxBackoff = maxBackoff == null ? Duration.ofHours(6) : maxBackoff;
        dropSettle = dropSettle == null ? Duration.ofSeconds(2) : dropSettle;
        userAgent = userAgent == null ? DEFAULT_USER_AGENT : userAgent;
        maxItemsPerDocument = maxItemsPerDocument == null ? 2_000 : maxItemsPerDocument;
        olderPages = olderPages == null ? 10 : olderPages;
    }

    public static FetchConfig defaults() {
        return new FetchConfig(null, null, null, null, null, null, null, null, null, null);
    }
}
