package org.feedwerk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.feedwerk.app.Application;
import org.feedwerk.config.DatabaseConfig;
import org.feedwerk.config.SourceConfig;
import org.feedwerk.testing.SiteFixture;
import org.feedwerk.testing.TestApplications;
import org.feedwerk.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /metrics series move when work happens; /healthz and /readyz say what they should. */
class ObservabilityTest {
    @TempDir
    Path dataDir;

    @TempDir
    Path inbox;

    private SiteFixture site;

    @AfterEach
    void close() {
        if (site != null) {
            site.close();
        }
    }

    private static double value(String scrape, String series) {
        Matcher matcher = Pattern.compile("^" + Pattern.quote(series) + " ([0-9.eE+-]+)$", Pattern.MULTILINE)
                .matcher(scrape);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0.0;
    }

    @Test
    void metricsMoveWhenWorkHappens() throws Exception {
        site = new SiteFixture(
                dataDir,
                inbox,
                new TestClock(Instant.parse("2026-11-29T08:00:00Z")),
                Map.of(),
                new DatabaseConfig(null, null, null));
        String before = site.get("/metrics").body();

        site.deliver("a.xml", "s-1", "Storm warning", "Gusts.", "<p>Gusts of up to 110 km/h on Tuesday.</p>");
        site.get("/").body();
        site.get("/").body();
        site.clock().advance(Duration.ofSeconds(6)); // the per-status counts are cached for 5 s
        String after = site.get("/metrics").body();

        assertThat(value(after, "feedwerk_fetches_total{outcome=\"success\",source=\"harbour\"}"))
                .isGreaterThan(value(before, "feedwerk_fetches_total{outcome=\"success\",source=\"harbour\"}"));
        assertThat(value(after, "feedwerk_fetch_seconds_count{source=\"harbour\"}"))
                .isEqualTo(1.0);
        assertThat(value(after, "feedwerk_items_ingested_total{source=\"harbour\"}"))
                .isEqualTo(1.0);
        assertThat(value(after, "feedwerk_revisions_total{source=\"harbour\"}")).isEqualTo(1.0);
        assertThat(value(after, "feedwerk_translations_total{engine=\"libre\",outcome=\"translated\"}"))
                .isEqualTo(1.0);
        assertThat(value(after, "feedwerk_characters_sent_total{engine=\"libre\"}"))
                .isPositive();
        assertThat(value(after, "feedwerk_characters_reused_total{engine=\"libre\"}"))
                .isZero();
        assertThat(value(after, "feedwerk_publications_total")).isEqualTo(1.0);
        assertThat(value(after, "feedwerk_articles{status=\"published\"}")).isEqualTo(1.0);
        assertThat(value(after, "feedwerk_http_requests_total{method=\"GET\",route=\"/\",status=\"200\"}")
                        + value(
                                after,
                                "feedwerk_http_requests_total{method=\"GET\",route=\"cached-page\",status=\"200\"}"))
                .isEqualTo(2.0);
        assertThat(after).contains("jvm_memory_used_bytes").contains("jvm_threads_live_threads");
    }

    @Test
    void readinessNamesWhatIsMissing() throws Exception {
        site = new SiteFixture(
                dataDir,
                inbox,
                new TestClock(Instant.parse("2026-11-29T08:00:00Z")),
                Map.of(),
                new DatabaseConfig(null, null, null));

        assertThat(site.get("/healthz").statusCode()).isEqualTo(200);
        assertThat(site.get("/readyz").statusCode()).isEqualTo(200);
        assertThat(site.app().readinessProblems()).isEmpty();
    }

    @Test
    void notReadyWhileTheOnlyEngineIsFailing() throws Exception {
        site = new SiteFixture(
                dataDir,
                inbox,
                new TestClock(Instant.parse("2026-11-29T08:00:00Z")),
                Map.of(),
                new DatabaseConfig(null, null, null));
        site.engines().failNext("/translate", 503);

        site.deliver("a.xml", "s-1", "Storm warning", "Gusts.", "<p>Gusts of up to 110 km/h on Tuesday.</p>");

        assertThat(site.get("/readyz").statusCode()).isEqualTo(503);
        assertThat(site.app().readinessProblems())
                .singleElement()
                .asString()
                .contains("no engine available for en→de")
                .contains("HTTP 503");
        site.clock().advance(Duration.ofMinutes(2));
        site.runPipeline();
        assertThat(site.app().readinessProblems())
                .as("ready again after a success")
                .isEmpty();
    }

    @Test
    void notReadyWithoutAnEngineForATarget() throws Exception {
        var source = new SourceConfig("wire", null, inbox, null, "en", null, null, null, null, null);
        var config = TestApplications.config(dataDir, new DatabaseConfig(null, null, null), List.of(source));
        try (var app = Application.open(config, Map.of(), new TestClock(Instant.parse("2026-11-29T08:00:00Z")))) {
            WebServer server = app.newWebServer();
            server.start();
            try {
                var response = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/readyz"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(503);
                assertThat(response.body()).contains("no engine available for en→de (none configured)");
            } finally {
                server.stop();
            }
        }
    }
}
