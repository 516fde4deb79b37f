package org.feedwerk.scale;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.feedwerk.config.DatabaseConfig;
import org.feedwerk.coordination.Signals;
import org.feedwerk.publish.ChainFollower;
import org.feedwerk.publish.Publication;
import org.feedwerk.publish.PublicationListener;
import org.feedwerk.testing.SiteFixture;
import org.feedwerk.testing.TestClock;
import org.feedwerk.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two web nodes over one real PostgreSQL, each with its own page cache and search index: what one publishes or
 * withdraws the other shows within 2 seconds, a console session made on one is valid on the other, and wrong
 * tokens count across both.
 */
class SharedSiteTest {
    private static final String TOKEN = "shared-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataA;

    @TempDir
    Path dataB;

    @TempDir
    Path inbox;

    private SiteFixture nodeA;
    private SiteFixture nodeB;
    private ChainFollower followerA;
    private ChainFollower followerB;
    private final HttpClient client =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void open() {
        DatabaseConfig database = TestDatabases.fresh(TestDatabases.Kind.POSTGRESQL);
        String password = TestDatabases.password(TestDatabases.Kind.POSTGRESQL);
        Map<String, String> environment = password == null
                ? Map.of("FEEDWERK_ADMIN_TOKEN", TOKEN)
                : Map.of("FEEDWERK_ADMIN_TOKEN", TOKEN, "FEEDWERK_DATABASE_PASSWORD", password);
        TestClock clock = new TestClock(Instant.parse("2026-11-30T09:00:00Z"));
        nodeA = new SiteFixture(dataA, inbox, clock, environment, database);
        nodeB = new SiteFixture(dataB, inbox, clock, environment, database);
        nodeA.app().startCoordination();
        nodeB.app().startCoordination();
        followerA = nodeA.app().newChainFollower();
        followerB = nodeB.app().newChainFollower();
        followerA.start();
        followerB.start();
    }

    @AfterEach
    void close() {
        followerA.stop();
        followerB.stop();
        nodeA.close();
        nodeB.close();
    }

    @Test
    void aPublicationAndAWithdrawalOnOneNodeReachTheOtherWithinTwoSeconds() throws Exception {
        assertThat(nodeB.get("/").body()).doesNotContain("HARBOUR"); // B renders and caches its empty front page
        assertThat(nodeB.get("/search?q=harbour").body()).doesNotContain("/de/");

        nodeA.deliver(
                "a.xml",
                "s-1",
                "Harbour authority approves ferry terminal",
                "A dispute ends.",
                "<p>The harbour authority approved the terminal.</p>");
        JsonNode article = JSON.readTree(
                        nodeA.getWithToken("/api/articles", TOKEN).body())
                .path("articles")
                .get(0);
        String page = article.path("url").asText();

        within(Duration.ofSeconds(2), () -> body(nodeB, "/").contains(page));
        within(Duration.ofSeconds(2), () -> body(nodeB, "/search?q=harbour").contains(page));
        assertThat(body(nodeB, "/feed.xml")).isEqualTo(body(nodeA, "/feed.xml"));
        assertThat(nodeA.get(page).statusCode()).isEqualTo(200); // cached on A too

        HttpResponse<String> withdrawn = client.send(
                HttpRequest.newBuilder(
                                nodeB.uri("/api/articles/" + article.path("id").asText() + "/withdraw"))
                        .header("Authorization", "Bearer " + TOKEN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"Agency killed the story\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withdrawn.statusCode()).isEqualTo(200);

        within(Duration.ofSeconds(2), () -> status(nodeA, page) == 410);
        within(Duration.ofSeconds(2), () -> !body(nodeA, "/").contains(page));
        within(Duration.ofSeconds(2), () -> !body(nodeA, "/search?q=harbour").contains(page));
    }

    @Test
    void aFollowerThatHearsNoNotificationCatchesUpByItself() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        ChainFollower deaf = new ChainFollower(
                nodeB.app().publications(),
                List.of("de"),
                new PublicationListener() {
                    @Override
                    public void published(Publication publication) {
                        seen.add("published " + publication.content().articleId());
                    }

                    @Override
                    public void withdrawn(String articleId) {
                        seen.add("withdrawn " + articleId);
                    }
                },
                () -> {},
                new Signals()); // signals nobody rings
        deaf.start();
        try {
            nodeA.deliver(
                    "a.xml",
                    "s-1",
                    "Harbour authority approves ferry terminal",
                    "A dispute ends.",
                    "<p>The harbour authority approved the terminal.</p>");
            String id = nodeA.app().publications().listChain().get(0).content().articleId();
            within(Duration.ofSeconds(2), () -> seen.contains("published " + id));
            nodeA.app().publisher().withdraw(id, "Agency killed the story", "test");
            within(Duration.ofSeconds(2), () -> seen.contains("withdrawn " + id));
            assertThat(seen).containsExactly("published " + id, "withdrawn " + id);
        } finally {
            deaf.stop();
        }
    }

    @Test
    void aConsoleSessionAndTheTokenThrottleHoldAcrossNodes() throws Exception {
        HttpResponse<String> login = form(nodeA, "/admin/login", Map.of("token", TOKEN), null);
        assertThat(login.statusCode()).isEqualTo(303);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpResponse<String> onB = client.send(
                HttpRequest.newBuilder(nodeB.uri("/admin/sources"))
                        .header("Cookie", cookie)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(onB.statusCode()).as("signed in on A, recognised by B").isEqualTo(200);

        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(form(nodeA, "/admin/login", Map.of("token", "guess-a" + attempt), null)
                            .statusCode())
                    .isEqualTo(401);
            assertThat(form(nodeB, "/admin/login", Map.of("token", "guess-b" + attempt), null)
                            .statusCode())
                    .isEqualTo(401);
        }
        assertThat(form(nodeB, "/admin/login", Map.of("token", "guess-11"), null)
                        .statusCode())
                .as("ten wrong tokens across both nodes")
                .isEqualTo(429);
        assertThat(form(nodeA, "/admin/login", Map.of("token", "guess-12"), null)
                        .statusCode())
                .isEqualTo(429);
    }

    private HttpResponse<String> form(SiteFixture node, String path, Map<String, String> form, String cookie)
            throws Exception {
        StringBuilder body = new StringBuilder();
        form.forEach((key, value) -> body.append(body.length() == 0 ? "" : "&")
                .append(key)
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        HttpRequest.Builder request = HttpRequest.newBuilder(node.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String body(SiteFixture node, String path) {
        try {
            return node.get(path).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int status(SiteFixture node, String path) {
        try {
            return node.get(path).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void within(Duration limit, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("condition met within " + limit).isBefore(deadline);
            Thread.sleep(20);
        }
    }
}
