package org.feedwerk.pipeline;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.feedwerk.article.IngestCounts;
import org.feedwerk.config.ConfigException;
import org.feedwerk.config.SourceConfig;
import org.feedwerk.parse.Payload;
import org.feedwerk.source.FetchResult;
import org.feedwerk.source.HttpFeedFetcher;
import org.feedwerk.source.SourceState;
import org.feedwerk.store.PayloadArchive;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP half of {@link SourceRunner}: conditional fetch, body-hash short cut, parse and store, and the older
 * pages of a paged feed when the newest page holds nothing already stored.
 */
public final class HttpSourceReader {
    private static final Logger log = LoggerFactory.getLogger(HttpSourceReader.class);
    private static final HttpFeedFetcher.Validators NO_VALIDATORS = new HttpFeedFetcher.Validators(null, null);

    private final HttpFeedFetcher fetcher;
    private final DocumentIngestor documents;
    private final SourceStateRecorder recorder;
    private final Map<String, String> environment;

    /** @param environment where the secrets of sources' {@code credentials} are read */
    public HttpSourceReader(
            HttpFeedFetcher fetcher,
            DocumentIngestor documents,
            SourceStateRecorder recorder,
            Map<String, String> environment) {
        this.fetcher = fetcher;
        this.documents = documents;
        this.recorder = recorder;
        this.environment = Map.copyOf(environment);
    }

    SourceRunReport read(SourceConfig source, SourceState state, Instant started) {
        var validators = new HttpFeedFetcher.Validators(state.etag(), state.lastModified());
        Map<String, String> credentials;
        try {
            credentials = source.findCredentials()
                    .map(configured -> configured.headers(environment))
                    .orElse(Map.of());
        } catch (ConfigException e) {
            return failed(source, state, "credentials: " + e.getMessage(), null);
        }
        FetchResult result =
                fetcher.fetch(source.findUrl().orElseThrow(), validators, source.allowPrivateNetwork(), credentials);
        if (result instanceof FetchResult.Fetched fetched) {
            return ingest(source, state, fetched, started, credentials);
        }
        if (result instanceof FetchResult.NotModified) {
            recorder.succeed(source, state, state.etag(), state.lastModified(), state.bodyHash());
            return new SourceRunReport(source.id(), IngestCounts.NONE, true, null);
        }
        Duration retryAfter = result instanceof FetchResult.RateLimited limited ? limited.retryAfter() : null;
        return failed(source, state, describe(result), retryAfter);
    }

    private SourceRunReport failed(SourceConfig source, SourceState state, String reason, Duration retryAfter) {
        recorder.fail(source, state, reason, retryAfter);
        return new SourceRunReport(source.id(), IngestCounts.NONE, false, reason);
    }

    private SourceRunReport ingest(
            SourceConfig source,
            SourceState state,
            FetchResult.Fetched fetched,
            Instant started,
            Map<String, String> credentials) {
        String bodyHash = PayloadArchive.sha256(fetched.body());
        if (bodyHash.equals(state.bodyHash())) {
            recorder.succeed(source, state, fetched.etag(), fetched.lastModified(), bodyHash);
            return new SourceRunReport(source.id(), IngestCounts.NONE, true, null);
        }
        Payload payload = new Payload(fetched.body(), fetched.contentType(), fetched.finalUrl());
        DocumentIngestor.Ingested first = documents.ingest(source, payload, started);
        IngestCounts counts = first.counts();
        if (state.lastSuccess() != null) {
            counts = counts.plus(readOlderPages(source, fetched.finalUrl(), first, credentials, started));
        }
        recorder.succeed(
                source, state.withLastSkipped(counts.skipSummary()), fetched.etag(), fetched.lastModified(), bodyHash);
        return new SourceRunReport(source.id(), counts, false, null);
    }

    /**
     * A page of nothing but new stories from a source read before means stories may have come and gone between two
     * polls. A paged feed is then followed back ({@code rel="next"}, {@code next_url}) until a page holds a story
     * already stored, at most {@code fetch.olderPages} pages. A source's first read is not followed back: its
     * archive is not wanted, and every item is translated, i.e. paid for. An older page that cannot be read ends
     * the walk with a warning; the stories already read stay stored.
     */
    private IngestCounts readOlderPages(
            SourceConfig source,
            String firstAddress,
            DocumentIngestor.Ingested first,
            Map<String, String> credentials,
            Instant started) {
        IngestCounts older = IngestCounts.NONE;
        DocumentIngestor.Ingested page = first;
        Set<String> visited = new HashSet<>(Set.of(firstAddress));
        URI feedUrl = source.findUrl().orElseThrow();
        int read = 0;
        while (allNew(page.counts()) && page.nextPage() != null) {
            if (read == fetcher.olderPages()) {
                log.atWarn()
                        .addKeyValue("source", source.id())
                        .addKeyValue("pages", read)
                        .log("every story on the older pages read was new, and fetch.olderPages allows no more:"
                                + " stories may have been missed; poll the source more often");
                break;
            }
            if (!visited.add(page.nextPage())) {
                break; // a feed whose pages link in a circle
            }
            String address = page.nextPage();
            try {
                URI next = URI.create(address);
                Map<String, String> sent = HttpFeedFetcher.sameOrigin(feedUrl, next) ? credentials : Map.of();
                FetchResult result = fetcher.fetch(next, NO_VALIDATORS, source.allowPrivateNetwork(), sent);
                if (!(result instanceof FetchResult.Fetched fetched)) {
                    throw new IllegalStateException(describe(result));
                }
                page = documents.ingest(
                        source, new Payload(fetched.body(), fetched.contentType(), fetched.finalUrl()), started);
            } catch (RuntimeException e) {
                log.atWarn()
                        .addKeyValue("source", source.id())
                        .addKeyValue("page", address)
                        .addKeyValue("reason", e.getMessage())
                        .log("older page of a paged feed not read; stories on it may be missing");
                break;
            }
            older = older.plus(page.counts());
            read++;
        }
        if (read == 0
                && allNew(first.counts())
                && first.nextPage() == null
                && first.counts().newArticles() > 1) {
            log.atInfo()
                    .addKeyValue("source", source.id())
                    .addKeyValue("new", first.counts().newArticles())
                    .log("every story in the document was new: if the feed is busy, stories may come and go between"
                            + " two polls; poll it more often");
        }
        return older;
    }

    /** New stories and none stored before: the page does not reach back to what the last read saw. */
    private static boolean allNew(IngestCounts counts) {
        return counts.newArticles() > 0 && counts.unchanged() == 0 && counts.newRevisions() == 0;
    }

    /** Why a fetch gave no document. */
    private static String describe(FetchResult result) {
        if (result instanceof FetchResult.Failed failed) {
            return failed.reason();
        }
        if (result instanceof FetchResult.RateLimited limited) {
            return "rate limited (HTTP " + limited.status() + ")";
        }
        return "not modified";
    }
}
