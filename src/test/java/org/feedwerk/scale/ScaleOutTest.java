package org.feedwerk.scale;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.feedwerk.app.Application;
import org.feedwerk.config.ConfigLoader;
import org.feedwerk.config.DatabaseConfig;
import org.feedwerk.publish.Publication;
import org.feedwerk.testing.FakeEngineServers;
import org.feedwerk.testing.FeedwerkProcess;
import org.feedwerk.testing.LocalHttpServer;
import org.feedwerk.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Three real Feedwerk processes with different roles on one real PostgreSQL: 100 stories through a slow
 * stand-in engine, one translating process SIGKILLed midway and started again. Every story is published once,
 * the chains verify, the three web nodes serve the same site, a withdrawal made through one node answers 410 on
 * the others within 2 seconds, and the feed is fetched by one process per interval although two poll it.
 */
class ScaleOutTest {
    private static final int STORIES = 100;
    private static final String TOKEN = "scale-out-admin-token";
    private static final Duration INTERVAL = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Kept after the run (logs of every process) under target/. */
    private final Path dir = Path.of("target", "scale-out", Long.toString(System.currentTimeMillis()))
            .toAbsolutePath();

    private final FakeEngineServers engines = new FakeEngineServers();
    private final LocalHttpServer feed = new LocalHttpServer();
    private final List<Instant> feedFetches = new CopyOnWriteArrayList<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
        engines.close();
        feed.close();
    }

    @Test
    void threeProcessesShareTheWorkAndServeTheSameSite() throws Exception {
        Files.createDirectories(dir);
        engines.answerAfter(Duration.ofMillis(200));
        byte[] document = wireFeed().getBytes(StandardCharsets.UTF_8);
        feed.on("/wire.xml", exchange -> {
            feedFetches.add(Instant.now());
            LocalHttpServer.send(exchange, 200, "application/rss+xml", document);
        });
        DatabaseConfig database = TestDatabases.fresh(TestDatabases.Kind.POSTGRESQL);
        String password = TestDatabases.password(TestDatabases.Kind.POSTGRESQL);
        int[] ports = {freePort(), freePort(), freePort()};
        Path[] configs = new Path[3];
        for (int node = 0; node < 3; node++) {
            configs[node] = writeConfig(node, ports[node], database);
        }
        Instant started = Instant.now();
        Process fetchPublishWeb = start(configs[0], "fetch,publish,web", password, "a");
        start(configs[1], "fetch,translate,web", password, "b");
        Process translateWeb = start(configs[2], "translate,web", password, "c");

        assertThat(awaitPublished(ports[0], 20, Duration.ofSeconds(90)))
                .as("published before one is killed (logs in %s)", dir)
                .isGreaterThanOrEqualTo(20);
        translateWeb.destroyForcibly().waitFor(); // SIGKILL mid-way: its claims must be taken over
        processes.remove(translateWeb);
        start(configs[2], "translate,web", password, "c-again");

        int published = awaitPublished(ports[0], STORIES, Duration.ofMinutes(3));
        assertThat(published).as("every story published").isEqualTo(STORIES);
        awaitNodesAgree(ports, Duration.ofSeconds(5));

        for (String path : List.of("/", "/feed.xml", "/feed.json", "/sitemap.xml", "/search?q=harbour")) {
            String first = get(ports[0], path).body();
            for (int node = 1; node < 3; node++) {
                assertThat(get(ports[node], path).body())
                        .as("node %d serves the same %s", node, path)
                        .isEqualTo(first);
            }
        }

        JsonNode article = JSON.readTree(get(ports[0], "/api/articles?status=published&limit=1", TOKEN)
                        .body())
                .path("articles")
                .get(0);
        String page = article.path("url").asText();
        for (int node = 0; node < 3; node++) {
            assertThat(get(ports[node], page).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> withdrawn = post(
                ports[1],
                "/api/articles/" + article.path("id").asText() + "/withdraw",
                "{\"reason\":\"Agency killed the story\"}");
        assertThat(withdrawn.statusCode()).isEqualTo(200);
        Instant withdrawnAt = Instant.now();
        for (int node : new int[] {0, 2}) {
            while (get(ports[node], page).statusCode() != 410
                    && Duration.between(withdrawnAt, Instant.now()).compareTo(Duration.ofSeconds(3)) < 0) {
                Thread.sleep(50);
            }
            Duration took = Duration.between(withdrawnAt, Instant.now());
            assertThat(get(ports[node], page).statusCode())
                    .as("410 on node %d", node)
                    .isEqualTo(410);
            assertThat(took).as("withdrawal seen by node %d", node).isLessThanOrEqualTo(Duration.ofSeconds(2));
            assertThat(get(ports[node], "/").body()).doesNotContain(page);
            assertThat(get(ports[node], "/search?q=harbour").body()).doesNotContain(page);
        }

        Duration running = Duration.between(started, Instant.now());
        List<Instant> fetches = List.copyOf(feedFetches);
        for (int i = 1; i < fetches.size(); i++) {
            assertThat(Duration.between(fetches.get(i - 1), fetches.get(i)))
                    .as("two processes poll the feed, but not within one interval")
                    .isGreaterThanOrEqualTo(INTERVAL.minusSeconds(1));
        }
        assertThat(fetches.size()).isLessThanOrEqualTo((int) (running.toSeconds() / INTERVAL.toSeconds()) + 1);

        processes.forEach(Process::destroy);
        for (Process process : processes) {
            process.waitFor();
        }
        Map<String, String> environment = password == null ? Map.of() : Map.of("FEEDWERK_DATABASE_PASSWORD", password);
        try (Application app =
                Application.open(new ConfigLoader(environment).load(configs[0]), environment, Clock.systemUTC())) {
            assertThat(app.verify().problems()).isEmpty();
            Map<String, Integer> perArticle = new HashMap<>();
            for (Publication publication : app.publications().listChain()) {
                perArticle.merge(publication.content().articleId(), 1, Integer::sum);
            }
            assertThat(perArticle)
                    .as("every story once")
                    .hasSize(STORIES)
                    .allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));
        }
    }

    private Path writeConfig(int node, int port, DatabaseConfig database) throws IOException {
        Path config = dir.resolve("node-" + node + ".yml");
        Files.writeString(config, """
                server: { port: %d }
                dataDir: %s
                database: { url: "%s", user: %s }
                sources:
                  - id: wire
                    url: %s
                    allowPrivateNetwork: true
                    language: en
                    interval: %ds
                translation:
                  targets: [de]
                  workers: 2
                  detectLanguages: [de, fr]
                  engines:
                    - name: libre
                      type: libretranslate
                      url: %s
                """.formatted(
                        port,
                        dir.resolve("data-" + node),
                        database.url(),
                        database.user(),
                        feed.uri("/wire.xml"),
                        INTERVAL.toSeconds(),
                        engines.server().uri("")));
        return config;
    }

    private Process start(Path config, String roles, String password, String name) throws IOException {
        Map<String, String> environment = new HashMap<>(Map.of("FEEDWERK_ADMIN_TOKEN", TOKEN));
        if (password != null) {
            environment.put("FEEDWERK_DATABASE_PASSWORD", password);
        }
        Process process =
                FeedwerkProcess.run(config, dir.resolve("run-" + name + ".log"), environment, "--roles", roles);
        processes.add(process);
        return process;
    }

    private static String wireFeed() {
        StringBuilder items = new StringBuilder();
        for (int story = 0; story < STORIES; story++) {
            items.append("""
                    <item><guid>wire-%1$d</guid><title>Harbour notice number %1$d</title>
                    <link>https://wire.example.org/notice-%1$d</link>
                    <description>Notice %1$d: the ferry to the island leaves from pier %1$d tomorrow morning.</description>
                    </item>""".formatted(story));
        }
        return "<rss version=\"2.0\"><channel><title>Wire</title><link>https://wire.example.org/</link>" + items
                + "</channel></rss>";
    }

    private int awaitPublished(int port, int expected, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        int published = 0;
        while (Instant.now().isBefore(deadline) && (published = publishedCount(port)) < expected) {
            Thread.sleep(250);
        }
        return published;
    }

    /** The nodes follow the chain on their own; give them a moment to agree after the last publication. */
    private void awaitNodesAgree(int[] ports, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            String first = get(ports[0], "/feed.json").body();
            if (first.equals(get(ports[1], "/feed.json").body())
                    && first.equals(get(ports[2], "/feed.json").body())) {
                return;
            }
            Thread.sleep(100);
        }
    }

    private int publishedCount(int port) {
        try {
            HttpResponse<String> response = get(port, "/api/articles?status=published&limit=500", TOKEN);
            return response.statusCode() == 200
                    ? JSON.readTree(response.body()).path("articles").size()
                    : 0;
        } catch (IOException | RuntimeException e) {
            return 0; // not listening yet
        }
    }

    private HttpResponse<String> get(int port, String path) {
        return get(port, path, null);
    }

    private HttpResponse<String> get(int port, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> post(int port, String path, String json) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + TOKEN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
