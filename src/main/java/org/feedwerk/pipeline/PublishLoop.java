package org.feedwerk.pipeline;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.feedwerk.publish.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes translated articles as they become ready, once a second. */
public final class PublishLoop {
    private static final Logger log = LoggerFactory.getLogger(PublishLoop.class);

    private final Publisher publisher;
    private final ScheduledExecutorService ticker =
            Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "feedwerk-publish"));

    public PublishLoop(Publisher publisher) {
        this.publisher = publisher;
    }

    public void start() {
        ticker.scheduleWithFixedDelay(this::publishQuietly, 1, 1, TimeUnit.SECONDS);
    }

    private void publishQuietly() {
        try {
            publisher.publishPending();
        } catch (RuntimeException e) {
            log.atError().addKeyValue("reason", e.getMessage()).setCause(e).log("publishing failed; will retry");
        }
    }

    public void stop(long seconds) {
        ticker.shutdown();
        try {
            ticker.awaitTermination(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
