package org.feedwerk.pipeline;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.feedwerk.config.SourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a drop folder as soon as a delivery settles, instead of at the source's next interval: a file created,
 * changed or moved into the folder wakes the source once the settle time has passed. The interval stays as the
 * fallback (a file system without change events, a missed event).
 */
public final class DropFolderWatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DropFolderWatcher.class);
    /** A little after the settle time, so that the file's age has passed it when the run looks. */
    private static final Duration MARGIN = Duration.ofMillis(50);

    private final Map<WatchKey, String> sourceByKey = new HashMap<>();
    private final BiConsumer<String, Instant> wakeUp;
    private final Duration settle;
    private final Clock clock;
    private WatchService watcher;
    private Thread thread;

    /** {@code wakeUp} receives the source id and when to run it ({@link PollScheduler#wakeUp}). */
    public DropFolderWatcher(BiConsumer<String, Instant> wakeUp, Duration settle, Clock clock) {
        this.wakeUp = wakeUp;
        this.settle = settle;
        this.clock = clock;
    }

    /** Watches the folders of the drop-folder sources; a folder that cannot be watched is polled as before. */
    public synchronized void start(List<SourceConfig> sources) {
        try {
            watcher = FileSystems.getDefault().newWatchService();
        } catch (IOException e) {
            log.atWarn().addKeyValue("reason", e.getMessage()).log("drop folders are polled at their interval only");
            return;
        }
        for (SourceConfig source : sources) {
            source.findDir().ifPresent(dir -> watch(source.id(), dir));
        }
        thread = new Thread(this::loop, "feedwerk-drop-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch(String sourceId, Path dir) {
        try {
            WatchKey key =
                    dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            sourceByKey.put(key, sourceId);
        } catch (IOException e) {
            log.atWarn()
                    .addKeyValue("source_id", sourceId)
                    .addKeyValue("reason", e.getMessage())
                    .log("drop folder cannot be watched; it is polled at its interval");
        }
    }

    private void loop() {
        while (true) {
            WatchKey key;
            try {
                key = watcher.take();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
            key.pollEvents(); // which file does not matter: the run lists the folder
            String sourceId = sourceByKey.get(key);
            if (sourceId != null) {
                wakeUp.accept(sourceId, clock.instant().plus(settle).plus(MARGIN));
            }
            if (!key.reset()) {
                log.atWarn()
                        .addKeyValue("source_id", sourceId)
                        .log("drop folder is gone; it is polled at its interval");
            }
        }
    }

    @Override
    public synchronized void close() {
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException e) {
                log.atWarn().addKeyValue("reason", e.getMessage()).log("cannot close the drop-folder watcher");
            }
        }
    }
}
