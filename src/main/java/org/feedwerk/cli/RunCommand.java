package org.feedwerk.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.feedwerk.app.Application;
import org.feedwerk.config.Role;
import org.feedwerk.pipeline.DropFolderWatcher;
import org.feedwerk.pipeline.Housekeeping;
import org.feedwerk.pipeline.PollScheduler;
import org.feedwerk.pipeline.PublishLoop;
import org.feedwerk.pipeline.TranslationWorker;
import org.feedwerk.publish.ChainFollower;
import org.feedwerk.web.WebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code feedwerk run}: the stages of this process's roles, until SIGTERM or SIGINT. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Polls the sources, translates and publishes new revisions, and serves the site and the API until stopped",
            "(Ctrl-C or SIGTERM).",
            "On shutdown running fetches are finished; anything interrupted is repeated on the next start."
        })
final class RunCommand extends ApplicationCommand {
    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);
    private static final long SHUTDOWN_GRACE_SECONDS = 30;

    @Option(
            names = "--roles",
            split = ",",
            paramLabel = "ROLE",
            description = "What this process does, overriding roles: in the configuration: any of fetch, translate, "
                    + "publish, web (default: all four). Several processes with PostgreSQL may split them.")
    List<String> roles;

    RunCommand(Map<String, String> environment, Clock clock) {
        super(environment, clock);
    }

    @Override
    int run(Application application) {
        Set<Role> active;
        try {
            active = roles == null ? application.config().activeRoles() : Role.parse(roles);
        } catch (IllegalArgumentException e) {
            err().println("feedwerk: --roles: " + e.getMessage());
            return ExitCodes.UNUSABLE;
        }
        try (SingleProcessLock lock = SingleProcessLock.take(application)) {
            return run(application, active);
        } catch (IllegalStateException e) {
            err().println("feedwerk: " + e.getMessage());
            return ExitCodes.UNUSABLE;
        }
    }

    private int run(Application application, Set<Role> active) {
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        recordConfiguration(application);
        application.startCoordination();
        List<Runnable> stops = new ArrayList<>();
        WebServer server = null;
        if (active.contains(Role.WEB)) {
            ChainFollower follower = application.newChainFollower();
            follower.start();
            server = application.newWebServer();
            server.start();
            WebServer started = server;
            stops.add(() -> {
                follower.stop();
                started.stop();
            });
        }
        if (active.contains(Role.FETCH)) {
            PollScheduler scheduler = application.newScheduler();
            DropFolderWatcher watcher = application.newDropFolderWatcher(scheduler);
            Housekeeping housekeeping = application.newHousekeeping();
            scheduler.start();
            watcher.start(application.config().sources());
            housekeeping.start();
            stops.add(0, () -> {
                watcher.close();
                scheduler.stop(SHUTDOWN_GRACE_SECONDS);
                housekeeping.stop();
            });
        }
        if (active.contains(Role.TRANSLATE)) {
            TranslationWorker translator = application.newTranslationWorker();
            translator.start();
            stops.add(0, () -> translator.stop(SHUTDOWN_GRACE_SECONDS));
        }
        if (active.contains(Role.PUBLISH)) {
            PublishLoop publishing = application.newPublishLoop();
            publishing.start();
            stops.add(0, () -> publishing.stop(SHUTDOWN_GRACE_SECONDS));
        }
        Thread hook = new Thread(
                () -> {
                    stopped.countDown();
                    awaitQuietly(finished);
                },
                "feedwerk-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        var started = log.atInfo()
                .addKeyValue("roles", active.stream().sorted().map(Role::key).collect(Collectors.joining(",")))
                .addKeyValue("sources", application.config().sources().size());
        if (server != null) {
            started = started.addKeyValue("port", server.port());
        }
        started.log("feedwerk running");
        awaitQuietly(stopped);
        log.info("shutting down");
        stops.forEach(Runnable::run);
        finished.countDown();
        return ExitCodes.OK;
    }

    private void recordConfiguration(Application application) {
        try {
            application.recordConfiguration(Files.readString(config.file));
        } catch (IOException e) {
            log.atWarn().addKeyValue("reason", e.getMessage()).log("configuration not recorded in the audit log");
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SQLite serves one process: a second {@code run} on the same data directory is refused, not corrupted. */
    private record SingleProcessLock(FileChannel channel, FileLock lock) implements AutoCloseable {
        static SingleProcessLock take(Application application) {
            if (!application.usesSqlite()) {
                return new SingleProcessLock(null, null);
            }
            Path file = application.config().dataDir().resolve("run.lock");
            try {
                FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock == null) {
                    channel.close();
                    throw new IllegalStateException("another feedwerk process is running on the SQLite database in "
                            + application.config().dataDir() + "; SQLite serves one process — for several, set "
                            + "database.url to a PostgreSQL database");
                }
                return new SingleProcessLock(channel, lock);
            } catch (IOException e) {
                throw new IllegalStateException("cannot lock " + file + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException e) {
                log.atWarn().addKeyValue("reason", e.getMessage()).log("cannot release the run lock");
            }
        }
    }
}
