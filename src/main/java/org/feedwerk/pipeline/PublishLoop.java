package org.feedwerk.pipeline;

import java.time.Duration;
import org.feedwerk.coordination.Signal;
import org.feedwerk.coordination.Signals;
import org.feedwerk.publish.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes translated articles as they become ready: woken by {@link Signal#TRANSLATED} from any process, and at
 * least once a second for embargoes that end and withheld articles.
 */
public final class PublishLoop {
    private static final Logger log = LoggerFactory.getLogger(PublishLoop.class);
    private static final Duration LOOK_EVERY = Duration.ofSeconds(1);

    private final Publisher publisher;
    private final Signals signals;
    private final Thread thread;
    private volatile boolean running;

    public PublishLoop(Publisher publisher) {
        this(publisher, new Signals());
    }

    public PublishLoop(Publisher publisher, Signals signals) {
        this.publisher = publisher;
        this.signals = signals;
        this.thread = new Thread(this::loop, "feedwerk-publish");
    }

    public void start() {
        running = true;
        thread.start();
    }

    private void loop() {
        while (running) {
            long translated = signals.count(Signal.TRANSLATED);
            try {
                publisher.publishPending();
            } catch (RuntimeException e) {
                log.atError().addKeyValue("reason", e.getMessage()).setCause(e).log("publishing failed; will retry");
            }
            try {
                signals.await(Signal.TRANSLATED, translated, LOOK_EVERY);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Lets a running publication finish, waiting up to {@code seconds}. */
    public void stop(long seconds) {
        running = false;
        signals.ring(Signal.TRANSLATED);
        try {
            thread.join(seconds * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
