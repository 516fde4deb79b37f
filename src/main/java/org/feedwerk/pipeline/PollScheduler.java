package org.feedwerk.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.feedwerk.config.SourceConfig;
import org.feedwerk.source.SourceState;
import org.feedwerk.source.SourceStateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls due sources: once a second it looks for sources whose stored next-fetch time has passed and hands them
 * to a bounded pool, one run per source at a time. The schedule lives in the store, so it survives restarts.
 * {@link #stop()} lets running fetches finish; an interrupted run is safe to repeat.
 */
public final class PollScheduler {
    private static final Logger log = LoggerFactory.getLogger(PollScheduler.class);

    private final List<SourceConfig> sources;
    private final SourceRunner runner;
    private final SourceStateStore states;
    private final Clock clock;
    private final ScheduledExecutorService ticker;
    private final ExecutorService workers;
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    public PollScheduler(List<SourceConfig> sources, SourceRunner runner, SourceStateStore states, int concurrency,
            Clock clock) {
        this.sources = List.copyOf(sources);
        this.runner = runner;
        this.states = states;
        this.clock = clock;
        this.ticker = Executors.newSingleThreadScheduledExecutor(named("feedwerk-poll"));
        this.workers = Executors.newFixedThreadPool(concurrency, named("feedwerk-fetch"));
    }

    public void start() {
        ticker.scheduleWithFixedDelay(this::dispatchDueSources, 0, 1, TimeUnit.SECONDS);
    }

    /** Starts a run for every due source that is not running already. */
    void dispatchDueSources() {
        try {
            Instant now = clock.instant();
            for (SourceConfig source : sources) {
                SourceState state = states.findState(source.id()).orElse(SourceState.initial(source.id()));
                if (!state.paused() && !state.nextFetch().isAfter(now) && runner.mayRun(source.id())
                        && running.add(source.id())) {
                    workers.execute(() -> runGuarded(source));
                }
            }
        } catch (RuntimeException e) {
            log.atError().addKeyValue("reason", e.getMessage()).log("cannot read the schedule");
        }
    }

    private void runGuarded(SourceConfig source) {
        try {
            runner.run(source);
        } catch (RuntimeException | StackOverflowError e) {
            log.atError().addKeyValue("source_id", source.id()).addKeyValue("reason", e.getMessage())
                    .setCause(e).log("source run crashed");
        } finally {
            running.remove(source.id());
        }
    }

    /** Stops scheduling, waits up to {@code seconds} for running fetches. */
    public void stop(long seconds) {
        ticker.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(seconds, TimeUnit.SECONDS)) {
                workers.shutdownNow();
                log.warn("fetches still running at shutdown were interrupted; they will be repeated on restart");
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory named(String prefix) {
        var counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(false);
            return thread;
        };
    }
}
