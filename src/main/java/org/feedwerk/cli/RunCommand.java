package org.feedwerk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.feedwerk.app.Application;
import org.feedwerk.pipeline.Housekeeping;
import org.feedwerk.pipeline.PollScheduler;
import org.feedwerk.pipeline.PublishLoop;
import org.feedwerk.pipeline.TranslationWorker;
import org.feedwerk.web.WebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/** {@code feedwerk run}: the scheduler and the HTTP server, until SIGTERM or SIGINT. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Polls the sources, translates and publishes new revisions, and serves the site and the API until stopped",
                "(Ctrl-C or SIGTERM).",
                "On shutdown running fetches are finished; anything interrupted is repeated on the next start."})
final class RunCommand extends ApplicationCommand {
    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);
    private static final long SHUTDOWN_GRACE_SECONDS = 30;

    RunCommand(Map<String, String> environment, Clock clock) {
        super(environment, clock);
    }

    @Override
    int run(Application application) {
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        PollScheduler scheduler = application.newScheduler();
        recordConfiguration(application);
        TranslationWorker translator = application.newTranslationWorker();
        PublishLoop publishing = application.newPublishLoop();
        Housekeeping housekeeping = application.newHousekeeping();
        WebServer server = application.newWebServer();
        server.start();
        scheduler.start();
        translator.start();
        publishing.start();
        housekeeping.start();
        Thread hook = new Thread(() -> {
            stopped.countDown();
            awaitQuietly(finished);
        }, "feedwerk-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        log.atInfo().addKeyValue("sources", application.config().sources().size())
                .addKeyValue("port", server.port()).log("feedwerk running");
        awaitQuietly(stopped);
        log.info("shutting down");
        scheduler.stop(SHUTDOWN_GRACE_SECONDS);
        translator.stop(SHUTDOWN_GRACE_SECONDS);
        publishing.stop(SHUTDOWN_GRACE_SECONDS);
        housekeeping.stop();
        server.stop();
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
}
