package org.feedwerk.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.feedwerk.app.Application;
import org.feedwerk.article.ArticleQuery;
import org.feedwerk.config.DatabaseConfig;
import org.feedwerk.config.SourceConfig;
import org.feedwerk.config.SourceFormat;
import org.feedwerk.testing.TestApplications;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A delivery into a drop folder is read when it settles, not at the source's next interval. */
class DropFolderWatcherTest {
    @TempDir
    Path dataDir;

    @TempDir
    Path inbox;

    @Test
    void aSettledDeliveryIsReadLongBeforeTheInterval() throws Exception {
        SourceConfig source = new SourceConfig(
                "inbox", null, inbox, SourceFormat.AUTO, "en", Duration.ofHours(1), "Inbox", null, null, null);
        try (Application app = TestApplications.open(
                TestApplications.config(dataDir, new DatabaseConfig(null, null, null), List.of(source)),
                Clock.systemUTC())) {
            PollScheduler scheduler = app.newScheduler();
            DropFolderWatcher watcher = app.newDropFolderWatcher(scheduler);
            scheduler.start();
            watcher.start(app.config().sources());
            try {
                awaitState(app); // the first run (the folder is empty) sets the next fetch an hour ahead
                Path temporary = dataDir.resolve("story.xml.part");
                Files.writeString(
                        temporary,
                        "<rss version=\"2.0\"><channel><title>W</title><item><guid>1</guid>"
                                + "<title>Harbour notice</title><description>The ferry leaves at noon.</description></item>"
                                + "</channel></rss>");
                Files.setLastModifiedTime(temporary, FileTime.from(Instant.now().minusSeconds(5)));
                Instant dropped = Instant.now();
                Files.move(temporary, inbox.resolve("story.xml"));

                while (app.articles()
                        .listArticles(new ArticleQuery(null, null, 10))
                        .isEmpty()) {
                    assertThat(Duration.between(dropped, Instant.now()))
                            .as("read after the drop, not in an hour")
                            .isLessThan(Duration.ofSeconds(15));
                    Thread.sleep(50);
                }
            } finally {
                watcher.close();
                scheduler.stop(10);
            }
        }
    }

    private static void awaitState(Application app) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        while (app.sourceStates()
                .findState("inbox")
                .map(state -> state.lastSuccess() == null)
                .orElse(true)) {
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(50);
        }
    }
}
