package org.feedwerk.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.feedwerk.app.Application;
import org.feedwerk.config.DatabaseConfig;
import org.feedwerk.config.SourceConfig;
import org.feedwerk.config.SourceFormat;
import org.feedwerk.pipeline.PollScheduler;
import org.feedwerk.source.SourceStateStore;
import org.feedwerk.testing.LocalHttpServer;
import org.feedwerk.testing.TestApplications;
import org.feedwerk.testing.TestDatabases;
import org.feedwerk.testing.TestDatabases.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A source is polled by one process at a time: its lease in the store, taken in one statement. */
class SourceLeaseTest {
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    @TempDir
    Path dataDir;

    @TempDir
    Path otherDataDir;

    private final LocalHttpServer feed = new LocalHttpServer();

    @AfterEach
    void close() {
        feed.close();
    }

    static List<Kind> kinds() {
        return TestDatabases.kinds().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void oneHolderAtATimeUntilTheLeaseEnds(Kind kind) {
        try (Application app = open(kind, dataDir, TestDatabases.fresh(kind), List.of())) {
            SourceStateStore states = app.sourceStates();
            Instant until = NOW.plus(Duration.ofMinutes(2));

            assertThat(states.tryLease("wire", "a", NOW, until))
                    .as("a new source is due")
                    .isTrue();
            assertThat(states.tryLease("wire", "b", NOW, until)).as("held by a").isFalse();
            assertThat(states.renewLease("wire", "b", until))
                    .as("only the holder renews")
                    .isFalse();
            assertThat(states.renewLease("wire", "a", until.plusSeconds(60))).isTrue();
            assertThat(states.tryLease("wire", "b", until.plusSeconds(30), until))
                    .as("renewed")
                    .isFalse();
            assertThat(states.tryLease("wire", "b", until.plusSeconds(61), until.plusSeconds(300)))
                    .as("a dead holder's lease ends")
                    .isTrue();

            states.releaseLease("wire", "a"); // a lost it: releasing does not free b's lease
            assertThat(states.tryLease("wire", "c", until.plusSeconds(62), until.plusSeconds(300)))
                    .isFalse();
            states.releaseLease("wire", "b");
            assertThat(states.tryLease("wire", "c", until.plusSeconds(62), until.plusSeconds(300)))
                    .isTrue();
            states.releaseLease("wire", "c");

            states.setPaused("wire", true);
            assertThat(states.tryLease("wire", "c", until.plusSeconds(63), until.plusSeconds(300)))
                    .as("a paused source is not polled")
                    .isFalse();
        }
    }

    @Test
    void twoProcessesPollingOneSourceFetchItOncePerInterval() throws Exception {
        CountDownLatch fetching = new CountDownLatch(1);
        feed.on("/wire.xml", exchange -> {
            fetching.countDown();
            try {
                Thread.sleep(500); // both schedulers look while this fetch runs
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LocalHttpServer.send(
                    exchange,
                    200,
                    "application/rss+xml",
                    ("<rss version=\"2.0\"><channel><title>W"
                                    + "</title><item><guid>1</guid><title>Harbour notice</title><description>The ferry leaves."
                                    + "</description></item></channel></rss>")
                            .getBytes(StandardCharsets.UTF_8));
        });
        SourceConfig source = new SourceConfig(
                "wire",
                feed.uri("/wire.xml"),
                null,
                SourceFormat.AUTO,
                "en",
                Duration.ofMinutes(5),
                "Wire",
                null,
                true,
                null);
        DatabaseConfig database = TestDatabases.fresh(Kind.POSTGRESQL);
        try (Application first = open(Kind.POSTGRESQL, dataDir, database, List.of(source));
                Application second = open(Kind.POSTGRESQL, otherDataDir, database, List.of(source))) {
            PollScheduler one = first.newScheduler();
            PollScheduler two = second.newScheduler();
            one.start();
            assertThat(fetching.await(10, TimeUnit.SECONDS)).isTrue();
            two.start();
            Thread.sleep(2_500); // both tick twice more
            one.stop(10);
            two.stop(10);

            assertThat(feed.requests()).as("fetched by one process").hasSize(1);
            assertThat(first.sourceStates().findState("wire").orElseThrow().nextFetch())
                    .isAfter(Instant.now().plus(Duration.ofMinutes(4)));
        }
    }

    private static Application open(Kind kind, Path dataDir, DatabaseConfig database, List<SourceConfig> sources) {
        String password = TestDatabases.password(kind);
        return Application.open(
                TestApplications.config(dataDir, database, sources),
                password == null ? Map.of() : Map.of("FEEDWERK_DATABASE_PASSWORD", password),
                Clock.systemUTC());
    }
}
