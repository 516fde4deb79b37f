package org.feedwerk.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.assertj.core.api.Assertions;
import org.feedwerk.article.ArticleQuery;
import org.feedwerk.article.ArticleStatus;
import org.feedwerk.config.DatabaseConfig;
import org.feedwerk.config.EngineType;
import org.feedwerk.config.SourceFormat;
import org.feedwerk.parse.FeedFormat;
import org.feedwerk.parse.FeedParsers;
import org.feedwerk.parse.ParsedFeed;
import org.feedwerk.parse.Payload;
import org.feedwerk.store.Database;
import org.feedwerk.testing.SiteFixture;
import org.feedwerk.testing.TestClock;
import org.feedwerk.testing.TestDatabases;
import org.feedwerk.testing.TestDatabases.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/** Publishing, versions, withdrawal, verification and the site's outputs, end to end over HTTP. */
class PublishingTest {
    private static final String TOKEN = "admin-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @TempDir
    Path inbox;

    private SiteFixture site;

    private SiteFixture open(Kind kind) {
        DatabaseConfig database = TestDatabases.fresh(kind);
        Map<String, String> environment = TestDatabases.password(kind) == null
                ? Map.of("FEEDWERK_ADMIN_TOKEN", TOKEN)
                : Map.of("FEEDWERK_ADMIN_TOKEN", TOKEN, "FEEDWERK_DATABASE_PASSWORD", TestDatabases.password(kind));
        site = new SiteFixture(
                dataDir, inbox, new TestClock(Instant.parse("2026-11-29T08:00:00Z")), environment, database);
        return site;
    }

    @AfterEach
    void close() {
        if (site != null) {
            site.close();
        }
    }

    static List<Kind> databases() {
        return TestDatabases.kinds().toList();
    }

    private String articleId() {
        return site.app()
                .articles()
                .listArticles(new ArticleQuery(null, null, 1))
                .get(0)
                .id();
    }

    private String pagePath() throws Exception {
        JsonNode article = JSON.readTree(
                        site.getWithToken("/api/articles", TOKEN).body())
                .get("articles")
                .get(0);
        return article.get("url").asText();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void publishesAPageWithAttributionEngineAndDisclaimerAndUpdatesIt(Kind kind) throws Exception {
        open(kind)
                .deliver(
                        "a.xml",
                        "s-1",
                        "Harbour authority approves ferry terminal",
                        "A four-year dispute ends.",
                        "<p>The terminal opens in 2028.</p>");

        assertThat(site.app()
                        .articles()
                        .listArticles(new ArticleQuery(null, null, 1))
                        .get(0)
                        .status())
                .isEqualTo(ArticleStatus.PUBLISHED);
        String path = pagePath();
        assertThat(path).matches("/de/2026/11/29/harbour-authority-approves-ferry-terminal-[0-9a-f]{16}");
        HttpResponse<String> page = site.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<html lang=\"de\">")
                .contains("<h1>HARBOUR AUTHORITY APPROVES FERRY TERMINAL</h1>")
                .contains("A FOUR-YEAR DISPUTE ENDS.")
                .contains("<p>THE TERMINAL OPENS IN 2028.</p>")
                .contains(
                        "Dies ist ein unbearbeiteter, automatisch generierter Artikel aus einem syndizierten Newsfeed.")
                .contains("href=\"https://harbour.example.org/s-1\"")
                .contains("Harbour Wire")
                .contains("Übersetzt mit libre am 29. November 2026, 09:00 Uhr")
                .contains("<link rel=\"canonical\" href=\"https://news.example.org" + path + "\">")
                .contains("\"@type\":\"NewsArticle\"")
                .contains("<meta property=\"og:title\"")
                .contains("Von Mara Keller")
                .doesNotContain("<script src");

        site.clock().advance(Duration.ofHours(2));
        site.deliver(
                "b.xml",
                "s-1",
                "Harbour authority approves ferry terminal",
                "A four-year dispute ends.",
                "<p>The terminal opens in 2028.</p><p>A bus lane is planned.</p>");

        assertThat(pagePath()).as("same URL").isEqualTo(path);
        String updated = site.get(path).body();
        assertThat(updated)
                .contains("A BUS LANE IS PLANNED.")
                .contains("Aktualisiert")
                .contains("Fassung 1 vom 29. November 2026, 09:00 Uhr")
                .contains("<strong>Fassung 2 vom");
        HttpResponse<String> first = site.get(path + "/fassung/1");
        assertThat(first.body()).doesNotContain("A BUS LANE").contains("Dies ist eine ältere Fassung");
        assertThat(site.get(path.replace("harbour-authority", "other-slug"))
                        .headers()
                        .firstValue("Location"))
                .contains(path);

        List<Publication> versions = site.app().publications().listPublications(articleId());
        assertThat(versions)
                .extracting(publication -> publication.content().sequence())
                .containsExactly(1, 2);
        assertThat(versions.get(1).previousSha256()).isEqualTo(versions.get(0).entrySha256());
        assertThat(site.app().verify().isIntact()).isTrue();
        assertThat(site.app().publications().listAudit(articleId()))
                .extracting(AuditEntry::action)
                .containsExactly("publish", "update");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void verifyFindsRowsChangedDirectlyInTheDatabase(Kind kind) throws Exception {
        open(kind).deliver("a.xml", "s-1", "Storm warning", "Gusts.", "<p>Gusts of up to 110 km/h.</p>");
        site.deliver("b.xml", "s-2", "Ferry cancelled", "No service.", "<p>No ferries on Tuesday.</p>");
        assertThat(site.app().verify().problems()).isEmpty();

        try (Database database = Database.open(site.app().config().database(), dataDir, TestDatabases.password(kind))) {
            database.jdbi()
                    .useHandle(handle -> handle.execute(
                            "UPDATE publication SET content = REPLACE(content, '110', '150') WHERE position = 1"));
        }

        ChainVerifier.Report report = site.app().verify();
        assertThat(report.isIntact()).isFalse();
        assertThat(report.publications()).isEqualTo(2);
        assertThat(report.problems()).anyMatch(problem -> problem.startsWith("publication 1: content does not match"));
    }

    @Test
    void pagesAndFeedsCarryAnEntityTagAndAnUnchangedOneIsAnsweredNotModified() throws Exception {
        open(Kind.SQLITE).deliver("a.xml", "s-1", "Storm warning", "Gusts.", "<p>Gusts of up to 110 km/h.</p>");
        for (String path : List.of("/feed.xml", "/", pagePath(), "/search?q=storm")) {
            HttpResponse<String> first = site.get(path); // rendered (or searched) by the router
            HttpResponse<String> again = site.get(path); // from the page cache, where cached
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertThat(again.headers().firstValue("ETag")).as(path).hasValue(etag);

            HttpResponse<String> unchanged = site.get(path, "If-None-Match", "\"other\", W/" + etag);
            assertThat(unchanged.statusCode()).as(path).isEqualTo(304);
            assertThat(unchanged.body()).isEmpty();
            assertThat(site.get(path, "If-None-Match", "\"other\"").statusCode())
                    .isEqualTo(200);
            HttpResponse<String> head = site.head(path);
            assertThat(head.statusCode()).as("HEAD " + path).isEqualTo(200);
            assertThat(head.headers().firstValue("ETag")).as("HEAD " + path).hasValue(etag);
            assertThat(head.body()).isEmpty();
        }
        assertThat(site.head("/de/2099/01/01/nothing-here").statusCode()).isEqualTo(404);
        String feedTag = site.get("/feed.xml").headers().firstValue("ETag").orElseThrow();

        site.deliver("b.xml", "s-2", "Ferry cancelled", "No service.", "<p>No ferries on Tuesday.</p>");

        HttpResponse<String> changed = site.get("/feed.xml", "If-None-Match", feedTag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).contains("FERRY CANCELLED");
        assertThat(changed.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(feedTag);
    }

    @Test
    void verifyFindsABrokenLinkAndAChangedAuditEntry() throws Exception {
        open(Kind.SQLITE).deliver("a.xml", "s-1", "Storm warning", "Gusts.", "<p>Gusts of up to 110 km/h.</p>");
        site.deliver("b.xml", "s-2", "Ferry cancelled", "No service.", "<p>No ferries on Tuesday.</p>");
        try (Database database = Database.open(site.app().config().database(), dataDir, null)) {
            database.jdbi().useHandle(handle -> {
                handle.execute("UPDATE publication SET previous_sha256 = ? WHERE position = 2", "f".repeat(64));
                handle.execute("UPDATE audit_log SET detail = 'nothing happened' WHERE position = 1");
            });
        }

        assertThat(site.app().verify().problems())
                .containsExactly(
                        "publication 2: does not link to the previous entry",
                        "publication 2: entry hash does not match",
                        "audit entry 1: entry does not match its hash (the log was changed)");
    }

    @Test
    void aChainRewrittenAsAWholeIsCaughtByAnAnchorRecordedFromThePage() throws Exception {
        open(Kind.SQLITE).deliver("a.xml", "s-1", "Storm warning", "Gusts.", "<p>Gusts of up to 110 km/h.</p>");
        Publication published = site.app().publications().listChain().get(0);
        String page = site.get(pagePath()).body();
        assertThat(page)
                .contains("<code>" + published.contentSha256() + "</code>")
                .contains("Eintrag 1 der")
                .contains("<code>" + published.entrySha256() + "</code>");
        HttpResponse<String> heads = site.get("/pruefkette.json");
        assertThat(heads.statusCode()).isEqualTo(200);
        assertThat(heads.body()).contains("\"publication\":{\"position\":1,\"sha256\":\"" + published.entrySha256());
        ChainVerifier.Anchor anchor = ChainVerifier.Anchor.parse("1:" + published.entrySha256());

        // An insider changes the text and recomputes every hash: the chain is consistent again ...
        String changed = published.contentJson().replace("110", "150");
        String contentSha = Hashes.sha256(changed);
        String entrySha = Hashes.entry(1, Hashes.GENESIS, contentSha);
        try (Database database = Database.open(site.app().config().database(), dataDir, null)) {
            database.jdbi().useHandle(handle -> {
                handle.createUpdate("UPDATE publication SET content = :content, content_sha256 = :contentSha, "
                                + "entry_sha256 = :entrySha WHERE position = 1")
                        .bind("content", changed)
                        .bind("contentSha", contentSha)
                        .bind("entrySha", entrySha)
                        .execute();
                handle.createUpdate("UPDATE chain_head SET last_sha256 = :entrySha WHERE chain = 'publication'")
                        .bind("entrySha", entrySha)
                        .execute();
            });
        }
        assertThat(site.app().verify().isIntact()).as("consistent in itself").isTrue();

        // ... but not with what a reader recorded from the page.
        ChainVerifier.Report report = site.app().verify(List.of(anchor));
        assertThat(report.isIntact()).isFalse();
        assertThat(report.problems())
                .singleElement()
                .asString()
                .contains("anchor publication 1")
                .contains("the chain was rewritten");
        assertThat(site.app()
                        .verify(List.of(ChainVerifier.Anchor.parse("7:" + entrySha)))
                        .problems())
                .singleElement()
                .asString()
                .contains("no such entry");
    }

    @Test
    void anchorsMustLookLikePositionAndHash() {
        assertThat(ChainVerifier.Anchor.parse("audit:3:" + "AB".repeat(32)))
                .isEqualTo(new ChainVerifier.Anchor("audit", 3, "ab".repeat(32)));
        Assertions.assertThatThrownBy(() -> ChainVerifier.Anchor.parse("3:abc"))
                .hasMessageContaining("an anchor looks like");
    }

    @Test
    void withdrawalAnswers410AndRemovesTheArticleEverywhere() throws Exception {
        open(Kind.SQLITE)
                .deliver(
                        "a.xml",
                        "s-1",
                        "Harbour authorities approve terminal",
                        "Teaser.",
                        "<p>Body text about the harbour.</p>");
        String path = pagePath();
        String id = articleId();
        assertThat(site.get("/search?q=" + "HARBOUR").body()).contains(path);

        assertThat(site.post("/api/articles/" + id + "/withdraw", null, "{\"reason\":\"x\"}")
                        .statusCode())
                .isEqualTo(401);
        assertThat(site.post("/api/articles/" + id + "/withdraw", "wrong", "{\"reason\":\"x\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(site.post("/api/articles/" + id + "/withdraw", TOKEN, "{}").statusCode())
                .isEqualTo(400);
        assertThat(site.post("/api/articles/" + id + "/withdraw", TOKEN, "{\"reason\":\" x \"}")
                        .statusCode())
                .as("the same rule as the console: a stated reason")
                .isEqualTo(400);
        assertThat(site.post("/api/articles/nope/withdraw", TOKEN, "{\"reason\":\"legal request\"}")
                        .statusCode())
                .isEqualTo(404);
        HttpResponse<String> withdrawn =
                site.post("/api/articles/" + id + "/withdraw", TOKEN, "{\"reason\":\"Agency killed the story\"}");
        assertThat(withdrawn.statusCode()).isEqualTo(200);

        HttpResponse<String> gone = site.get(path);
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(gone.body()).contains("zurückgezogen").contains("Agency killed the story");
        assertThat(site.get("/").body()).doesNotContain(path);
        assertThat(site.get("/feed.xml").body()).doesNotContain(id);
        assertThat(site.get("/feed.json").body()).doesNotContain(id);
        assertThat(site.get("/sitemap.xml").body()).doesNotContain(id);
        assertThat(site.get("/search?q=HARBOUR").body()).doesNotContain(path);
        assertThat(site.app().publications().listAudit(id))
                .extracting(AuditEntry::action)
                .contains("withdraw");
        assertThat(site.app().publications().listAudit(id).get(1).detail()).contains("Agency killed the story");
        assertThat(site.app().verify().isIntact()).isTrue();
        assertThat(site.post("/api/articles/" + id + "/withdraw", TOKEN, "{\"reason\":\"again\"}")
                        .statusCode())
                .isEqualTo(409);
    }

    @Test
    void feedsAndSitemapsAreValidAndListTheArticle() throws Exception {
        open(Kind.SQLITE)
                .deliver(
                        "a.xml",
                        "s-1",
                        "Storm warning for the coast",
                        "Gusts expected.",
                        "<p>Gusts of up to 110 km/h &amp; rain.</p>");
        String url = "https://news.example.org" + pagePath();

        ParsedFeed rss = parse(site.get("/feed.xml"), "application/rss+xml");
        assertThat(rss.format()).isEqualTo(FeedFormat.RSS);
        assertThat(rss.items()).singleElement().satisfies(item -> {
            assertThat(item.link()).isEqualTo(url);
            assertThat(item.title()).isEqualTo("STORM WARNING FOR THE COAST");
            assertThat(item.contentHtml()).contains("GUSTS OF UP TO 110 KM/H &amp; RAIN.");
        });
        ParsedFeed atom = parse(site.get("/atom.xml"), "application/atom+xml");
        assertThat(atom.format()).isEqualTo(FeedFormat.ATOM);
        assertThat(atom.items().get(0).link()).isEqualTo(url);
        HttpResponse<String> jsonResponse = site.get("/feed.json");
        assertThat(jsonResponse.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/feed+json"));
        ParsedFeed json = parse(jsonResponse, null);
        assertThat(json.format()).isEqualTo(FeedFormat.JSON_FEED);
        assertThat(json.items().get(0).link()).isEqualTo(url);

        var sitemap = xml(site.get("/sitemap.xml").body());
        assertThat(sitemap.getDocumentElement().getNamespaceURI())
                .isEqualTo("http://www.sitemaps.org/schemas/sitemap/0.9");
        assertThat(sitemap.getElementsByTagNameNS("*", "loc").item(1).getTextContent())
                .isEqualTo(url);
        var news = xml(site.get("/news-sitemap.xml").body());
        assertThat(news.getElementsByTagNameNS("http://www.google.com/schemas/sitemap-news/0.9", "title")
                        .item(0)
                        .getTextContent())
                .isEqualTo("STORM WARNING FOR THE COAST");

        site.clock().advance(Duration.ofHours(49));
        assertThat(site.get("/news-sitemap.xml").body()).doesNotContain(url);
    }

    @Test
    void searchUsesGermanAnalysis() throws Exception {
        open(Kind.SQLITE); // a German feed: published as it is, so the text keeps its case and umlauts
        site.deliverIn(
                "de",
                "de.xml",
                "s-de",
                "Die Hafenbehörden genehmigen das Terminal",
                "Kurz.",
                "<p>Die Häuser am Kai werden renoviert, sagten die Hafenbehörden am Sonntag.</p>");

        String body = site.get("/search?q=Hafenbeh%C3%B6rde").body();
        assertThat(body).contains("1 Treffer").contains("genehmigen");
        assertThat(site.get("/search?q=haus").body()).contains("1 Treffer");
        assertThat(site.get("/search?q=Flughafen").body()).contains("0 Treffer");
        assertThat(site.get("/search?q=%22unbalanced").statusCode()).isEqualTo(200);
    }

    private SiteFixture germanAndFrenchSite(TestClock clock) {
        return new SiteFixture(
                dataDir,
                inbox,
                clock,
                Map.of(),
                new DatabaseConfig(null, null, null),
                List.of("de", "fr"),
                EngineType.LIBRETRANSLATE);
    }

    @Test
    void searchIndexRebuiltAtStartKeepsEveryTargetLanguage() throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-11-29T08:00:00Z"));
        try (SiteFixture first = germanAndFrenchSite(clock)) {
            first.deliver("a.xml", "s-1", "Lighthouse museum reopens", "Lenses again.", "<p>The museum reopened.</p>");
            assertThat(first.get("/search?q=lighthouse").body()).contains("1 Treffer");
        }
        site = germanAndFrenchSite(clock);

        assertThat(site.get("/search?q=lighthouse").body())
                .as("rebuilt from both languages, de not dropped")
                .contains("1 Treffer");
    }

    @Test
    void frontPageIsPaginatedAndSourcePagesExist() throws Exception {
        open(Kind.SQLITE);
        for (int i = 1; i <= 3; i++) {
            site.clock().advance(Duration.ofMinutes(1));
            site.deliver("s" + i + ".xml", "s-" + i, "Story number " + i, "Teaser " + i, "<p>Body " + i + ".</p>");
        }

        String front = site.get("/").body();
        assertThat(front)
                .contains("STORY NUMBER 3")
                .contains("STORY NUMBER 2")
                .doesNotContain("STORY NUMBER 1")
                .contains("href=\"/seite/2\"");
        assertThat(site.get("/seite/2").body()).contains("STORY NUMBER 1");
        assertThat(site.get("/seite/3").statusCode()).isEqualTo(404);
        assertThat(site.get("/quelle/harbour").body()).contains("Meldungen von Harbour Wire");
        assertThat(site.get("/quelle/unknown").statusCode()).isEqualTo(404);
        assertThat(site.get("/de/2026/11/29/nothing-0123456789abcdef").statusCode())
                .isEqualTo(404);
    }

    @Test
    void exportWritesTheSameSiteAsStaticFiles() throws Exception {
        open(Kind.SQLITE).deliver("a.xml", "s-1", "Storm warning", "Gusts.", "<p>Gusts of up to 110 km/h.</p>");
        site.clock().advance(Duration.ofMinutes(5));
        site.deliver("b.xml", "s-1", "Storm warning", "Gusts.", "<p>Gusts of up to 130 km/h.</p>");
        String path = pagePath();
        Path export = dataDir.resolve("export");

        int files = site.app().exportSite(export);

        // At /: front, source page, article + 2 versions, 5 feeds and sitemaps, chain heads (11); the same edition
        // under /de/: front, source page, 5 feeds and sitemaps (7; its article pages are the ones above).
        assertThat(files).isEqualTo(18);
        assertThat(Files.readString(export.resolve("de/index.html")))
                .isEqualTo(site.get("/de/").body());
        assertThat(Files.readString(export.resolve("de/feed.xml")))
                .isEqualTo(site.get("/de/feed.xml").body());
        String page = Files.readString(export.resolve(path.substring(1)).resolve("index.html"));
        assertThat(page).isEqualTo(site.get(path).body());
        assertThat(export.resolve(path.substring(1)).resolve("fassung/1/index.html"))
                .exists();
        assertThat(export.resolve("index.html")).exists();
        assertThat(Files.readString(export.resolve("feed.xml"))).contains("130 KM/H");
        assertThat(Files.readString(export.resolve("pruefkette.json"))).contains("\"publication\":{\"position\":");
    }

    private static ParsedFeed parse(HttpResponse<String> response, String contentType) {
        assertThat(response.statusCode()).isEqualTo(200);
        return new FeedParsers()
                .parse(
                        new Payload(response.body().getBytes(StandardCharsets.UTF_8), contentType, "site"),
                        SourceFormat.AUTO);
    }

    private static Document xml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
