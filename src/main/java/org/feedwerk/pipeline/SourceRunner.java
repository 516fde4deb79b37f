package org.feedwerk.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiConsumer;
import org.feedwerk.FeedwerkException;
import org.feedwerk.article.ArticleIngestor;
import org.feedwerk.article.IngestCounts;
import org.feedwerk.article.PayloadRef;
import org.feedwerk.config.SourceConfig;
import org.feedwerk.parse.FeedParsers;
import org.feedwerk.parse.ParsedFeed;
import org.feedwerk.parse.Payload;
import org.feedwerk.source.Backoff;
import org.feedwerk.source.DropFolder;
import org.feedwerk.source.HttpFeedFetcher;
import org.feedwerk.source.SourceState;
import org.feedwerk.source.SourceStateStore;
import org.feedwerk.store.PayloadArchive;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one source once: fetch (HTTP or drop folder), parse, normalize and store, then record the outcome and the
 * next fetch time. A failure of any kind marks the source with a readable reason and backs off; it never
 * disturbs other sources and never saves the new validators, so the next run sees the same document again.
 */
public final class SourceRunner {
    private static final Logger log = LoggerFactory.getLogger(SourceRunner.class);

    private final HttpSourceReader httpReader;
    private final DropFolderReader dropReader;
    private final SourceStateStore states;
    private final SourceStateRecorder recorder;
    private final Clock clock;
    private final BiConsumer<SourceRunReport, Duration> afterRun;

    public SourceRunner(HttpFeedFetcher fetcher, DropFolder dropFolder, FeedParsers parsers, ArticleIngestor ingestor,
            PayloadArchive archive, SourceStateStore states, Backoff backoff, Duration dropSettle, Clock clock) {
        this(fetcher, dropFolder, parsers, ingestor, archive, states, backoff, dropSettle, clock, (report, elapsed) -> { });
    }

    /** {@code afterRun} hears about every run and its duration (metrics, refreshing what the site shows). */
    public SourceRunner(HttpFeedFetcher fetcher, DropFolder dropFolder, FeedParsers parsers, ArticleIngestor ingestor,
            PayloadArchive archive, SourceStateStore states, Backoff backoff, Duration dropSettle, Clock clock,
            BiConsumer<SourceRunReport, Duration> afterRun) {
        this.afterRun = afterRun;
        this.states = states;
        this.clock = clock;
        this.recorder = new SourceStateRecorder(states, backoff, clock);
        DocumentIngestor documents = new DocumentIngestor(parsers, ingestor, archive);
        this.httpReader = new HttpSourceReader(fetcher, documents, recorder);
        this.dropReader = new DropFolderReader(dropFolder, documents, states, recorder, dropSettle,
                fetcher.maxBodyBytes(), clock);
    }

    public SourceRunReport run(SourceConfig source) {
        SourceState state = states.findState(source.id()).orElse(SourceState.initial(source.id()));
        Instant started = clock.instant();
        SourceRunReport report;
        try {
            report = source.findUrl().isPresent()
                    ? httpReader.read(source, state, started)
                    : dropReader.read(source, state, started);
        } catch (RuntimeException | StackOverflowError e) {
            // Any failure of one run, expected or not, is recorded with backoff: a run that crashed without a
            // record would be started again on the next tick, for ever.
            String reason = e instanceof FeedwerkException ? e.getMessage() : "unexpected " + describe(e);
            if (!(e instanceof FeedwerkException)) {
                log.atError().addKeyValue("source_id", source.id()).setCause(e).log("source run failed unexpectedly");
            }
            recorder.failOrHoldBack(source, state, reason);
            report = new SourceRunReport(source.id(), IngestCounts.NONE, false, reason);
        }
        log.atInfo().addKeyValue("source_id", source.id())
                .addKeyValue("new", report.counts().newArticles())
                .addKeyValue("revised", report.counts().newRevisions())
                .addKeyValue("unchanged", report.counts().unchanged())
                .addKeyValue("error", report.error())
                .addKeyValue("ms", Duration.between(started, clock.instant()).toMillis())
                .log("source run");
        afterRun.accept(report, Duration.between(started, clock.instant()));
        return report;
    }

    /** An unexpected failure for a reason line: its kind and message ("StackOverflowError", "NullPointerException: x"). */
    static String describe(Throwable failure) {
        return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }

    /**
     * False while a source failed and its failure could not be recorded (the store refused the write): the
     * scheduler then waits the backoff in memory instead of running the source on every tick.
     */
    public boolean mayRun(String sourceId) {
        return recorder.mayRun(sourceId);
    }

    /** Parses and stores one document; the payload is archived only if an item changed. */
    static final class DocumentIngestor {
        private final FeedParsers parsers;
        private final ArticleIngestor ingestor;
        private final PayloadArchive archive;

        DocumentIngestor(FeedParsers parsers, ArticleIngestor ingestor, PayloadArchive archive) {
            this.parsers = parsers;
            this.ingestor = ingestor;
            this.archive = archive;
        }

        IngestCounts ingest(SourceConfig source, Payload payload, Instant fetchedAt) {
            ParsedFeed feed = parsers.parse(payload, source.format());
            return ingestor.ingest(source, feed, () -> new PayloadRef(archive.store(payload.body()), source.id(),
                    payload.origin(), payload.contentType(), payload.body().length, fetchedAt));
        }
    }
}
