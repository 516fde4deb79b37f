package org.feedwerk.publish;

import java.time.Duration;
import java.util.List;
import org.feedwerk.coordination.Signal;
import org.feedwerk.coordination.Signals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one web node's view of the site (page cache, search index) in step with publications, updates,
 * withdrawals and withholdings made by any process, by following the audit log, which records each of them in
 * commit order. A {@link Signal#SITE_CHANGED} wakes it at once; without one it looks every half second, so a lost
 * notification delays a node by at most that, never for ever.
 */
public final class ChainFollower {
    private static final Logger log = LoggerFactory.getLogger(ChainFollower.class);
    static final Duration LOOK_EVERY = Duration.ofMillis(500);
    private static final int BATCH = 500;

    private final PublicationStore store;
    private final List<String> languages;
    private final PublicationListener listener;
    private final Runnable regrouped;
    private final Signals signals;
    private long position = -1;
    private long regroupings;
    private volatile boolean running;
    private Thread thread;

    /**
     * @param listener told about every change (the page cache and the search index, not the metrics: the process
     *     that published counts it)
     * @param regrouped run when articles were grouped anew somewhere (drops rendered pages)
     */
    public ChainFollower(
            PublicationStore store,
            List<String> languages,
            PublicationListener listener,
            Runnable regrouped,
            Signals signals) {
        this.store = store;
        this.languages = List.copyOf(languages);
        this.listener = listener;
        this.regrouped = regrouped;
        this.signals = signals;
    }

    /** Starts following from the current end of the audit log (what is there already is on the site). */
    public synchronized void start() {
        position = store.findHead("audit").position();
        regroupings = signals.count(Signal.REGROUPED);
        running = true;
        thread = new Thread(this::follow, "feedwerk-follow");
        thread.setDaemon(true);
        thread.start();
    }

    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void follow() {
        while (running) {
            long since = signals.count(Signal.SITE_CHANGED);
            try {
                catchUp();
            } catch (RuntimeException e) {
                log.atWarn().addKeyValue("reason", e.getMessage()).log("cannot follow the audit log; will retry");
            }
            try {
                signals.await(Signal.SITE_CHANGED, since, LOOK_EVERY);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Applies every audit entry after the last one seen; returns how many. */
    public synchronized int catchUp() {
        long regroupedNow = signals.count(Signal.REGROUPED);
        if (regroupedNow != regroupings) {
            regroupings = regroupedNow;
            regrouped.run();
        }
        int applied = 0;
        List<AuditEntry> entries;
        do {
            entries = store.listAuditAfter(position, BATCH);
            for (AuditEntry entry : entries) {
                apply(entry);
                position = entry.position();
                applied++;
            }
        } while (entries.size() == BATCH);
        return applied;
    }

    private void apply(AuditEntry entry) {
        switch (entry.action()) {
            case "publish", "update" ->
                languages.forEach(
                        language -> store.findLatest(entry.subject(), language).ifPresent(listener::published));
            case Publisher.WITHDRAW_ACTION -> listener.withdrawn(entry.subject());
            case "withhold" -> listener.withheld(entry.subject());
            default -> {} // configuration changes and the like do not change pages
        }
    }
}
