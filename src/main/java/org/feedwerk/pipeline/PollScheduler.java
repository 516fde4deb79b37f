package org.feedwerk.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
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
 * Several processes may poll the same sources: a run takes the source's lease in the store first (renewed while
 * it runs, so a dead holder's lease ends within {@link #LEASE}), so each source is fetched by one process per
 * interval. {@link #stop()} lets running fetches finish; an interrupted run is safe to repeat.
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
    static final Duration LEASE = Duration.ofMinutes(2);
    /** Renews the leases of running fetches; a daemon thread shared by the schedulers of the process. */
    private static final ScheduledExecutorService RENEWALS = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "feedwerk-lease-renewal");
        thread.setDaemon(true);
        return thread;
    });

    private final String holder;
    /** Sources to run before they are due: a file arrived in their drop folder ({@link DropFolderWatcher}). */
    private final Map<String, Instant> wakeUps = new ConcurrentHashMap<>();

    public PollScheduler(
            List<SourceConfig> sources, SourceRunner runner, SourceStateStore states, int concurrency, Clock clock) {
        this(sources, runner, states, concurrency, clock, ProcessIdentity.current());
    }

    /** {@code holder} names this process in source leases. */
    public PollScheduler(
            List<SourceConfig> sources,
            SourceRunner runner,
            SourceStateStore states,
            int concurrency,
            Clock clock,
            String holder) {
        this.holder = holder;
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

    /**
     * Runs the source at {@code at} even if it is not due then (a file arrived in its drop folder and settles
     * then), instead of at its next interval.
     */
    public void wakeUp(String sourceId, Instant at) {
        wakeUps.merge(sourceId, at, (earlier, later) -> earlier.isBefore(later) ? later : earlier);
        long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
        try {
            ticker.schedule(this::dispatchDueSources, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // stopping: the next start runs it
        }
    }

    /** Starts a run for every due (or woken) source that is not running already. */
    void dispatchDueSources() {
        try {
            Instant now = clock.instant();
            for (SourceConfig source : sources) {
                SourceState state = states.findState(source.id()).orElse(SourceState.initial(source.id()));
                Instant wakeUp = wakeUps.get(source.id());
                boolean woken = wakeUp != null && !wakeUp.isAfter(now);
                boolean due = !state.nextFetch().isAfter(now);
                if (!state.paused() && (due || woken) && runner.mayRun(source.id()) && running.add(source.id())) {
                    if (woken) {
                        wakeUps.remove(source.id(), wakeUp);
                    }
                    Lease lease = takeLease(source.id(), now, due);
                    if (lease == Lease.TAKEN_ELSEWHERE) {
                        running.remove(source.id());
                    } else {
                        workers.execute(() -> runGuarded(source, lease == Lease.HELD));
                    }
                }
            }
        } catch (RuntimeException e) {
            log.atError().addKeyValue("reason", e.getMessage()).log("cannot read the schedule");
        }
    }

    private enum Lease {
        HELD,
        TAKEN_ELSEWHERE,
        UNRECORDABLE
    }

    /**
     * When the store cannot even record a lease (a read-only or full database), the source runs anyway: its
     * failure to record is then backed off in memory like any other.
     */
    private Lease takeLease(String sourceId, Instant now, boolean due) {
        try {
            boolean taken = due
                    ? states.tryLease(sourceId, holder, now, now.plus(LEASE))
                    : states.tryLeaseBeforeDue(sourceId, holder, now, now.plus(LEASE));
            return taken ? Lease.HELD : Lease.TAKEN_ELSEWHERE;
        } catch (RuntimeException e) {
            log.atWarn()
                    .addKeyValue("source_id", sourceId)
                    .addKeyValue("reason", e.getMessage())
                    .log("cannot record the source lease; running without it");
            return Lease.UNRECORDABLE;
        }
    }

    private void runGuarded(SourceConfig source, boolean leased) {
        ScheduledFuture<?> renewal = leased
                ? RENEWALS.scheduleWithFixedDelay(
                        () -> renew(source.id()), LEASE.toMillis() / 4, LEASE.toMillis() / 4, TimeUnit.MILLISECONDS)
                : null;
        try {
            runner.run(source);
        } catch (RuntimeException | StackOverflowError e) {
            log.atError()
                    .addKeyValue("source_id", source.id())
                    .addKeyValue("reason", e.getMessage())
                    .setCause(e)
                    .log("source run crashed");
        } finally {
            if (renewal != null) {
                renewal.cancel(false);
                release(source.id());
            }
            running.remove(source.id());
        }
    }

    private void renew(String sourceId) {
        try {
            if (!states.renewLease(sourceId, holder, clock.instant().plus(LEASE))) {
                log.atWarn().addKeyValue("source_id", sourceId).log("source lease lost during a run");
            }
        } catch (RuntimeException e) {
            log.atWarn()
                    .addKeyValue("source_id", sourceId)
                    .addKeyValue("reason", e.getMessage())
                    .log("cannot renew the source lease");
        }
    }

    private void release(String sourceId) {
        try {
            states.releaseLease(sourceId, holder);
        } catch (RuntimeException e) {
            log.atWarn()
                    .addKeyValue("source_id", sourceId)
                    .addKeyValue("reason", e.getMessage())
                    .log("cannot release the source lease; it ends by itself");
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
