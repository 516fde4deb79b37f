package org.feedwerk.pipeline;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.feedwerk.article.ArticleIngestor;
import org.feedwerk.article.ArticleStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hourly clean-up of lookup data that no longer counts: near-duplicate band keys older than the lookup window. */
public final class Housekeeping {
    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final ArticleStore articles;
    private final Clock clock;
    private final ScheduledExecutorService ticker =
            Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "feedwerk-housekeeping"));

    public Housekeeping(ArticleStore articles, Clock clock) {
        this.articles = articles;
        this.clock = clock;
    }

    public void start() {
        ticker.scheduleWithFixedDelay(this::runQuietly, 1, 60, TimeUnit.MINUTES);
    }

    /** One round; returns how many rows went. */
    public int runOnce() {
        int forgotten = articles.forgetTextBandsBefore(clock.instant().minus(ArticleIngestor.NEAR_DUPLICATE_WINDOW));
        if (forgotten > 0) {
            log.atInfo().addKeyValue("rows", forgotten).log("forgot near-duplicate band keys older than the window");
        }
        return forgotten;
    }

    private void runQuietly() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.atWarn().addKeyValue("reason", e.getMessage()).log("housekeeping failed; will retry in an hour");
        }
    }

    public void stop() {
        ticker.shutdownNow();
    }
}
