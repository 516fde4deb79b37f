package org.feedwerk.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiConsumer;
import org.feedwerk.FeedwerkException;
import org.feedwerk.article.IngestCounts;
import org.feedwerk.config.SourceConfig;
import org.feedwerk.source.SourceState;
import org.feedwerk.source.SourceStateStore;
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

    /**
     * @param afterRun hears about every run and its duration (metrics, refreshing what the site shows)
     */
    public SourceRunner(
            HttpSourceReader httpReader,
            DropFolderReader dropReader,
            SourceStateStore states,
            SourceStateRecorder recorder,
            Clock clock,
            BiConsumer<SourceRunReport, Duration> afterRun) {
        this.httpReader = httpReader;
        this.dropReader = dropReader;
        this.states = states;
        this.recorder = recorder;
        this.clock = clock;
        this.afterRun = afterRun;
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
        log.atInfo()
                .addKeyValue("source_id", source.id())
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
}
