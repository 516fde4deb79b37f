package org.feedwerk.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.feedwerk.app.Application;
import org.feedwerk.config.ConfigLoader;
import org.feedwerk.publish.ChainVerifier;
import org.feedwerk.publish.Publication;
import org.feedwerk.testing.FakeEngineServers;
import org.feedwerk.testing.FeedwerkProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real process killed with SIGKILL at random moments while stories flow, three times, and started again: in
 * the end every story is published exactly once, the proof chain verifies, and the time from the last restart to
 * the last publication is printed (recorded in bench/RESULTS.md).
 */
class CrashRecoveryTest {
    private static final int WAVES = 3;
    private static final int STORIES_PER_WAVE = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final FakeEngineServers engines = new FakeEngineServers();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Random random = new Random(20261130);
    private Process process;

    @AfterEach
    void stop() {
        if (process != null) {
            process.destroyForcibly();
        }
        engines.close();
    }

    @Test
    void killedAtRandomEveryStoryIsPublishedExactlyOnce() throws Exception {
        engines.answerAfter(Duration.ofMillis(400));
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        int port = freePort();
        Path config = dir.resolve("feedwerk.yml");
        Files.writeString(config, """
                server: { port: %d }
                dataDir: %s
                fetch: { dropSettle: 0s }
                sources:
                  - id: wire
                    dir: %s
                    language: en
                    interval: 10s
                translation:
                  targets: [de]
                  workers: 2
                  detectLanguages: [de, fr]
                  engines:
                    - name: libre
                      type: libretranslate
                      url: %s
                """.formatted(
                        port, dir.resolve("data"), inbox, engines.server().uri("")));

        Instant lastRestart = null;
        for (int wave = 0; wave < WAVES; wave++) {
            process = start(config, wave);
            lastRestart = Instant.now();
            for (int story = 0; story < STORIES_PER_WAVE; story++) {
                drop(inbox, wave * STORIES_PER_WAVE + story);
            }
            if (wave < WAVES - 1) {
                Thread.sleep(2_000 + random.nextInt(6_000)); // mid-ingest, mid-translation or mid-publication
                process.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs
            }
        }
        int expected = WAVES * STORIES_PER_WAVE;
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        int published = 0;
        while (Instant.now().isBefore(deadline) && (published = publishedCount(port)) < expected) {
            Thread.sleep(500);
        }
        Duration recovery = Duration.between(lastRestart, Instant.now());
        System.out.printf(
                "crash recovery: %d stories, %d SIGKILLs; all published %.1f s after the last restart%n",
                expected, WAVES - 1, recovery.toMillis() / 1000.0);
        process.destroy(); // SIGTERM: a clean stop
        process.waitFor();
        assertThat(published).as("published before the deadline").isEqualTo(expected);

        try (Application app = Application.open(new ConfigLoader(Map.of()).load(config), Map.of(), Clock.systemUTC())) {
            ChainVerifier.Report report = app.verify();
            assertThat(report.problems()).isEmpty();
            List<Publication> chain = app.publications().listChain();
            Map<String, Integer> perArticle = new HashMap<>();
            chain.forEach(publication -> perArticle.merge(publication.content().articleId(), 1, Integer::sum));
            assertThat(perArticle)
                    .as("every story once")
                    .hasSize(expected)
                    .allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));
        }
    }

    private Process start(Path config, int wave) throws IOException {
        return FeedwerkProcess.run(config, dir.resolve("run-" + wave + ".log"), Map.of());
    }

    private static void drop(Path inbox, int number) throws IOException {
        Path temporary = inbox.resolve("story-" + number + ".xml.part");
        Files.writeString(temporary, """
                <rss version="2.0"><channel><title>Wire</title><link>https://wire.example.org/</link>
                <item><guid>story-%1$d</guid><title>Harbour notice %1$d</title>
                <link>https://wire.example.org/story-%1$d</link>
                <description>Notice %1$d: the ferry to the island leaves from pier %1$d tomorrow.</description>
                </item></channel></rss>""".formatted(number));
        Files.move(temporary, inbox.resolve("story-" + number + ".xml"));
    }

    private int publishedCount(int port) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + port + "/api/articles?status=published&limit=500"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode articles = JSON.readTree(response.body()).path("articles");
            return response.statusCode() == 200 ? articles.size() : 0;
        } catch (IOException e) {
            return 0; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
