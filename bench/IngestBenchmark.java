import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.feedwerk.article.ArticleIngestor;
import org.feedwerk.article.ArticleNormalizer;
import org.feedwerk.article.PayloadRef;
import org.feedwerk.config.DatabaseConfig;
import org.feedwerk.config.SourceConfig;
import org.feedwerk.config.SourceFormat;
import org.feedwerk.parse.FeedParsers;
import org.feedwerk.parse.ParsedFeed;
import org.feedwerk.parse.Payload;
import org.feedwerk.store.Database;
import org.feedwerk.store.JdbiArticleStore;
import org.feedwerk.store.PayloadArchive;

/**
 * Ingest throughput of a generated 10,000-item RSS feed: parsed, normalized (sanitized) and stored in a fresh
 * SQLite database, against raw parsing alone of the same bytes, measured in the same run.
 *
 * Run: mvn -q -DskipTests package && java -cp "target/feedwerk.jar:target/lib/*" bench/IngestBenchmark.java
 */
public class IngestBenchmark {
    static final int ITEMS = 10_000;

    public static void main(String[] args) throws Exception {
        byte[] feed = generateFeed(ITEMS);
        FeedParsers parsers = new FeedParsers();
        Payload payload = new Payload(feed, "application/rss+xml", "bench");
        for (int i = 0; i < 3; i++) {
            parsers.parse(payload, SourceFormat.AUTO); // warm-up
        }
        double parseSeconds = best(5, () -> parsers.parse(payload, SourceFormat.AUTO));
        double ingestSeconds = best(3, () -> ingestIntoFreshDatabase(parsers, payload));
        System.out.printf("feed: %d items, %.1f MiB%n", ITEMS, feed.length / 1048576.0);
        System.out.printf("raw parse:   %8.0f items/s (%.3f s)%n", ITEMS / parseSeconds, parseSeconds);
        System.out.printf("full ingest: %8.0f items/s (%.3f s) parse + normalize + store (SQLite)%n",
                ITEMS / ingestSeconds, ingestSeconds);
        System.out.printf("ratio full ingest / raw parse throughput: %.3f%n", parseSeconds / ingestSeconds);
    }

    static void ingestIntoFreshDatabase(FeedParsers parsers, Payload payload) {
        try {
            Path dataDir = Files.createTempDirectory("feedwerk-bench");
            try (Database database = Database.open(new DatabaseConfig(null, null, null), dataDir, null)) {
                var ingestor = new ArticleIngestor(new JdbiArticleStore(database), new ArticleNormalizer(),
                        Clock.systemUTC());
                var archive = new PayloadArchive(dataDir);
                SourceConfig source = new SourceConfig("bench", java.net.URI.create("https://bench.example.org/feed"),
                        null, SourceFormat.AUTO, "en", null, "Bench", null, null);
                ParsedFeed parsed = parsers.parse(payload, SourceFormat.AUTO);
                var counts = ingestor.ingest(source, parsed, () -> new PayloadRef(archive.store(payload.body()),
                        "bench", "bench", null, payload.body().length, Instant.now()));
                if (counts.newArticles() != ITEMS) {
                    throw new IllegalStateException("expected " + ITEMS + " new articles, got " + counts);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static double best(int runs, Runnable work) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }

    static byte[] generateFeed(int items) {
        StringBuilder xml = new StringBuilder(items * 900);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
                + "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Bench Wire</title>"
                + "<link>https://bench.example.org/</link><description>generated</description><language>en</language>\n");
        for (int i = 0; i < items; i++) {
            xml.append("<item><guid isPermaLink=\"false\">bench-").append(i).append("</guid>")
                    .append("<title>Generated story number ").append(i).append(" about the harbour</title>")
                    .append("<link>https://bench.example.org/story/").append(i).append("</link>")
                    .append("<pubDate>Sun, 29 Nov 2026 08:15:00 GMT</pubDate><category>Bench</category>")
                    .append("<description>Summary of story ").append(i).append(".</description>")
                    .append("<content:encoded><![CDATA[<p>Paragraph one of story ").append(i)
                    .append(" with <a href=\"/rel/").append(i).append("\">a link</a> and <em>emphasis</em>.</p>")
                    .append("<p>Paragraph two has a number, 1,200, and a quote: \"fine\".</p>")
                    .append("<p onclick=\"x()\">Paragraph three carries an event handler that is removed.</p>")
                    .append("<script>alert(1)</script>]]></content:encoded></item>\n");
        }
        return xml.append("</channel></rss>\n").toString().getBytes(StandardCharsets.UTF_8);
    }
}
