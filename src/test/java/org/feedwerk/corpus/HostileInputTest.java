package org.feedwerk.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.feedwerk.article.Article;
import org.feedwerk.article.ArticleQuery;
import org.feedwerk.article.ArticleStatus;
import org.feedwerk.config.DatabaseConfig;
import org.feedwerk.pipeline.SourceRunReport;
import org.feedwerk.testing.SiteFixture;
import org.feedwerk.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feed content that must not break the site, exhaust the pipeline or slip through as it came. */
class HostileInputTest {
    @TempDir
    Path dataDir;

    @TempDir
    Path inbox;

    private SiteFixture site(TestClock clock) {
        return new SiteFixture(dataDir, inbox, clock, Map.of(), new DatabaseConfig(null, null, null));
    }

    private static String jsonFeed(String items) {
        return "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"H\", \"items\": [" + items + "]}";
    }

    private List<Article> articles(SiteFixture site) {
        return site.app().articles().listArticles(new ArticleQuery(null, null, 500));
    }

    @Test
    void controlCharactersNeverReachTheFeedsAndSitemaps() throws Exception {
        try (SiteFixture site = site(TestClock.system())) {
            site.drop(
                    "ctrl.json",
                    jsonFeed("{\"id\": \"c-1\", \"url\": \"https://h.example/1\", \"title\": "
                                    + "\"Ferry\\u0001 back\\u0000 on time\", \"content_html\": \"<p>The ferry\\u0007 sails\\u001b again."
                                    + "</p>\", \"tags\": [\"Ports\\u0002\"]}")
                            .getBytes(StandardCharsets.UTF_8));

            Article article = articles(site).get(0);
            assertThat(article.status()).isEqualTo(ArticleStatus.PUBLISHED);
            assertThat(article.headline()).isEqualTo("Ferry back on time");
            for (String path : List.of("/feed.xml", "/atom.xml", "/sitemap.xml", "/news-sitemap.xml")) {
                var response = site.get(path);
                assertThat(response.statusCode()).as(path).isEqualTo(200);
                DocumentBuilderFactory.newInstance()
                        .newDocumentBuilder()
                        .parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    @Test
    void onlyWebLinksAreKeptAsTheOriginal() throws Exception {
        try (SiteFixture site = site(TestClock.system())) {
            site.drop(
                    "links.json",
                    jsonFeed("{\"id\": \"l-1\", \"url\": \"javascript:alert(document.cookie)\", "
                                    + "\"title\": \"Harbour notice\", \"content_text\": \"The harbour office moves.\"}")
                            .getBytes(StandardCharsets.UTF_8));

            assertThat(articles(site).get(0).link()).isNull();
            assertThat(site.get("/feed.json").body()).doesNotContain("javascript:");
        }
    }

    @Test
    void oversizedItemsAreSkippedWithTheirReasonAndAHostileAuthorIsCheap() throws Exception {
        try (SiteFixture site = site(TestClock.system())) {
            String rss = "<rss version=\"2.0\"><channel><title>t</title><link>https://h.example/</link>"
                    + "<item><guid>big</guid><title>" + "Harbour ".repeat(400) + "</title><description>x</description>"
                    + "</item><item><guid>ok</guid><title>Quay reopens</title><author>" + "@".repeat(60_000)
                    + "</author><description>The quay reopens on Monday.</description></item></channel></rss>";

            SourceRunReport report = site.drop("big.xml", rss.getBytes(StandardCharsets.UTF_8));

            assertThat(report.summary())
                    .contains("1 new")
                    .contains("1 skipped (headline longer than 1000 characters: 1)");
            Article ok = articles(site).get(0);
            assertThat(ok.headline()).isEqualTo("Quay reopens");
            assertThat(site.app()
                            .articles()
                            .findRevision(ok.id(), 1)
                            .orElseThrow()
                            .content()
                            .byline())
                    .isNull();
        }
    }

    @Test
    void aDocumentIsReadUpToTwoThousandItems() throws Exception {
        try (SiteFixture site = site(TestClock.system())) {
            StringBuilder items = new StringBuilder();
            for (int index = 0; index < 2_003; index++) {
                items.append(index == 0 ? "" : ",")
                        .append("{\"id\": \"i-")
                        .append(index)
                        .append("\", \"title\": \"Notice ")
                        .append(index)
                        .append("\"}");
            }
            Path file = inbox.resolve("many.json");
            Files.writeString(file, jsonFeed(items.toString()));
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(30)));

            SourceRunReport report =
                    site.app().ingestOnce(site.app().config().sources()).get(0);

            assertThat(report.summary())
                    .isEqualTo("2000 new, 0 revised, 0 unchanged, 3 skipped (more than 2000 items in one document: 3)");
        }
    }

    @Test
    void dropFoldersFollowNoLinksAndReadNoFileOverTheSizeLimit(@TempDir Path outside) throws Exception {
        try (SiteFixture site = site(TestClock.system())) {
            Path secret = outside.resolve("private-feed.xml");
            Files.writeString(
                    secret,
                    "<rss version=\"2.0\"><channel><title>t</title><item><guid>s</guid>"
                            + "<title>Not for the site</title><description>Internal.</description></item></channel></rss>");
            Files.createSymbolicLink(inbox.resolve("linked.xml"), secret);
            Path huge = inbox.resolve("huge.xml");
            try (var out = Files.newOutputStream(huge)) {
                byte[] block = new byte[1 << 20];
                Arrays.fill(block, (byte) ' ');
                out.write("<rss version=\"2.0\"><channel><title>t</title>".getBytes(StandardCharsets.UTF_8));
                for (int mebibyte = 0; mebibyte < 17; mebibyte++) {
                    out.write(block);
                }
                out.write("</channel></rss>".getBytes(StandardCharsets.UTF_8));
            }
            Files.setLastModifiedTime(huge, FileTime.from(Instant.now().minusSeconds(30)));

            SourceRunReport report =
                    site.app().ingestOnce(site.app().config().sources()).get(0);

            assertThat(report.error())
                    .contains("linked.xml: a symbolic link; links are not followed")
                    .contains("huge.xml: larger than the limit of 16777216 bytes");
            assertThat(articles(site)).isEmpty();
            assertThat(site.app()
                            .ingestOnce(site.app().config().sources())
                            .get(0)
                            .error())
                    .as("set aside, not read again")
                    .isNull();
        }
    }

    @Test
    void everyResponseForbidsScriptsAndSniffing() throws Exception {
        try (SiteFixture site = site(TestClock.system())) {
            site.deliver(
                    "a.xml",
                    "s-1",
                    "Harbour authority approves terminal",
                    "Approved.",
                    "<p>The harbour authority approved the ferry terminal.</p>");
            for (int time = 0; time < 2; time++) { // rendered, then from the page cache
                for (String path : List.of("/", "/feed.xml", "/api/sources", "/search?q=terminal")) {
                    var response = site.get(path);
                    assertThat(response.headers().firstValue("Content-Security-Policy"))
                            .as(path)
                            .hasValueSatisfying(policy -> assertThat(policy)
                                    .contains("default-src 'none'")
                                    .doesNotContain("script-src"));
                    assertThat(response.headers().firstValue("X-Content-Type-Options"))
                            .as(path)
                            .contains("nosniff");
                }
            }
        }
    }

    @Test
    void picturesAreLinkedNotLoadedFromTheirSources() throws Exception {
        try (SiteFixture site = site(TestClock.system())) {
            site.deliver(
                    "a.xml",
                    "s-1",
                    "Harbour authority approves terminal",
                    "Approved.",
                    "<figure><img src=\"https://images.example.net/quay.jpg\" alt=\"The quay\"><figcaption>The quay."
                            + "</figcaption></figure><p>The harbour authority approved the ferry terminal.</p>");
            var front = site.get("/");
            String link = front.body().replaceAll("(?s).*href=\"(/de/[^\"]+)\".*", "$1");
            var page = site.get(link);

            assertThat(page.body())
                    .doesNotContain("<img")
                    .contains("href=\"https://images.example.net/quay.jpg\"")
                    .contains("Bild: The quay")
                    .contains("<figcaption>THE QUAY.</figcaption>");
            assertThat(page.headers().firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(policy -> assertThat(policy).contains("img-src 'self';"));
        }
    }

    @Test
    void publicSearchTakesSimpleSyntaxOnly() throws Exception {
        try (SiteFixture site = site(TestClock.system())) {
            site.deliver(
                    "a.xml",
                    "s-1",
                    "Harbour authority approves terminal",
                    "Approved.",
                    "<p>The harbour authority approved the ferry terminal.</p>");
            String fuzzyBomb = URLEncoder.encode("a~2 ".repeat(1_100), StandardCharsets.UTF_8);
            String regex = URLEncoder.encode("/.*.*.*.*x/ body:[a TO z] *", StandardCharsets.UTF_8);

            assertThat(site.get("/search?q=" + fuzzyBomb).statusCode()).isEqualTo(200);
            assertThat(site.get("/search?q=" + regex).statusCode()).isEqualTo(200);
            assertThat(site.get("/search?q=%22FERRY+TERMINAL%22").body()).contains("HARBOUR AUTHORITY APPROVES");
            assertThat(site.get("/search?q=TERMINAL+-FERRY").body()).doesNotContain("HARBOUR AUTHORITY APPROVES");
        }
    }

    @Test
    void anItemDatedInTheFarFutureDoesNotBlockLaterCorrections() throws Exception {
        try (SiteFixture site = site(new TestClock(Instant.parse("2026-11-30T12:00:00Z")))) {
            site.drop(
                    "v1.json",
                    jsonFeed("{\"id\": \"f-1\", \"title\": \"Ferry timetable\", \"content_text\": "
                                    + "\"Ferries leave hourly.\", \"date_modified\": \"2099-01-01T00:00:00Z\"}")
                            .getBytes(StandardCharsets.UTF_8));
            site.clock().advance(Duration.ofMinutes(10));
            site.drop(
                    "v2.json",
                    jsonFeed(
                                    "{\"id\": \"f-1\", \"title\": \"Ferry timetable\", \"content_text\": "
                                            + "\"Ferries leave every 30 minutes.\", \"date_modified\": \"2026-11-30T12:05:00Z\"}")
                            .getBytes(StandardCharsets.UTF_8));

            assertThat(articles(site).get(0).currentRevision())
                    .as("the correction is taken")
                    .isEqualTo(2);
        }
    }
}
