package org.feedwerk.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.feedwerk.app.Application;
import org.feedwerk.article.Article;
import org.feedwerk.article.ArticleQuery;
import org.feedwerk.article.IngestCounts;
import org.feedwerk.config.DatabaseConfig;
import org.feedwerk.config.FeedwerkConfig;
import org.feedwerk.config.SourceConfig;
import org.feedwerk.config.SourceCredentials;
import org.feedwerk.config.SourceFormat;
import org.feedwerk.source.PageDue;
import org.feedwerk.source.SourceState;
import org.feedwerk.store.Database;
import org.feedwerk.testing.LocalHttpServer;
import org.feedwerk.testing.TestApplications;
import org.feedwerk.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** From fetch to stored revisions, with a local HTTP server and drop folders; restarts reopen the same data. */
class SourceRunnerTest {
    @TempDir
    Path dataDir;

    @TempDir
    Path inbox;

    private final LocalHttpServer server = new LocalHttpServer();
    private final TestClock clock = new TestClock(Instant.parse("2026-11-29T12:00:00Z"));
    private final AtomicReference<String> feed = new AtomicReference<>();
    private final AtomicReference<String> etag = new AtomicReference<>();

    @AfterEach
    void stop() {
        server.close();
    }

    private static String rss(String... items) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>"
                + "<link>https://wire.example.org/</link><description>d</description>");
        for (String item : items) {
            xml.append(item);
        }
        return xml.append("</channel></rss>").toString();
    }

    private static String item(String guid, String title, String body) {
        return "<item><guid>" + guid + "</guid><title>" + title + "</title><link>https://wire.example.org/" + guid
                + "</link><description>" + body + "</description></item>";
    }

    private SourceConfig httpSource(String id, String path) {
        return new SourceConfig(
                id, server.uri(path), null, SourceFormat.AUTO, "en", Duration.ofMinutes(5), id, null, true, null);
    }

    private static SourceConfig licensed(SourceConfig open, SourceCredentials credentials) {
        return new SourceConfig(
                open.id(),
                open.url(),
                null,
                open.format(),
                open.language(),
                open.interval(),
                open.attribution(),
                "licensed",
                true,
                credentials);
    }

    private SourceConfig dropSource() {
        return new SourceConfig(
                "inbox", null, inbox, SourceFormat.AUTO, "en", Duration.ofMinutes(1), "Inbox", null, null, null);
    }

    private Application open(List<SourceConfig> sources) {
        return TestApplications.open(
                TestApplications.config(dataDir, new DatabaseConfig(null, null, null), sources), clock);
    }

    private void serveFeedWithEtag() {
        server.on("/feed", exchange -> {
            String current = etag.get();
            if (current != null && current.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                LocalHttpServer.send(exchange, 304, null, new byte[0]);
                return;
            }
            if (current != null) {
                exchange.getResponseHeaders().set("ETag", current);
            }
            LocalHttpServer.send(
                    exchange, 200, "application/rss+xml", feed.get().getBytes(StandardCharsets.UTF_8));
        });
    }

    @Test
    void aLicensedFeedIsReadWithCredentialsFromTheEnvironmentAndAMissingOneIsNamed() {
        server.on("/licensed", exchange -> {
            boolean allowed = "Bearer t-42".equals(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = allowed
                    ? rss(item("w1", "Licensed", "Only for subscribers")).getBytes(StandardCharsets.UTF_8)
                    : new byte[0];
            LocalHttpServer.send(exchange, allowed ? 200 : 401, "application/rss+xml", body);
        });
        SourceConfig source =
                licensed(httpSource("wire", "/licensed"), new SourceCredentials(null, null, "WIRE_TOKEN", null, null));
        FeedwerkConfig config = TestApplications.config(dataDir, new DatabaseConfig(null, null, null), List.of(source));

        try (Application app = Application.open(config, Map.of(), clock)) {
            SourceRunReport report = app.ingestOnce(List.of(source)).get(0);
            assertThat(report.error()).isEqualTo("credentials: environment variable WIRE_TOKEN is not set");
            assertThat(app.sourceStates().findState("wire").orElseThrow().lastError())
                    .isEqualTo("credentials: environment variable WIRE_TOKEN is not set");
            assertThat(server.requests()).as("not asked without them").isEmpty();
        }
        try (Application app = Application.open(config, Map.of("WIRE_TOKEN", "t-42"), clock)) {
            clock.advance(Duration.ofHours(1));
            assertThat(app.ingestOnce(List.of(source)).get(0).counts()).isEqualTo(new IngestCounts(1, 0, 0, 0));
            assertThat(app.sourceStates().findState("wire").orElseThrow().lastError())
                    .isNull();
        }
    }

    private static String pagedRss(String next, String... items) {
        String page = rss(items);
        return next == null
                ? page
                : page.replace(
                                "<rss version=\"2.0\">",
                                "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">")
                        .replace("<channel>", "<channel><atom:link rel=\"next\" href=\"" + next + "\"/>");
    }

    @Test
    void aBusyPagedFeedIsFollowedBackUntilAStoryAlreadyStoredAndNotOnTheFirstRead() {
        Map<String, String> pages = new ConcurrentHashMap<>();
        for (String page : List.of("/paged", "/paged/2", "/paged/3", "/paged/4")) {
            server.on(
                    page,
                    exchange -> LocalHttpServer.send(
                            exchange,
                            200,
                            "application/rss+xml",
                            pages.get(page).getBytes(StandardCharsets.UTF_8)));
        }
        pages.put("/paged", pagedRss("/paged/2", item("a", "Alpha", "1"), item("b", "Beta", "2")));
        pages.put("/paged/2", pagedRss("/paged/3", item("y", "Older", "0")));
        SourceConfig source = httpSource("wire", "/paged");
        try (Application app = open(List.of(source))) {
            assertThat(app.ingestOnce(List.of(source)).get(0).counts())
                    .as("a source's first read does not reach into its archive")
                    .isEqualTo(new IngestCounts(2, 0, 0, 0));

            // Between two polls the feed moved on by more than a page.
            pages.put("/paged", pagedRss("/paged/2", item("e", "Epsilon", "5"), item("f", "Zeta", "6")));
            pages.put("/paged/2", pagedRss("/paged/3", item("c", "Gamma", "3"), item("d", "Delta", "4")));
            pages.put("/paged/3", pagedRss("/paged/4", item("a", "Alpha", "1"), item("b", "Beta", "2")));
            pages.put("/paged/4", pagedRss(null, item("z", "Oldest", "0")));
            int before = server.requests().size();

            SourceRunReport report = app.ingestOnce(List.of(source)).get(0);

            assertThat(report.counts()).isEqualTo(new IngestCounts(4, 0, 2, 0));
            assertThat(server.requests().subList(before, server.requests().size()))
                    .extracting(LocalHttpServer.Request::path)
                    .containsExactly("/paged", "/paged/2", "/paged/3");
            assertThat(app.articles().listArticles(new ArticleQuery(null, null, 10)))
                    .extracting(Article::headline)
                    .containsExactlyInAnyOrder("Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta");

            // Pages that link in a circle, and an older page that fails, end the walk; what was read stays.
            pages.put("/paged", pagedRss("/paged/2", item("g", "Eta", "7")));
            pages.put("/paged/2", pagedRss("/paged", item("h", "Theta", "8")));
            assertThat(app.ingestOnce(List.of(source)).get(0).counts()).isEqualTo(new IngestCounts(2, 0, 0, 0));
            pages.put("/paged", pagedRss("/paged/404", item("i", "Iota", "9")));
            SourceRunReport failedOlder = app.ingestOnce(List.of(source)).get(0);
            assertThat(failedOlder.counts()).isEqualTo(new IngestCounts(1, 0, 0, 0));
            assertThat(failedOlder.findError())
                    .hasValueSatisfying(error -> assertThat(error)
                            .startsWith("older page " + server.uri("/paged/404") + " not read (")
                            .endsWith("; read again on the next poll"));
        }
    }

    /**
     * A news API that takes its key in the query gets it on every request to its origin, older pages included, and
     * echoes it into its next-page links; what Feedwerk stores and shows (the page still due, the source's error)
     * never carries it.
     */
    @Test
    void anApiKeyInTheQueryIsSentOnEveryPageAndKeptOutOfWhatIsStoredAndShown() {
        Map<String, String> pages = new ConcurrentHashMap<>();
        for (String page : List.of("/api/news", "/api/news/2")) {
            server.on(page, exchange -> {
                String body = pages.get(page);
                int status =
                        !"api-key=k-42".equals(exchange.getRequestURI().getRawQuery()) ? 401 : body == null ? 500 : 200;
                LocalHttpServer.send(
                        exchange,
                        status,
                        "application/rss+xml",
                        status == 200 ? body.getBytes(StandardCharsets.UTF_8) : new byte[0]);
            });
        }
        String echoed = server.uri("/api/news/2") + "?api-key=k-42";
        SourceConfig source = licensed(
                httpSource("news-api", "/api/news"),
                new SourceCredentials(null, null, null, null, Map.of("api-key", "NEWS_KEY")));
        FeedwerkConfig config = TestApplications.config(dataDir, new DatabaseConfig(null, null, null), List.of(source));
        try (Application app = Application.open(config, Map.of("NEWS_KEY", "k-42"), clock)) {
            pages.put("/api/news", pagedRss(echoed, item("a", "Alpha", "1"), item("b", "Beta", "2")));
            assertThat(app.ingestOnce(List.of(source)).get(0).counts()).isEqualTo(new IngestCounts(2, 0, 0, 0));
            pages.put("/api/news", pagedRss(echoed, item("e", "Epsilon", "5"), item("f", "Zeta", "6")));

            SourceRunReport failed = app.ingestOnce(List.of(source)).get(0);

            String address = server.uri("/api/news/2").toString();
            SourceState shown = app.sourceStates().findState("news-api").orElseThrow();
            assertThat(shown.olderPagesDue()).containsExactly(new PageDue(address, 1));
            assertThat(shown.lastError()).startsWith("older page " + address + " not read (HTTP 500");
            assertThat(failed.error()).doesNotContain("k-42");

            pages.put("/api/news/2", pagedRss(null, item("a", "Alpha", "1"), item("c", "Gamma", "3")));
            SourceRunReport recovered = app.ingestOnce(List.of(source)).get(0);

            assertThat(recovered.findError()).isEmpty();
            assertThat(app.articles().listArticles(new ArticleQuery(null, null, 10)))
                    .extracting(Article::headline)
                    .containsExactlyInAnyOrder("Alpha", "Beta", "Gamma", "Epsilon", "Zeta");
        }
        assertThat(server.requests())
                .allSatisfy(request -> assertThat(request.path()).startsWith("/api/news"));
    }

    /**
     * An older page that cannot be read is not forgotten: the source shows why, the next polls read it (here with
     * the newest page unchanged, the case in which the feed alone never leads back to it) and follow it back, and
     * after five failures it is given up with a last word that stories may be missing.
     */
    @Test
    void anOlderPageThatFailsIsReadAgainOnTheNextPolls() {
        Map<String, String> pages = new ConcurrentHashMap<>();
        for (String page : List.of("/busy", "/busy/2", "/busy/3")) {
            server.on(page, exchange -> {
                String body = pages.get(page);
                if (body == null) {
                    LocalHttpServer.send(exchange, 500, "text/plain", "busy".getBytes(StandardCharsets.UTF_8));
                } else {
                    LocalHttpServer.send(exchange, 200, "application/rss+xml", body.getBytes(StandardCharsets.UTF_8));
                }
            });
        }
        pages.put("/busy", pagedRss(null, item("a", "Alpha", "1"), item("b", "Beta", "2")));
        SourceConfig source = httpSource("wire", "/busy");
        try (Application app = open(List.of(source))) {
            app.ingestOnce(List.of(source));
            pages.put("/busy", pagedRss("/busy/2", item("e", "Epsilon", "5"), item("f", "Zeta", "6")));

            SourceRunReport failed = app.ingestOnce(List.of(source)).get(0);

            assertThat(failed.counts()).isEqualTo(new IngestCounts(2, 0, 0, 0));
            String address = server.uri("/busy/2").toString();
            assertThat(failed.findError())
                    .hasValueSatisfying(error -> assertThat(error)
                            .startsWith("older page " + address + " not read (")
                            .endsWith("; read again on the next poll"));
            SourceState shown = app.sourceStates().findState("wire").orElseThrow();
            assertThat(shown.lastError()).isEqualTo(failed.error());
            assertThat(shown.failures())
                    .as("the feed itself was read: no backoff")
                    .isZero();
            assertThat(shown.olderPagesDue()).containsExactly(new PageDue(address, 1));

            // The newest page is the same document; the older one answers now and leads back to stored stories.
            pages.put("/busy/2", pagedRss("/busy/3", item("c", "Gamma", "3"), item("d", "Delta", "4")));
            pages.put("/busy/3", pagedRss(null, item("a", "Alpha", "1"), item("b", "Beta", "2")));

            SourceRunReport recovered = app.ingestOnce(List.of(source)).get(0);

            assertThat(recovered.counts()).isEqualTo(new IngestCounts(2, 0, 2, 0));
            assertThat(recovered.findError()).isEmpty();
            assertThat(app.sourceStates().findState("wire").orElseThrow())
                    .extracting(SourceState::lastError, SourceState::olderPagesDue)
                    .containsExactly(null, List.of());
            assertThat(app.articles().listArticles(new ArticleQuery(null, null, 10)))
                    .extracting(Article::headline)
                    .containsExactlyInAnyOrder("Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta");

            // A page that never answers is tried five times in all, then given up, and said so.
            pages.remove("/busy/2");
            pages.put("/busy", pagedRss("/busy/2", item("g", "Eta", "7")));
            for (int attempt = 1; attempt < PageDue.MOST_ATTEMPTS; attempt++) {
                assertThat(app.ingestOnce(List.of(source)).get(0).findError()).isPresent();
                assertThat(app.sourceStates().findState("wire").orElseThrow().olderPagesDue())
                        .containsExactly(new PageDue(address, attempt));
            }
            SourceRunReport givenUp = app.ingestOnce(List.of(source)).get(0);
            assertThat(givenUp.findError())
                    .hasValueSatisfying(error -> assertThat(error)
                            .startsWith("older page " + address + " not read (")
                            .endsWith("), given up after 5 attempts: stories on it may be missing"));
            assertThat(app.sourceStates().findState("wire").orElseThrow().olderPagesDue())
                    .isEmpty();
            assertThat(app.ingestOnce(List.of(source)).get(0).findError())
                    .as("not tried again")
                    .isEmpty();
        }
    }

    @Test
    void aFeedThatMovedPermanentlyIsReadAtItsNewAddressAndTheOperatorIsTold() {
        serveFeedWithEtag();
        feed.set(rss(item("a", "Alpha", "One"), item("b", "Beta", "Two")));
        etag.set("\"1\"");
        server.on("/old-feed", exchange -> {
            exchange.getResponseHeaders().set("Location", "/feed");
            LocalHttpServer.send(exchange, 301, null, new byte[0]);
        });
        SourceConfig moved = httpSource("wire", "/old-feed");
        String notice = "the feed has moved permanently to " + server.uri("/feed") + " (redirected there from "
                + server.uri("/old-feed") + "); set the source's url to the new address";
        try (Application app = open(List.of(moved))) {
            SourceRunReport first = app.ingestOnce(List.of(moved)).get(0);

            assertThat(first.counts()).isEqualTo(new IngestCounts(2, 0, 0, 0));
            assertThat(first.isFailure()).as("every story was read").isFalse();
            assertThat(first.notice()).isEqualTo(notice);
            assertThat(first.summary()).endsWith("; note: " + notice);
            SourceState shown = app.sourceStates().findState("wire").orElseThrow();
            assertThat(shown.lastError()).isEqualTo(notice);
            assertThat(shown.failures()).as("no backoff").isZero();
            assertThat(shown.nextFetch()).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));

            SourceRunReport unchanged = app.ingestOnce(List.of(moved)).get(0);
            assertThat(unchanged.notModified()).isTrue();
            assertThat(server.requests().get(server.requests().size() - 1).header("If-None-Match"))
                    .as("validators go to the new address")
                    .isEqualTo("\"1\"");
            assertThat(unchanged.notice()).as("said on every read, also a 304").isEqualTo(notice);
            assertThat(app.sourceStates().findState("wire").orElseThrow().lastError())
                    .isEqualTo(notice);

            SourceConfig updated = httpSource("wire", "/feed");
            SourceRunReport atNewAddress = app.ingestOnce(List.of(updated)).get(0);
            assertThat(atNewAddress.notice()).isNull();
            assertThat(app.sourceStates().findState("wire").orElseThrow().lastError())
                    .as("cleared once the configuration names the new address")
                    .isNull();
        }
    }

    @Test
    void conditionalGetNewArticlesRevisionsAndArchive() {
        serveFeedWithEtag();
        feed.set(rss(item("a", "Alpha", "One"), item("b", "Beta", "Two")));
        etag.set("\"1\"");
        SourceConfig source = httpSource("wire", "/feed");
        try (Application app = open(List.of(source))) {
            assertThat(app.ingestOnce(List.of(source)).get(0).counts()).isEqualTo(new IngestCounts(2, 0, 0, 0));

            SourceRunReport notModified = app.ingestOnce(List.of(source)).get(0);
            assertThat(notModified.notModified()).isTrue();
            assertThat(server.requests().get(1).header("If-None-Match")).isEqualTo("\"1\"");

            feed.set(rss(item("a", "Alpha", "One, corrected"), item("b", "Beta", "Two"), item("c", "Gamma", "3")));
            etag.set("\"2\"");
            assertThat(app.ingestOnce(List.of(source)).get(0).counts()).isEqualTo(new IngestCounts(1, 1, 1, 0));

            SourceState state = app.sourceStates().findState("wire").orElseThrow();
            assertThat(state.etag()).isEqualTo("\"2\"");
            assertThat(state.failures()).isZero();
            assertThat(state.nextFetch()).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
        }
        try (Stream<Path> archived = Files.walk(dataDir.resolve("archive"))) {
            assertThat(archived.filter(path -> path.toString().endsWith(".gz")).count())
                    .isEqualTo(2);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void unchangedBodyWithoutValidatorsIsRecognizedByItsHash() {
        serveFeedWithEtag();
        feed.set(rss(item("a", "Alpha", "One")));
        SourceConfig source = httpSource("wire", "/feed");
        try (Application app = open(List.of(source))) {
            app.ingestOnce(List.of(source));

            assertThat(app.ingestOnce(List.of(source)).get(0).notModified()).isTrue();
        }
    }

    @Test
    void brokenFeedMarksItsSourceAndDoesNotDisturbOthers() {
        serveFeedWithEtag();
        feed.set(rss(item("a", "Alpha", "One")));
        server.on(
                "/broken",
                exchange -> LocalHttpServer.send(
                        exchange,
                        200,
                        "application/rss+xml",
                        "<rss version=\"2.0\"><channel><title>cut".getBytes(StandardCharsets.UTF_8)));
        SourceConfig good = httpSource("good", "/feed");
        SourceConfig broken = httpSource("broken", "/broken");
        try (Application app = open(List.of(good, broken))) {
            List<SourceRunReport> reports = app.ingestOnce(List.of(good, broken));

            assertThat(reports.get(0).isFailure()).isFalse();
            assertThat(reports.get(0).counts().newArticles()).isEqualTo(1);
            assertThat(reports.get(1).error()).startsWith("malformed XML");
            SourceState state = app.sourceStates().findState("broken").orElseThrow();
            assertThat(state.lastError()).startsWith("malformed XML");
            assertThat(state.failures()).isEqualTo(1);
            assertThat(state.nextFetch()).isAfter(clock.instant());
            assertThat(state.bodyHash())
                    .as("a failed document is not remembered as seen")
                    .isNull();

            app.ingestOnce(List.of(broken));
            assertThat(app.sourceStates().findState("broken").orElseThrow().failures())
                    .isEqualTo(2);
        }
    }

    @Test
    void restartLosesNothingAndDuplicatesNothing() {
        serveFeedWithEtag();
        feed.set(rss(item("a", "Alpha", "One"), item("b", "Beta", "Two")));
        SourceConfig source = httpSource("wire", "/feed");
        Instant next;
        try (Application app = open(List.of(source))) {
            app.ingestOnce(List.of(source));
            next = app.sourceStates().findState("wire").orElseThrow().nextFetch();
        }
        try (Application restarted = open(List.of(source))) {
            assertThat(restarted.sourceStates().findState("wire").orElseThrow().nextFetch())
                    .isEqualTo(next);
            feed.set(rss(item("a", "Alpha", "One"), item("b", "Beta", "Two, updated")));

            assertThat(restarted.ingestOnce(List.of(source)).get(0).counts()).isEqualTo(new IngestCounts(0, 1, 1, 0));
            assertThat(restarted.articles().listArticles(new ArticleQuery(null, null, 10)))
                    .hasSize(2);
        }
    }

    @Test
    void databaseFailureMidFetchIsRetriedWithTheSameDocument() {
        serveFeedWithEtag();
        feed.set(rss(item("a", "Alpha", "One"), item("p", "POISON", "Two")));
        etag.set("\"1\"");
        SourceConfig source = httpSource("wire", "/feed");
        try (Application app = open(List.of(source))) {
            withDatabase(db -> db.jdbi().useHandle(handle -> handle.execute("""
                    CREATE TRIGGER poison BEFORE INSERT ON revision WHEN NEW.headline = 'POISON'
                    BEGIN SELECT RAISE(ABORT, 'disk full'); END""")));

            SourceRunReport failed = app.ingestOnce(List.of(source)).get(0);
            assertThat(failed.error()).contains("disk full");
            SourceState state = app.sourceStates().findState("wire").orElseThrow();
            assertThat(state.etag())
                    .as("validators are not saved, so the document is fetched again")
                    .isNull();

            withDatabase(db -> db.jdbi().useHandle(handle -> handle.execute("DROP TRIGGER poison")));
            SourceRunReport retried = app.ingestOnce(List.of(source)).get(0);
            assertThat(retried.counts()).isEqualTo(new IngestCounts(1, 0, 1, 0));
            assertThat(app.articles().listArticles(new ArticleQuery(null, null, 10)))
                    .hasSize(2);
        }
    }

    @Test
    void dropFolderFilesAreReadOnceRememberedAcrossRestartsAndFailuresNamed() throws IOException {
        drop("one.xml", rss(item("d1", "Dropped one", "x")), clock.instant().minusSeconds(60));
        drop("bad.xml", "<rss><channel><title>oops", clock.instant().minusSeconds(60));
        drop(
                "incoming.xml",
                rss(item("d2", "Still writing", "x")),
                clock.instant().plusSeconds(1));
        SourceConfig source = dropSource();
        try (Application app = open(List.of(source))) {
            SourceRunReport first = app.ingestOnce(List.of(source)).get(0);
            assertThat(first.counts().newArticles()).isEqualTo(1);
            assertThat(first.error()).contains("bad.xml: malformed XML");
            assertThat(app.sourceStates().findState("inbox").orElseThrow().lastError())
                    .contains("bad.xml");
        }
        clock.advance(Duration.ofSeconds(10));
        try (Application restarted = open(List.of(source))) {
            SourceRunReport second = restarted.ingestOnce(List.of(source)).get(0);
            assertThat(second.counts())
                    .as("one.xml and bad.xml are remembered; incoming.xml is now settled")
                    .isEqualTo(new IngestCounts(1, 0, 0, 0));
            assertThat(second.isFailure()).isFalse();

            drop(
                    "bad.xml",
                    rss(item("d3", "Fixed delivery", "x")),
                    clock.instant().minusSeconds(5));
            assertThat(restarted.ingestOnce(List.of(source)).get(0).counts().newArticles())
                    .isEqualTo(1);
            assertThat(restarted.articles().listArticles(new ArticleQuery(null, "inbox", 10)))
                    .hasSize(3);
        }
    }

    private void drop(String name, String content, Instant modified) throws IOException {
        Path file = inbox.resolve(name);
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    private void withDatabase(Consumer<Database> work) {
        try (Database database = Database.open(new DatabaseConfig(null, null, null), dataDir, null)) {
            work.accept(database);
        }
    }

    @Test
    void schedulerRunsOnlyDueSources() throws Exception {
        serveFeedWithEtag();
        feed.set(rss(item("a", "Alpha", "One")));
        SourceConfig due = httpSource("due", "/feed");
        SourceConfig later = httpSource("later", "/feed");
        try (Application app = open(List.of(due, later))) {
            app.sourceStates()
                    .saveState(SourceState.initial("later")
                            .withNextFetch(clock.instant().plusSeconds(60)));
            PollScheduler scheduler = app.newScheduler();

            scheduler.dispatchDueSources();
            scheduler.stop(10);

            assertThat(app.sourceStates().findState("due").orElseThrow().lastSuccess())
                    .isEqualTo(clock.instant());
            assertThat(app.sourceStates().findState("later").orElseThrow().lastAttempt())
                    .isNull();
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void aPauseMadeWhileARunIsUnderWayIsKept() throws Exception {
        serveFeedWithEtag();
        feed.set(rss(item("a", "Alpha", "One")));
        SourceConfig source = httpSource("wire", "/feed");
        try (Application app = open(List.of(source))) {
            app.ingestOnce(List.of(source));
            SourceState readByTheRun = app.sourceStates().findState("wire").orElseThrow();

            app.sourceStates().setPaused("wire", true); // the operator pauses the source meanwhile
            app.sourceStates()
                    .saveState(readByTheRun.succeeded(
                            clock.instant(), clock.instant().plusSeconds(60), null, null, null));

            assertThat(app.sourceStates().findState("wire").orElseThrow().paused())
                    .isTrue();
        }
    }

    @Test
    void schedulerSkipsPausedSources() throws Exception {
        serveFeedWithEtag();
        feed.set(rss(item("a", "Alpha", "One")));
        SourceConfig paused = httpSource("paused", "/feed");
        try (Application app = open(List.of(paused))) {
            app.sourceStates()
                    .saveState(SourceState.initial("paused")
                            .withNextFetch(clock.instant().minusSeconds(60)));
            app.sourceStates().setPaused("paused", true);
            PollScheduler scheduler = app.newScheduler();

            scheduler.dispatchDueSources();
            scheduler.stop(10);

            assertThat(server.requests()).isEmpty();
            assertThat(app.sourceStates().findState("paused").orElseThrow().lastAttempt())
                    .isNull();
        }
    }

    @Test
    void unreachableSourceBacksOff() {
        URI closed = server.uri("/feed");
        server.close();
        SourceConfig source =
                new SourceConfig("down", closed, null, null, "en", Duration.ofMinutes(5), null, null, true, null);
        try (Application app = open(List.of(source))) {
            app.ingestOnce(List.of(source));
            app.ingestOnce(List.of(source));

            SourceState state = app.sourceStates().findState("down").orElseThrow();
            assertThat(state.failures()).isEqualTo(2);
            assertThat(Duration.between(clock.instant(), state.nextFetch()))
                    .isBetween(Duration.ofMinutes(8), Duration.ofMinutes(12));
        }
    }
}
