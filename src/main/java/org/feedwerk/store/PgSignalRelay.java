package org.feedwerk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.feedwerk.coordination.Signal;
import org.feedwerk.coordination.Signals;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries {@link Signals} between processes that share one PostgreSQL: announcements go out as {@code NOTIFY
 * feedwerk, 'SIGNAL'} and a listening session rings them in this process. PostgreSQL delivers a notification only
 * once its transaction commits, so whoever wakes sees the data. When the session is lost it reconnects and rings
 * every signal once, so that nothing waits for a notification sent while it was away.
 */
public final class PgSignalRelay implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PgSignalRelay.class);
    static final String CHANNEL = "feedwerk";
    private static final int POLL_MILLIS = 500;
    private static final long RECONNECT_MILLIS = 1000;

    private final Database database;
    private final Signals signals;
    private volatile boolean running;
    private Thread thread;

    public PgSignalRelay(Database database, Signals signals) {
        this.database = database;
        this.signals = signals;
    }

    /** Starts listening and relays this process's announcements to the others. */
    public synchronized void start() {
        running = true;
        thread = new Thread(this::listen, "feedwerk-listen");
        thread.setDaemon(true);
        thread.start();
        signals.relayTo(this::send);
    }

    private void send(Signal signal) {
        try {
            database.jdbi()
                    .useHandle(handle -> handle.createQuery("SELECT pg_notify(:channel, :signal)")
                            .bind("channel", CHANNEL)
                            .bind("signal", signal.name())
                            .mapTo(String.class)
                            .findOne());
        } catch (RuntimeException e) {
            log.atWarn()
                    .addKeyValue("signal", signal)
                    .addKeyValue("reason", e.getMessage())
                    .log("cannot notify the other processes; they will look on their own");
        }
    }

    private void listen() {
        boolean first = true;
        while (running) {
            try (Connection connection = database.openDedicatedConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                if (!first) {
                    ringAll(); // what was announced while the session was down
                }
                first = false;
                PGConnection session = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = session.getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            ring(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                first = false;
                log.atWarn().addKeyValue("reason", e.getMessage()).log("lost the notification session; reconnecting");
                try {
                    Thread.sleep(RECONNECT_MILLIS);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void ring(String name) {
        try {
            signals.ring(Signal.valueOf(name));
        } catch (IllegalArgumentException e) {
            log.atWarn().addKeyValue("payload", name).log("unknown notification ignored");
        }
    }

    private void ringAll() {
        for (Signal signal : Signal.values()) {
            signals.ring(signal);
        }
    }

    @Override
    public void close() {
        running = false;
        signals.relayTo(signal -> {});
        if (thread != null) {
            thread.interrupt();
        }
    }
}
