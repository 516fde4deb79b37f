package org.feedwerk.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.feedwerk.app.Application;
import org.feedwerk.article.Article;
import org.feedwerk.article.ArticleHtml;
import org.feedwerk.article.ArticleQuery;
import org.feedwerk.article.ArticleStatus;
import org.feedwerk.config.ConfigLoader;
import org.feedwerk.config.EngineType;
import org.feedwerk.config.HttpEngineConfig;
import org.feedwerk.publish.Publication;
import org.feedwerk.testing.ApertiumService;
import org.feedwerk.web.WebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real machine translation while Feedwerk runs: English stories through a real Apertium (Debian's apertium-apy
 * with the eng-spa and eng-cat pairs) into Spanish and Catalan, published, with the system clock. The text must
 * really be Spanish and Catalan (the language detector agrees), links, structure and numbers kept, the chain
 * intact.
 */
class ApertiumEndToEndTest {
    @TempDir
    Path dir;

    private static final String STORIES = """
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire</title>
            <link>https://wire.example.org/</link><language>en</language>
            <item><guid>harbour-1</guid><title>The harbour authority approves the new ferry terminal</title>
            <link>https://wire.example.org/harbour-1</link>
            <content:encoded><![CDATA[<p>The harbour authority approved the new ferry terminal on Sunday, ending a
            dispute that had lasted almost four years.</p><p>The terminal will cost 84 million euros and will open in
            2028, <a href="https://harbour.example.org/plans">according to the published plans</a>.</p>]]></content:encoded>
            </item>
            <item><guid>storm-2</guid><title>A storm closes the coastal road</title>
            <link>https://wire.example.org/storm-2</link>
            <content:encoded><![CDATA[<p>The police closed the coastal road after a storm with winds of 110 km per
            hour.</p><ul><li>The schools will stay closed on Monday.</li><li>The trains will run every 30
            minutes.</li></ul><p>The mayor said: "The road will open again on Tuesday."</p>]]></content:encoded></item>
            <item><guid>market-3</guid><title>The city opens a new market</title>
            <link>https://wire.example.org/market-3</link>
            <description>The city opened a new market in the old station. More than 200 people visited it on the first
            day, and the mayor said that the market will open every Saturday.</description></item>
            </channel></rss>""";

    @Test
    void englishStoriesArePublishedInRealSpanishAndCatalan() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        try (ApertiumService apertium = ApertiumService.start(dir)) {
            Path config = dir.resolve("feedwerk.yml");
            Files.writeString(config, """
                    server: { port: 0 }
                    dataDir: %s
                    fetch: { dropSettle: 0s }
                    sources:
                      - id: wire
                        dir: %s
                        language: en
                        interval: 10m
                        attribution: Harbour Wire
                        licence: CC BY 4.0
                    translation:
                      targets: [es, ca]
                      detectLanguages: [en, es, ca, de, fr]
                      engines:
                        - name: apertium
                          type: apertium
                          url: %s
                    """.formatted(dir.resolve("data"), inbox, apertium.uri()));
            Path file = inbox.resolve("stories.xml");
            Files.writeString(file, STORIES);
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(30)));

            try (Application app =
                    Application.open(new ConfigLoader(Map.of()).load(config), Map.of(), Clock.systemUTC())) {
                assertThat(app.ingestOnce(app.config().sources())
                                .get(0)
                                .counts()
                                .newArticles())
                        .isEqualTo(3);
                while (app.newTranslationWorker().translateNext()) {
                    // translate everything that is due
                }
                app.publisher().publishPending();

                List<Article> articles = app.articles().listArticles(new ArticleQuery(null, null, 10));
                assertThat(articles)
                        .extracting(Article::status)
                        .as(reasons(articles))
                        .containsOnly(ArticleStatus.PUBLISHED);
                LinguaLanguageDetector detector = new LinguaLanguageDetector(List.of("en", "es", "ca", "de", "fr"));
                for (Article article : articles) {
                    for (String language : List.of("es", "ca")) {
                        Publication publication = app.publications()
                                .findLatest(article.id(), language)
                                .orElseThrow();
                        assertThat(publication.content().engine()).isEqualTo("apertium");
                        String text = publication.content().headline() + ". "
                                + ArticleHtml.plainText(publication.content().bodyHtml());
                        assertThat(detector.detect(text))
                                .as("%s in %s: %s", article.id(), language, text)
                                .contains(language);
                    }
                }
                Publication harbour = app.publications()
                        .findLatest(
                                articles.stream()
                                        .filter(article -> article.guid().equals("harbour-1"))
                                        .findFirst()
                                        .orElseThrow()
                                        .id(),
                                "es")
                        .orElseThrow();
                assertThat(harbour.content().bodyHtml())
                        .contains("href=\"https://harbour.example.org/plans\"")
                        .contains("84")
                        .contains("2028")
                        .containsPattern("(?s)<p>.*</p>\\s*<p>.*</p>");
                Publication storm = app.publications()
                        .findLatest(
                                articles.stream()
                                        .filter(article -> article.guid().equals("storm-2"))
                                        .findFirst()
                                        .orElseThrow()
                                        .id(),
                                "ca")
                        .orElseThrow();
                assertThat(storm.content().bodyHtml())
                        .containsPattern("(?s)<ul>\\s*<li>.*</li>\\s*<li>.*</li>\\s*</ul>")
                        .contains("110")
                        .contains("30")
                        .as("Catalan quotation marks")
                        .containsPattern("«[^»]+»");
                assertThat(app.verify().problems()).isEmpty();

                Path export = dir.resolve("export");
                app.exportSite(export);
                assertThat(Files.readString(export.resolve("index.html")))
                        .contains(harbour.content().headline());
                assertThat(Files.readString(export.resolve("ca/index.html"))).contains("lang=\"ca\"");
                assertThat(Files.readString(export.resolve("es/feed.xml"))).contains("<language>es</language>");
                assertThat(Files.readString(export.resolve("ca/news-sitemap.xml")))
                        .contains("<news:language>ca</news:language>");
                assertThat(Files.walk(export)
                                .filter(written -> written.toString().matches(".*/(es|ca)/\\d{4}/.*index\\.html"))
                                .map(written -> written.toString().contains("/es/") ? "es" : "ca")
                                .distinct()
                                .sorted()
                                .toList())
                        .as("article pages of both editions")
                        .containsExactly("ca", "es");

                WebServer server = app.newWebServer();
                server.start();
                try {
                    checkEditions(server.port(), harbour);
                } finally {
                    server.stop();
                }
            }
        }
    }

    /** Two complete editions, each in its own language, linked to each other; the default one also at {@code /}. */
    private void checkEditions(int port, Publication spanishHarbour) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String spanishHeadline = spanishHarbour.content().headline();
        String front = get(http, port, "/es/").body();
        assertThat(front)
                .contains("lang=\"es\"")
                .contains(spanishHeadline)
                .contains("placeholder=\"Buscar\"")
                .contains("sin revisión editorial")
                .contains("href=\"/es/feed.xml\"");
        assertThat(get(http, port, "/").body())
                .as("the first target is the default edition")
                .contains(spanishHeadline);
        String articlePath = Pattern.compile("href=\"(/es/\\d{4}/[^\"]+)\"")
                .matcher(front)
                .results()
                .map(match -> match.group(1))
                .filter(path -> front.contains(path + "\">" + spanishHeadline))
                .findFirst()
                .orElseThrow();
        String spanishPage = get(http, port, articlePath).body();
        assertThat(spanishPage)
                .contains("Este es un artículo sin editar")
                .contains("Fuente:")
                .contains("Traducido con apertium")
                .contains("hreflang=\"ca\"")
                .contains(">Català</a>");
        String catalanUrl = Pattern.compile("<link rel=\"alternate\" hreflang=\"ca\" href=\"([^\"]+)\"")
                .matcher(spanishPage)
                .results()
                .findFirst()
                .orElseThrow()
                .group(1);
        String catalanPath = URI.create(catalanUrl).getPath();
        HttpResponse<String> catalan = get(http, port, catalanPath);
        assertThat(catalan.statusCode()).isEqualTo(200);
        assertThat(catalan.body())
                .contains("lang=\"ca\"")
                .contains("Aquest és un article sense editar")
                .contains("Font:")
                .contains("hreflang=\"es\"")
                .contains(">Español</a>");
        String catalanFront = get(http, port, "/ca/").body();
        assertThat(catalanFront)
                .contains("placeholder=\"Cerca\"")
                .contains(catalanPath)
                .doesNotContain(articlePath);

        assertThat(get(http, port, "/es/feed.xml").body())
                .contains("<language>es</language>")
                .contains(spanishHeadline);
        assertThat(get(http, port, "/ca/atom.xml").body()).contains(catalanPath);
        assertThat(get(http, port, "/ca/feed.json").body())
                .contains("\"language\" : \"ca\"")
                .contains(catalanPath);
        assertThat(get(http, port, "/es/sitemap.xml").body())
                .contains(articlePath)
                .doesNotContain(catalanPath);
        assertThat(get(http, port, "/ca/news-sitemap.xml").body())
                .contains(catalanPath)
                .contains("<news:language>ca</news:language>");

        String spanishWord = longestWord(spanishHeadline);
        assertThat(searchPage(http, port, "es", spanishWord))
                .as("search for " + spanishWord)
                .contains(articlePath)
                .contains("Búsqueda");
        String catalanHeadline = Pattern.compile("<h1>([^<]+)</h1>")
                .matcher(catalan.body())
                .results()
                .findFirst()
                .orElseThrow()
                .group(1);
        String catalanWord = longestWord(catalanHeadline);
        assertThat(searchPage(http, port, "ca", catalanWord))
                .as("search for " + catalanWord)
                .contains(catalanPath);
    }

    private static String longestWord(String text) {
        return Arrays.stream(text.split("[^\\p{L}]+"))
                .max(Comparator.comparingInt(String::length))
                .orElseThrow();
    }

    /** The search page of one language edition for {@code word}. */
    private static String searchPage(HttpClient http, int port, String language, String word) throws Exception {
        return get(http, port, "/" + language + "/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8))
                .body();
    }

    private static HttpResponse<String> get(HttpClient http, int port, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Why articles are not published, for the failure message. */
    private static String reasons(List<Article> articles) {
        StringBuilder text = new StringBuilder();
        articles.forEach(article -> text.append(article.id())
                .append(' ')
                .append(article.status())
                .append(": ")
                .append(article.statusReason())
                .append('\n'));
        return text.toString();
    }

    @Test
    void languageTagsMapToApertiumCodes() {
        assertThat(ApertiumEngine.code("es")).isEqualTo("spa");
        assertThat(ApertiumEngine.code("ca")).isEqualTo("cat");
        assertThat(ApertiumEngine.code("en")).isEqualTo("eng");
        assertThat(ApertiumEngine.code("gl")).isEqualTo("glg");
        assertThat(ApertiumEngine.code("ca-valencia")).isEqualTo("cat_valencia");
        assertThat(ApertiumEngine.code("spa")).isEqualTo("spa");
        assertThat(HttpEngineConfig.builder()
                        .name("a")
                        .type(EngineType.APERTIUM)
                        .maxAttempts(1)
                        .build()
                        .type())
                .isEqualTo(EngineType.APERTIUM);
    }
}
