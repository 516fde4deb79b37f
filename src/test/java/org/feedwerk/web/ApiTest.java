package org.feedwerk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.feedwerk.app.Application;
import org.feedwerk.article.ArticleQuery;
import org.feedwerk.config.DatabaseConfig;
import org.feedwerk.config.EngineType;
import org.feedwerk.config.FeedwerkConfig;
import org.feedwerk.config.HttpEngineConfig;
import org.feedwerk.config.ServerConfig;
import org.feedwerk.config.SourceConfig;
import org.feedwerk.config.SourceFormat;
import org.feedwerk.config.TranslationConfig;
import org.feedwerk.testing.FakeEngineServers;
import org.feedwerk.testing.TestApplications;
import org.feedwerk.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON API on a real server over a real store. */
class ApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @TempDir
    Path inbox;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-29T12:00:00Z"));
    private final HttpClient client = HttpClient.newHttpClient();
    private Application app;
    private WebServer server;
    private SourceConfig source;

    private void start(Map<String, String> environment) throws IOException {
        start(environment, new TranslationConfig(null, null, null, null, null));
    }

    private void start(Map<String, String> environment, TranslationConfig translation) throws IOException {
        start(environment, translation, List.of());
    }

    private void start(Map<String, String> environment, TranslationConfig translation, List<String> trustedProxies)
            throws IOException {
        source = new SourceConfig(
                "inbox", null, inbox, SourceFormat.AUTO, "en", Duration.ofMinutes(1), "Inbox Wire", "CC0", null, null);
        Path file = inbox.resolve("a.xml");
        Files.writeString(file, """
                <rss version="2.0"><channel><title>T</title><link>https://w.example/</link><description>d</description>
                <item><guid>g1</guid><title>Harbour &amp; ferry</title><link>https://w.example/1</link>
                <author>x@w.example (Mara Keller)</author><description>Teaser text</description>
                <content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/"><![CDATA[<p onclick="x()">Body</p>]]></content:encoded>
                </item></channel></rss>""");
        Files.setLastModifiedTime(file, FileTime.from(clock.instant().minusSeconds(60)));
        var base = TestApplications.config(dataDir, new DatabaseConfig(null, null, null), List.of(source));
        var server = new ServerConfig("127.0.0.1", 0, null, trustedProxies);
        var config = new FeedwerkConfig(
                server, base.dataDir(), base.database(), base.fetch(), base.sources(), translation, null, null, null);
        app = Application.open(config, environment, clock);
        app.ingestOnce(List.of(source));
        this.server = app.newWebServer();
        this.server.start();
    }

    @BeforeEach
    void noServerYet() {
        server = null;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
        if (app != null) {
            app.close();
        }
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The operators' token, when the test runs with one configured. */
    private String operatorToken;

    private JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path, operatorToken);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void healthAndSources() throws Exception {
        start(Map.of());

        assertThat(get("/healthz", null).statusCode()).isEqualTo(200);
        JsonNode sources = getJson("/api/sources").get("sources");
        assertThat(sources).hasSize(1);
        JsonNode first = sources.get(0);
        assertThat(first.get("id").asText()).isEqualTo("inbox");
        assertThat(first.get("dir").asText()).isEqualTo(inbox.toString());
        assertThat(first.get("lastSuccess").asText()).isEqualTo("2026-11-29T12:00:00Z");
        assertThat(first.get("failures").asInt()).isZero();
        assertThat(first.get("nextFetch").asText()).isEqualTo("2026-11-29T12:01:00Z");
        assertThat(first.has("lastError")).isTrue();
        assertThat(first.get("licence").asText()).isEqualTo("CC0");
        assertThat(first.get("olderPagesDue").isArray())
                .as("older pages of a paged feed still to read")
                .isTrue();
        assertThat(first.get("olderPagesDue")).isEmpty();
    }

    @Test
    void withoutATokenTheApiShowsOnlyWhatTheSiteShows() throws Exception {
        start(Map.of());

        assertThat(getJson("/api/articles").get("articles"))
                .as("nothing published yet")
                .isEmpty();
        assertThat(get("/api/articles?status=fetched", null).statusCode()).isEqualTo(403);
        String id = app.articles()
                .listArticles(new ArticleQuery(null, null, 5))
                .get(0)
                .id();
        assertThat(get("/api/articles/" + id, null).statusCode())
                .as("the unpublished text stays private")
                .isEqualTo(404);
        assertThat(get("/api/articles/" + id, null).body()).doesNotContain("Body");
    }

    @Test
    void articlesListAndDetail() throws Exception {
        start(Map.of("FEEDWERK_ADMIN_TOKEN", "op"));
        operatorToken = "op";

        JsonNode articles = getJson("/api/articles?limit=10&status=fetched").get("articles");
        assertThat(articles).hasSize(1);
        JsonNode summary = articles.get(0);
        for (String field :
                List.of("id", "sourceId", "guid", "link", "revision", "status", "headline", "language", "updated")) {
            assertThat(summary.has(field)).as(field).isTrue();
        }
        assertThat(summary.get("headline").asText()).isEqualTo("Harbour & ferry");
        assertThat(summary.get("revision").asInt()).isEqualTo(1);
        assertThat(summary.get("status").asText()).isEqualTo("fetched");

        JsonNode detail = getJson("/api/articles/" + summary.get("id").asText());
        summary.fieldNames()
                .forEachRemaining(field -> assertThat(detail.get(field))
                        .as("the detail repeats the summary's " + field)
                        .isEqualTo(summary.get(field)));
        assertThat(detail.has("summary")).isFalse();
        assertThat(detail.get("headlineDerived").asBoolean()).isFalse();
        assertThat(detail.get("byline").asText()).isEqualTo("Mara Keller");
        assertThat(detail.get("teaser").asText()).isEqualTo("Teaser text");
        assertThat(detail.get("bodyHtml").asText()).isEqualTo("<p>Body</p>");
        assertThat(detail.get("revisions").get(0).get("number").asInt()).isEqualTo(1);
        assertThat(detail.get("revisions").get(0).get("contentHash").asText()).hasSize(64);

        assertThat(getJson("/api/articles?status=published").get("articles")).isEmpty();
    }

    @Test
    void articleDetailShowsTranslationsWithTheirCost() throws Exception {
        var engines = new FakeEngineServers();
        try {
            var libre = HttpEngineConfig.builder()
                    .name("libre")
                    .type(EngineType.LIBRETRANSLATE)
                    .url(engines.server().uri(""))
                    .maxAttempts(1)
                    .build();
            start(
                    Map.of("FEEDWERK_ADMIN_TOKEN", "op"),
                    new TranslationConfig(
                            List.of("de"),
                            List.of(libre),
                            1,
                            null,
                            List.of("de", "fr"))); // the stand-in engine writes English in upper case
            operatorToken = "op";
            app.newTranslationWorker().translateNext();

            JsonNode summary = getJson("/api/articles").get("articles").get(0);
            assertThat(summary.get("status").asText()).isEqualTo("translated");
            JsonNode translation = getJson("/api/articles/" + summary.get("id").asText())
                    .get("translations")
                    .get(0);
            assertThat(translation.get("language").asText()).isEqualTo("de");
            assertThat(translation.get("engine").asText()).isEqualTo("libre");
            assertThat(translation.get("status").asText()).isEqualTo("translated");
            assertThat(translation.get("headline").asText()).isEqualTo("HARBOUR & FERRY");
            assertThat(translation.get("teaser").asText()).isEqualTo("TEASER TEXT");
            assertThat(translation.get("bodyHtml").asText()).isEqualTo("<p>BODY</p>");
            assertThat(translation.get("charsSent").asLong())
                    .isEqualTo("Harbour & ferry".length() + "Teaser text".length() + "Body".length());
            assertThat(translation.get("charsReused").asLong()).isZero();
            assertThat(translation.get("translatedAt").asText()).isEqualTo("2026-11-29T12:00:00Z");
            JsonNode qa = translation.get("qa");
            assertThat(qa.get("checks").findValuesAsText("check"))
                    .contains("numbers", "terms", "untranslated", "segments", "length-ratio", "markup", "chatter");
            assertThat(translation.get("postEdits").isArray()).isTrue();
            assertThat(getJson("/api/stats").get("qaFailures").isObject()).isTrue();
        } finally {
            engines.close();
        }
    }

    @Test
    void badQueriesAreClientErrors() throws Exception {
        start(Map.of());

        assertThat(get("/api/articles/nope", null).statusCode()).isEqualTo(404);
        assertThat(get("/api/articles?status=lost", null).statusCode()).isEqualTo(400);
        assertThat(get("/api/articles?limit=0", null).statusCode()).isEqualTo(400);
        assertThat(get("/api/articles?limit=ten", null).statusCode()).isEqualTo(400);
    }

    @Test
    void adminTokenProtectsTheApiButNotHealth() throws Exception {
        start(Map.of("FEEDWERK_ADMIN_TOKEN", "s3cret"));

        assertThat(get("/api/sources", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/sources", "wrong").statusCode()).isEqualTo(403);
        assertThat(get("/api/sources", "s3cret").statusCode()).isEqualTo(200);
        assertThat(get("/healthz", null).statusCode()).isEqualTo(200);
    }

    @Test
    void guessingTheTokenIsRefusedAfterTenWrongOnes() throws Exception {
        start(Map.of("FEEDWERK_ADMIN_TOKEN", "s3cret"));
        for (int attempt = 0; attempt < 10; attempt++) {
            assertThat(get("/api/sources", "guess-" + attempt).statusCode()).isEqualTo(403);
        }

        HttpResponse<String> refused = get("/api/sources", "guess-10");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("too many wrong tokens");
        assertThat(get("/api/sources", "s3cret").statusCode())
                .as("the right token still passes")
                .isEqualTo(200);
    }

    @Test
    void behindATrustedProxyWrongTokensCountPerForwardedClient() throws Exception {
        start(
                Map.of("FEEDWERK_ADMIN_TOKEN", "s3cret"),
                new TranslationConfig(null, null, null, null, null),
                List.of("127.0.0.1"));
        for (int attempt = 0; attempt < 10; attempt++) {
            assertThat(getVia("203.0.113.5", "guess-" + attempt).statusCode()).isEqualTo(403);
        }

        assertThat(getVia("203.0.113.5", "guess-10").statusCode()).isEqualTo(429);
        assertThat(getVia("198.51.100.7", "guess-0").statusCode())
                .as("another client behind the proxy")
                .isEqualTo(403);
        assertThat(getVia("198.51.100.7, 203.0.113.5", "guess-1").statusCode())
                .as("the hop the proxy added counts, not what the client wrote before it")
                .isEqualTo(429);
    }

    private HttpResponse<String> getVia(String forwardedFor, String token) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/sources"))
                        .header("Authorization", "Bearer " + token)
                        .header("X-Forwarded-For", forwardedFor)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
