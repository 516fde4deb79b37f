package org.feedwerk.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.feedwerk.article.Article;
import org.feedwerk.article.ArticleHtml;
import org.feedwerk.article.ArticleQuery;
import org.feedwerk.article.ArticleStatus;
import org.feedwerk.article.Revision;
import org.feedwerk.config.DatabaseConfig;
import org.feedwerk.html.BodyStructure;
import org.feedwerk.html.MarkupSignature;
import org.feedwerk.pipeline.SourceRunReport;
import org.feedwerk.publish.Publication;
import org.feedwerk.publish.PublishedContent;
import org.feedwerk.testing.PseudoTranslation;
import org.feedwerk.testing.SiteFixture;
import org.feedwerk.testing.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The team's corpus of real-world feed patterns (src/test/resources/realworld/, one file per pattern: body
 * shapes, items without ids or titles, recoverable malformations, encodings, JSON Feed and ninjs variants), each
 * dropped into a whole Feedwerk and taken through ingest, translation and publication. Every item with a title or
 * text must be published, its structure and links kept. The share is printed for bench/RESULTS.md.
 */
class RealWorldCorpusTest {
    private static final AtomicInteger ITEMS = new AtomicInteger();
    private static final AtomicInteger STORED = new AtomicInteger();
    private static final AtomicInteger PUBLISHED = new AtomicInteger();

    @TempDir
    Path dataDir;

    @TempDir
    Path inbox;

    /** Fixture and the headlines of the items it carries, as a reader would see them. */
    static Stream<Arguments> corpus() {
        return Stream.of(
                Arguments.of(
                        "bodies/rss2-plain-text-body.xml",
                        List.of("Ferry timetable changes on Monday", "Harbour office closed for inventory")),
                Arguments.of("bodies/rss2-br-body.xml", List.of("Tide warning for the outer pier")),
                Arguments.of(
                        "bodies/rss2-loose-text-around-blocks.xml",
                        List.of(
                                "New crane arrives at the container quay",
                                "Fish market moves indoors for winter",
                                "Harbour cleanup volunteers thanked")),
                Arguments.of(
                        "bodies/rss2-div-body.xml",
                        List.of("Lighthouse open to visitors", "Parking rules at the ferry terminal")),
                Arguments.of("bodies/rss2-every-block-shape.xml", List.of("Annual report of the harbour board")),
                Arguments.of(
                        "bodies/rss2-html-escaped-twice.xml",
                        List.of("Night ferry returns in spring", "Harbour bridge closes for a night")),
                Arguments.of(
                        "wellformed/rss092-description-only.xml",
                        List.of(
                                "Buoy seven off the east channel is unlit until further notice.",
                                "The pilot boat is back in service after repairs.",
                                "Fog is expected overnight.")),
                Arguments.of(
                        "wellformed/rss2-dc-and-media-title.xml",
                        List.of("Sailing school starts its season", "Old wooden boats on show")),
                Arguments.of("illformed/rss-without-channel.xml", List.of("Bridge opening times extended")),
                Arguments.of("illformed/rss-whitespace-before-prolog.xml", List.of("Yacht club elects a new chair")),
                Arguments.of("illformed/rss-bom-and-whitespace-before-prolog.xml", List.of("Water taxi adds a stop")),
                Arguments.of("illformed/rss-bare-ampersand.xml", List.of("Fish & chips stall wins award")),
                Arguments.of("illformed/rss-undeclared-prefix.xml", List.of("Museum ship gets new paint")),
                Arguments.of("illformed/atom-without-namespace.xml", List.of("Board approves dredging plan")),
                Arguments.of(
                        "encoding/rss-utf16le-without-bom.xml",
                        List.of("Crew change at the pilot station – naïve café visitors welcome")),
                Arguments.of(
                        "encoding/rss-utf32le-bom.xml",
                        List.of("Harbour festival programme – Überraschungen included")),
                Arguments.of(
                        "encoding/rss-utf8-declared-latin1.xml",
                        List.of("Café on the quay reopens – bigger than before")),
                Arguments.of("encoding/rss-shift-jis-undeclared.xml", List.of("新しいフェリーが来月から運航します", "灯台の見学は日曜日に再開します")),
                Arguments.of("wellformed/jsonfeed-escaped-slashes.json", List.of("Cruise ship calls cancelled")),
                Arguments.of(
                        "wellformed/jsonfeed-version-last.json",
                        Stream.iterate(1, n -> n + 1)
                                .limit(40)
                                .map(n -> "Notice number " + n + " from the harbour office")
                                .toList()),
                Arguments.of("wellformed/ninjs-1x-variants.json", List.of("Harbour board sets fees for next year")),
                Arguments.of("wellformed/ninjs-1x-body-main-text.json", List.of("Slipway closed")),
                Arguments.of(
                        "wellformed/atom-content-kinds.xml",
                        List.of(
                                "Minutes of the November meeting",
                                "Budget draft published",
                                "Public hearing on noise")),
                Arguments.of("sanitize/rss2-cms-html.xml", List.of("Harbour café reopens after refit")),
                Arguments.of(
                        "wellformed/atom-relative-links-xml-base.xml",
                        List.of("Ferry timetable for the winter", "Old pier repairs finished")),
                Arguments.of("wellformed/rss2-relative-links.xml", List.of("New crane for the north quay")),
                Arguments.of(
                        "wellformed/rss2-summary-elsewhere.xml",
                        List.of(
                                "Harbour board meets on Thursday",
                                "Episode 14: The lock keepers",
                                "Video: the new crane at work")),
                Arguments.of(
                        "wellformed/rss2-title-only-podcast.xml",
                        List.of("Episode 12: Winter on the quay", "Episode 11: The pilots")),
                Arguments.of(
                        "wellformed/jsonfeed-summary-and-title-only.json",
                        List.of(
                                "Ferry back on schedule",
                                "The harbour office phone line works again after a fault.",
                                "Storm damage assessed")));
    }

    /** Upper case stands for a translation; text without case (Japanese) is marked so that it differs. */
    static String pseudoGerman(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        return upper.equals(text) && text.codePoints().anyMatch(Character::isLetter) ? "»" + text + "«" : upper;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyItemWithATitleOrTextIsPublishedWithItsStructure(String fixture, List<String> headlines)
            throws IOException {
        ITEMS.addAndGet(headlines.size());
        try (SiteFixture site =
                new SiteFixture(dataDir, inbox, TestClock.system(), Map.of(), new DatabaseConfig(null, null, null))) {
            site.engines().translateTextWith(RealWorldCorpusTest::pseudoGerman);

            SourceRunReport report = site.drop(Path.of(fixture).getFileName().toString(), read(fixture));

            assertThat(report.error()).as("no file refused").isNull();
            assertThat(report.counts().skipped()).as("nothing skipped").isZero();
            List<Article> articles = site.app().articles().listArticles(new ArticleQuery(null, null, 500));
            STORED.addAndGet(articles.size());
            assertThat(articles).extracting(Article::headline).containsExactlyInAnyOrderElementsOf(headlines);
            for (Article article : articles) {
                assertThat(article.status())
                        .as(article.headline() + ": " + article.statusReason())
                        .isEqualTo(ArticleStatus.PUBLISHED);
                Revision source = site.app()
                        .articles()
                        .findRevision(article.id(), article.currentRevision())
                        .orElseThrow();
                Publication page =
                        site.app().publications().findLatest(article.id(), "de").orElseThrow();
                String sourceBody = source.content().bodyHtml();
                String pageBody = page.content().bodyHtml();
                assertThat(pageBody)
                        .as("sanitized")
                        .doesNotContain("<script", "onclick", "javascript:", "<iframe", "style=");
                assertThat(BodyStructure.of(pageBody)).as("structure kept").isEqualTo(BodyStructure.of(sourceBody));
                assertThat(MarkupSignature.of(pageBody))
                        .as("links and tags kept")
                        .isEqualTo(MarkupSignature.of(sourceBody));
                assertThat(withoutDigitGrouping(ArticleHtml.plainText(pageBody)))
                        .as("every text translated")
                        .isEqualTo(withoutDigitGrouping(ArticleHtml.plainText(
                                PseudoTranslation.html(sourceBody, RealWorldCorpusTest::pseudoGerman))));
                PUBLISHED.incrementAndGet();
            }
            assertThat(site.app().verify().problems()).as("proof chain").isEmpty();
        }
    }

    @Test
    void relativeLinksReachThePageAsAddressesOfTheSourcesSite() throws Exception {
        try (SiteFixture site =
                new SiteFixture(dataDir, inbox, TestClock.system(), Map.of(), new DatabaseConfig(null, null, null))) {
            site.drop("atom.xml", read("wellformed/atom-relative-links-xml-base.xml"));
            site.drop("rss.xml", read("wellformed/rss2-relative-links.xml"));

            Map<String, PublishedContent> pages =
                    site.app().articles().listArticles(new ArticleQuery(null, null, 10)).stream()
                            .collect(Collectors.toMap(
                                    Article::headline,
                                    article -> site.app()
                                            .publications()
                                            .findLatest(article.id(), "de")
                                            .orElseThrow()
                                            .content()));

            PublishedContent ferry = pages.get("Ferry timetable for the winter");
            assertThat(ferry.originalUrl()).isEqualTo("https://harbour.example.org/news/2026/ferry-winter.html");
            assertThat(ferry.bodyHtml())
                    .contains("href=\"https://harbour.example.org/timetables/winter.pdf\"")
                    .contains("src=\"https://harbour.example.org/images/ferry.jpg\"");
            PublishedContent pier = pages.get("Old pier repairs finished");
            assertThat(pier.originalUrl()).isEqualTo("https://archive.harbour.example.org/stories/pier.html");
            assertThat(pier.bodyHtml())
                    .as("content resolves against the entry's xml:base, not against its link")
                    .contains("href=\"https://archive.harbour.example.org/photos/\"");
            PublishedContent crane = pages.get("New crane for the north quay");
            assertThat(crane.originalUrl()).isEqualTo("https://quay.example.net/stories/north-crane");
            assertThat(crane.bodyHtml()).contains("href=\"https://quay.example.net/stories/north-crane#map\"");
            assertThat(crane.imageUrl()).isEqualTo("https://quay.example.net/media/crane.jpg");
        }
    }

    @Test
    void aBodyEscapedTwiceIsPublishedAsMarkupNotAsTagsInTheText() throws Exception {
        try (SiteFixture site =
                new SiteFixture(dataDir, inbox, TestClock.system(), Map.of(), new DatabaseConfig(null, null, null))) {
            site.drop("twice.xml", read("bodies/rss2-html-escaped-twice.xml"));

            for (Article article : site.app().articles().listArticles(new ArticleQuery(null, null, 10))) {
                Revision source = site.app()
                        .articles()
                        .findRevision(article.id(), article.currentRevision())
                        .orElseThrow();
                String body = source.content().bodyHtml();
                assertThat(ArticleHtml.plainText(body)).as(body).doesNotContain("<p>", "</p>", "<em>", "&lt;", "<a ");
                assertThat(BodyStructure.of(body)).as(body).isEqualTo(List.of("p", "#text", "p", "#text"));
                if (article.headline().startsWith("Harbour bridge")) {
                    assertThat(body).contains("<em>inspection</em>");
                    assertThat(source.content().teaser())
                            .as("the summary is read the same way")
                            .isEqualTo(
                                    "The harbour bridge closes from 22.00 on Friday for inspection. Cyclists can use the ferry.");
                } else {
                    assertThat(body)
                            .contains("<a href=\"https://weekly.example.org/fares\">See the fares</a>")
                            .contains("March &amp; cost");
                }
            }
        }
    }

    @Test
    void anItemTwiceInOneDocumentIsOneArticleThatDoesNotChangeOnTheNextRead() throws Exception {
        try (SiteFixture site =
                new SiteFixture(dataDir, inbox, TestClock.system(), Map.of(), new DatabaseConfig(null, null, null))) {
            String feed = "<rss version=\"2.0\"><channel><title>t</title><link>https://e.example/</link>"
                    + "<item><guid>same</guid><title>Ferry back on time</title><description>Newer text.</description>"
                    + "</item><item><guid>same</guid><title>Ferry late again</title><description>Older text."
                    + "</description></item>"
                    + "<item><guid>dated</guid><title>Bridge closed</title><description>Old.</description>"
                    + "<pubDate>Mon, 30 Nov 2026 08:00:00 GMT</pubDate></item>"
                    + "<item><guid>dated</guid><title>Bridge open again</title><description>New.</description>"
                    + "<pubDate>Tue, 01 Dec 2026 08:00:00 GMT</pubDate></item>"
                    + "<item><guid>far</guid><title>Dam holds</title><description>Current.</description>"
                    + "<pubDate>Tue, 01 Dec 2026 08:00:00 GMT</pubDate></item>"
                    + "<item><guid>far</guid><title>Dam breaks</title><description>Misdated.</description>"
                    + "<pubDate>Fri, 01 Jan 2099 00:00:00 GMT</pubDate></item></channel></rss>";

            SourceRunReport first = site.drop("twice.xml", feed.getBytes(StandardCharsets.UTF_8));
            SourceRunReport again = site.drop("twice-again.xml", feed.getBytes(StandardCharsets.UTF_8));

            assertThat(first.summary())
                    .isEqualTo("3 new, 0 revised, 0 unchanged, 3 skipped (the same item twice in one document: 3)");
            assertThat(again.summary()).startsWith("0 new, 0 revised, 3 unchanged");
            List<Article> articles = site.app().articles().listArticles(new ArticleQuery(null, null, 5));
            assertThat(articles)
                    .as("the first when no plausible dates tell, else the newest")
                    .extracting(Article::headline, Article::currentRevision)
                    .containsExactlyInAnyOrder(
                            tuple("Ferry back on time", 1), tuple("Bridge open again", 1), tuple("Dam holds", 1));
            assertThat(site.app().verify().problems()).isEmpty();
        }
    }

    @Test
    void itemsThatAreSkippedAreCountedWithTheirReasonInTheIngestLineAndTheApi() throws Exception {
        try (SiteFixture site =
                new SiteFixture(dataDir, inbox, TestClock.system(), Map.of(), new DatabaseConfig(null, null, null))) {
            String feed = "<rss version=\"2.0\"><channel><title>t</title><link>https://e.example/</link>"
                    + "<item><guid>empty-1</guid><description>  </description></item>"
                    + "<item><description>Only a description, and that is enough.</description></item>"
                    + "</channel></rss>";

            SourceRunReport report = site.drop("skips.xml", feed.getBytes(StandardCharsets.UTF_8));

            assertThat(report.summary())
                    .isEqualTo("1 new, 0 revised, 0 unchanged, 1 skipped (no title and no text: 1)");
            assertThat(site.get("/api/sources").body())
                    .contains("\"lastSkipped\":\"1 skipped (no title and no text: 1)\"");
            Article described = site.app()
                    .articles()
                    .listArticles(new ArticleQuery(null, null, 5))
                    .get(0);
            assertThat(described.headline()).isEqualTo("Only a description, and that is enough.");
            assertThat(site.app()
                            .articles()
                            .findRevision(described.id(), 1)
                            .orElseThrow()
                            .content()
                            .headlineDerived())
                    .isTrue();
            assertThat(described.status()).isEqualTo(ArticleStatus.PUBLISHED);
        }
    }

    @AfterAll
    static void printShares() {
        System.out.printf(
                Locale.ROOT,
                "real-world corpus: %d items with a title or text, %d stored (%.1f %%), " + "%d published (%.1f %%)%n",
                ITEMS.get(),
                STORED.get(),
                100.0 * STORED.get() / ITEMS.get(),
                PUBLISHED.get(),
                100.0 * PUBLISHED.get() / ITEMS.get());
    }

    /** Post-editing writes "1.240" for "1,240", as German does. */
    private static String withoutDigitGrouping(String text) {
        return text.replaceAll("(\\d)[.,](\\d{3})", "$1$2");
    }

    private static byte[] read(String fixture) throws IOException {
        try (InputStream in = RealWorldCorpusTest.class.getResourceAsStream("/realworld/" + fixture)) {
            return in.readAllBytes();
        }
    }
}
