package org.feedwerk.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.feedwerk.article.Article;
import org.feedwerk.article.ArticleStatus;
import org.feedwerk.article.ArticleStore;
import org.feedwerk.article.Revision;
import org.feedwerk.coordination.Signal;
import org.feedwerk.coordination.Signals;
import org.feedwerk.translate.ArticleTranslator;
import org.feedwerk.translate.TranslationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates new revisions continuously: each worker claims the next article, translates it into every target
 * language and ends the claim as {@code translated}, or {@code held} with the reason and a retry time that
 * backs off. A claim left by a crashed worker expires after the lease and the article is picked up again; the
 * translation memory keeps what was already paid for.
 */
public final class TranslationWorker {
    private static final Logger log = LoggerFactory.getLogger(TranslationWorker.class);
    private static final Duration IDLE_WAIT = Duration.ofSeconds(1);
    private static final Duration FIRST_HOLD = Duration.ofMinutes(1);
    /** Renews the claims of running translations; daemon threads, shared by all workers of the process. */
    private static final ScheduledExecutorService HEARTBEATS = Executors.newScheduledThreadPool(1, runnable -> {
        Thread thread = new Thread(runnable, "feedwerk-claim-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    private final TranslationStore queue;
    private final ArticleStore articles;
    private final ArticleTranslator translator;
    private final List<String> targets;
    private final Duration lease;
    private final Duration maxHold;
    private final Clock clock;
    private final int workers;
    private final Signals signals;
    private ExecutorService pool;
    private volatile boolean running;

    /** Idle workers wake on {@link Signal#FETCHED}; each finished translation announces {@link Signal#TRANSLATED}. */
    public TranslationWorker(
            TranslationStore queue,
            ArticleStore articles,
            ArticleTranslator translator,
            List<String> targets,
            int workers,
            Duration lease,
            Duration maxHold,
            Clock clock,
            Signals signals) {
        this.queue = queue;
        this.articles = articles;
        this.translator = translator;
        this.targets = List.copyOf(targets);
        this.workers = workers;
        this.lease = lease;
        this.maxHold = maxHold;
        this.clock = clock;
        this.signals = signals;
    }

    public void start() {
        running = true;
        AtomicInteger counter = new AtomicInteger();
        pool = Executors.newFixedThreadPool(
                workers, runnable -> new Thread(runnable, "feedwerk-translate-" + counter.incrementAndGet()));
        for (int i = 0; i < workers; i++) {
            pool.execute(this::loop);
        }
    }

    /** Lets running translations finish (up to {@code seconds}); an interrupted one is claimed again later. */
    public void stop(long seconds) {
        running = false;
        if (pool == null) {
            return;
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(seconds, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        while (running && !Thread.currentThread().isInterrupted()) {
            long fetched = signals.count(Signal.FETCHED);
            boolean worked;
            try {
                worked = translateNext();
            } catch (RuntimeException e) {
                log.atError().addKeyValue("reason", e.getMessage()).setCause(e).log("translation worker failed");
                worked = false;
            }
            if (!worked) {
                try {
                    signals.await(Signal.FETCHED, fetched, IDLE_WAIT);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /**
     * Claims and translates one article; false when there was nothing to do. While it translates, the claim is
     * renewed every quarter lease (a heartbeat), so a short lease is enough: after a crash the article is taken
     * over within one lease, and a worker that lost its claim cannot finish it (fencing token).
     */
    public boolean translateNext() {
        Instant now = clock.instant();
        Optional<TranslationStore.Claim> claimed = queue.claimNext(now, now.minus(lease));
        if (claimed.isEmpty()) {
            return false;
        }
        TranslationStore.Claim claim = claimed.get();
        long beat = Math.max(1, lease.toMillis() / 4);
        ScheduledFuture<?> heartbeat =
                HEARTBEATS.scheduleAtFixedRate(() -> renew(claim), beat, beat, TimeUnit.MILLISECONDS);
        try {
            finish(claim);
        } finally {
            heartbeat.cancel(false);
        }
        return true;
    }

    private void renew(TranslationStore.Claim claim) {
        try {
            if (!queue.renewClaim(claim, clock.instant())) {
                log.atWarn()
                        .addKeyValue("article_id", claim.article().id())
                        .log("claim lost to another worker; this result will not be applied");
            }
        } catch (RuntimeException e) {
            log.atWarn()
                    .addKeyValue("article_id", claim.article().id())
                    .addKeyValue("reason", e.getMessage())
                    .log("claim could not be renewed");
        }
    }

    private void finish(TranslationStore.Claim claim) {
        Article article = claim.article();
        Revision revision =
                articles.findRevision(article.id(), article.currentRevision()).orElseThrow();
        ArticleTranslator.Outcome outcome = translator.translate(revision, targets);
        boolean applied;
        if (outcome.isComplete()) {
            applied = queue.finishClaim(claim, revision.number(), ArticleStatus.TRANSLATED, null, null);
            log.atInfo()
                    .addKeyValue("article_id", article.id())
                    .addKeyValue("revision", revision.number())
                    .log("translated");
            if (applied) {
                signals.announce(Signal.TRANSLATED);
            }
        } else {
            Instant retryAt = clock.instant().plus(holdDelay(article.attempts()));
            applied = queue.finishClaim(claim, revision.number(), ArticleStatus.HELD, outcome.reason(), retryAt);
            log.atWarn()
                    .addKeyValue("article_id", article.id())
                    .addKeyValue("retry_at", retryAt)
                    .addKeyValue("reason", outcome.reason())
                    .log("held");
        }
        if (!applied) {
            log.atInfo()
                    .addKeyValue("article_id", article.id())
                    .log("article changed or claim lost during translation; the result is not applied");
        }
    }

    private Duration holdDelay(int attempts) {
        Duration delay = FIRST_HOLD.multipliedBy(1L << Math.min(attempts, 16));
        return delay.compareTo(maxHold) > 0 ? maxHold : delay;
    }
}
