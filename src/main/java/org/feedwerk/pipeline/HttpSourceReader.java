package org.feedwerk.pipeline;

import java.time.Instant;
import java.util.Map;
import org.feedwerk.article.IngestCounts;
import org.feedwerk.config.ConfigException;
import org.feedwerk.config.SourceConfig;
import org.feedwerk.parse.Payload;
import org.feedwerk.source.FetchResult;
import org.feedwerk.source.HttpFeedFetcher;
import org.feedwerk.source.SourceState;
import org.feedwerk.store.PayloadArchive;

/** The HTTP half of {@link SourceRunner}: conditional fetch, body-hash short cut, parse and store. */
public final class HttpSourceReader {
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
            String reason = "credentials: " + e.getMessage();
            recorder.fail(source, state, reason, null);
            return new SourceRunReport(source.id(), IngestCounts.NONE, false, reason);
        }
        FetchResult result =
                fetcher.fetch(source.findUrl().orElseThrow(), validators, source.allowPrivateNetwork(), credentials);
        if (result instanceof FetchResult.Fetched fetched) {
            return ingest(source, state, fetched, started);
        }
        if (result instanceof FetchResult.NotModified) {
            recorder.succeed(source, state, state.etag(), state.lastModified(), state.bodyHash());
            return new SourceRunReport(source.id(), IngestCounts.NONE, true, null);
        }
        if (result instanceof FetchResult.RateLimited limited) {
            String reason = "rate limited (HTTP " + limited.status() + ")";
            recorder.fail(source, state, reason, limited.retryAfter());
            return new SourceRunReport(source.id(), IngestCounts.NONE, false, reason);
        }
        String reason = ((FetchResult.Failed) result).reason();
        recorder.fail(source, state, reason, null);
        return new SourceRunReport(source.id(), IngestCounts.NONE, false, reason);
    }

    private SourceRunReport ingest(
            SourceConfig source, SourceState state, FetchResult.Fetched fetched, Instant started) {
        String bodyHash = PayloadArchive.sha256(fetched.body());
        if (bodyHash.equals(state.bodyHash())) {
            recorder.succeed(source, state, fetched.etag(), fetched.lastModified(), bodyHash);
            return new SourceRunReport(source.id(), IngestCounts.NONE, true, null);
        }
        Payload payload = new Payload(fetched.body(), fetched.contentType(), fetched.finalUrl());
        IngestCounts counts = documents.ingest(source, payload, started);
        recorder.succeed(
                source, state.withLastSkipped(counts.skipSummary()), fetched.etag(), fetched.lastModified(), bodyHash);
        return new SourceRunReport(source.id(), counts, false, null);
    }
}
