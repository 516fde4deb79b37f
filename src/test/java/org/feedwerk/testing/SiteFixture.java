package org.feedwerk.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.feedwerk.app.Application;
import org.feedwerk.config.DatabaseConfig;
import org.feedwerk.config.EngineConfig;
import org.feedwerk.config.EngineType;
import org.feedwerk.config.FeedwerkConfig;
import org.feedwerk.config.HttpEngineConfig;
import org.feedwerk.config.SiteConfig;
import org.feedwerk.config.SourceConfig;
import org.feedwerk.config.SourceFormat;
import org.feedwerk.config.TranslationConfig;
import org.feedwerk.pipeline.SourceRunReport;
import org.feedwerk.web.WebServer;

/**
 * A whole Feedwerk over a drop folder, a fake LibreTranslate and a real web server: deliver a story, run the
 * pipeline once, and read the site over HTTP.
 */
public final class SiteFixture implements AutoCloseable {
    private final Path inbox;
    private final TestClock clock;
    private final FakeEngineServers engines = new FakeEngineServers();
    private final Application app;
    private final WebServer server;
    private final HttpClient client =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    public SiteFixture(
            Path dataDir, Path inbox, TestClock clock, Map<String, String> environment, DatabaseConfig database) {
        this(dataDir, inbox, clock, environment, database, List.of("de"), EngineType.LIBRETRANSLATE);
    }

    /**
     * A site publishing into {@code targets} (the first is the site's own language), translating with a stand-in
     * engine of {@code engineType} (DeepL or LibreTranslate wire format).
     */
    public SiteFixture(
            Path dataDir,
            Path inbox,
            TestClock clock,
            Map<String, String> environment,
            DatabaseConfig database,
            List<String> targets,
            EngineType engineType) {
        this.inbox = inbox;
        this.clock = clock;
        SourceConfig source = new SourceConfig(
                "harbour",
                null,
                inbox,
                SourceFormat.AUTO,
                "en",
                Duration.ofMinutes(1),
                "Harbour Wire",
                "CC BY 4.0",
                null,
                null);
        EngineConfig engine = engineType == EngineType.DEEPL
                ? HttpEngineConfig.builder()
                        .name("deepl")
                        .type(EngineType.DEEPL)
                        .apiKeyEnv("DEEPL_AUTH_KEY")
                        .url(engines.server().uri(""))
                        .maxAttempts(1)
                        .build()
                : HttpEngineConfig.builder()
                        .name("libre")
                        .type(EngineType.LIBRETRANSLATE)
                        .url(engines.server().uri(""))
                        .maxAttempts(1)
                        .build();
        FeedwerkConfig base = TestApplications.config(dataDir, database, List.of(source));
        FeedwerkConfig config = new FeedwerkConfig(
                base.server(),
                dataDir,
                database,
                base.fetch(),
                base.sources(),
                // The stand-in engine answers in upper-case English; a detector that knew English would rightly
                // reject that as untranslated, so this site's detector knows only German and French.
                new TranslationConfig(targets, List.of(engine), 1, null, List.of("de", "fr")),
                new SiteConfig("Hafenblatt", URI.create("https://news.example.org"), "Europe/Berlin", 2, null),
                null,
                null);
        Map<String, String> withKey = new HashMap<>(environment);
        withKey.putIfAbsent("DEEPL_AUTH_KEY", "stand-in-key:fx");
        app = Application.open(config, withKey, clock);
        server = app.newWebServer();
        server.start();
    }

    /** A site over a fresh database of {@code kind} (SQLite, or the test PostgreSQL with its password). */
    public static SiteFixture on(TestDatabases.Kind kind, Path dataDir, Path inbox, TestClock clock) {
        Map<String, String> environment = TestDatabases.password(kind) == null
                ? Map.of()
                : Map.of("FEEDWERK_DATABASE_PASSWORD", TestDatabases.password(kind));
        return new SiteFixture(dataDir, inbox, clock, environment, TestDatabases.fresh(kind));
    }

    public Application app() {
        return app;
    }

    public FakeEngineServers engines() {
        return engines;
    }

    public TestClock clock() {
        return clock;
    }

    /** Drops an English RSS document with one story and runs ingest, translation and publishing once. */
    public void deliver(String file, String guid, String title, String teaser, String body) throws IOException {
        deliverIn("en", file, guid, title, teaser, body);
    }

    /** The same for a feed in {@code language}. */
    public void deliverIn(String language, String file, String guid, String title, String teaser, String body)
            throws IOException {
        Path path = inbox.resolve(file);
        Files.writeString(path, """
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>H</title>
                <link>https://harbour.example.org/</link><description>d</description><language>%s</language>
                <item><guid>%s</guid><title>%s</title><link>https://harbour.example.org/%s</link>
                <author>desk@harbour.example.org (Mara Keller)</author><category>Transport</category>
                <description>%s</description><content:encoded><![CDATA[%s]]></content:encoded></item>
                </channel></rss>""".formatted(language, guid, title, guid, teaser, body));
        Files.setLastModifiedTime(path, FileTime.from(clock.instant().minusSeconds(30)));
        app.ingestOnce(app.config().sources());
        while (app.newTranslationWorker().translateNext()) {
            // translate everything that is due
        }
        app.publisher().publishPending();
    }

    /** Drops a file into the source's folder (settled: older than the clock) and runs the pipeline once. */
    public SourceRunReport drop(String name, byte[] content) throws IOException {
        Path path = inbox.resolve(name);
        Files.write(path, content);
        Files.setLastModifiedTime(path, FileTime.from(clock.instant().minusSeconds(30)));
        SourceRunReport report = app.ingestOnce(app.config().sources()).get(0);
        runPipeline();
        return report;
    }

    /** Translates what is due and publishes what may be published. */
    public void runPipeline() {
        while (app.newTranslationWorker().translateNext()) {
            // translate everything that is due
        }
        app.publisher().publishPending();
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> head(String path) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(uri(path))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A GET with one request header, e.g. {@code If-None-Match}. */
    public HttpResponse<String> get(String path, String header, String value) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(uri(path)).header(header, value).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> getWithToken(String path, String token) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    @Override
    public void close() {
        server.stop();
        app.close();
        engines.close();
    }
}
