package org.feedwerk.coordination;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Hand-offs between stages by notification instead of polling: a stage {@link #announce announces} what it did,
 * and whoever waits for that {@link #await wakes up} at once. Announcements reach this process directly and other
 * processes through the {@link #relayTo relay} (PostgreSQL {@code NOTIFY}). A missed signal only costs time:
 * every waiter also wakes after its timeout and looks for itself.
 */
public final class Signals {
    private final Map<Signal, Bell> bells = new EnumMap<>(Signal.class);
    private volatile Consumer<Signal> relay = signal -> {};

    public Signals() {
        for (Signal signal : Signal.values()) {
            bells.put(signal, new Bell());
        }
    }

    /** Sends every announcement also to {@code relay} (to the other processes). */
    public void relayTo(Consumer<Signal> relay) {
        this.relay = relay;
    }

    /** Wakes the waiters of this process and tells the other processes. */
    public void announce(Signal signal) {
        ring(signal);
        relay.accept(signal);
    }

    /** Wakes the waiters of this process only (a signal that came from another process). */
    public void ring(Signal signal) {
        bells.get(signal).ring();
    }

    /**
     * Waits until {@code signal} is rung after {@code since} (a {@link #count} read before looking for work, so a
     * signal between looking and waiting is not lost), or until the timeout.
     */
    public void await(Signal signal, long since, Duration timeout) throws InterruptedException {
        bells.get(signal).await(since, timeout);
    }

    /** How often {@code signal} has rung so far in this process. */
    public long count(Signal signal) {
        return bells.get(signal).count();
    }

    private static final class Bell {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition rung = lock.newCondition();
        private long rings;

        void ring() {
            lock.lock();
            try {
                rings++;
                rung.signalAll();
            } finally {
                lock.unlock();
            }
        }

        long count() {
            lock.lock();
            try {
                return rings;
            } finally {
                lock.unlock();
            }
        }

        void await(long since, Duration timeout) throws InterruptedException {
            long nanos = timeout.toNanos();
            lock.lock();
            try {
                while (rings == since && nanos > 0) {
                    nanos = rung.awaitNanos(nanos);
                }
            } finally {
                lock.unlock();
            }
        }
    }
}
