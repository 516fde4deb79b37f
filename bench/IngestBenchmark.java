import com.rometools.rome.io.FeedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.feedwerk.article.ArticleIngestor;
import org.feedwerk.article.ArticleNormalizer;
import org.feedwerk.article.PayloadRef;
import org.feedwerk.config.DatabaseConfig;
import org.feedwerk.config.SourceConfig;
import org.feedwerk.config.SourceFormat;
import org.feedwerk.parse.FeedParsers;
import org.feedwerk.parse.ParsedFeed;
import org.feedwerk.parse.Payload;
import org.feedwerk.parse.SecureXml;
import org.feedwerk.store.Database;
import org.feedwerk.store.JdbiArticleStore;
import org.feedwerk.store.PayloadArchive;

/**
 * Ingest throughput of a generated 10,000-item RSS feed: parsed, normalized (sanitized) and stored in a fresh
 * SQLite database, and in a fresh PostgreSQL database when one is named, against raw Rome parsing alone of the
 * same bytes, measured in the same run. Two Rome baselines: Rome on its own ({@code SyndFeedInput} over
 * {@code XmlReader}), and Rome over the secure DOM Feedwerk builds (the baseline of earlier runs); the ratio is
 * taken against the faster of the two. Feedwerk's own parse (which reads RSS dates past Rome's date parser) is
 * printed beside them.
 *
 * Run: mvn -q -DskipTests package && java -cp "target/feedwerk.jar:target/lib/*" bench/IngestBenchmark.java \
 *          [jdbc:postgresql://127.0.0.1:5432/postgres USER PASSWORD]
 */
public class IngestBenchmark {
    static final int ITEMS = 10_000;

    public static void main(String[] args) throws Exception {
        measure("short items (~30 words, below the near-duplicate fingerprint's 40)", generateFeed(ITEMS, 0), args);
        measure(
                "news-length items (~150 words, fingerprinted: a band key per band each)",
                generateFeed(ITEMS, 12),
                args);
        measure("wire-length items (~630 words, ~4 KB of HTML, fingerprinted)", generateFeed(ITEMS, 60), args);
    }

    static void measure(String title, byte[] feed, String[] args) {
        FeedParsers parsers = new FeedParsers();
        Payload payload = new Payload(feed, "application/rss+xml", "bench");
        for (int i = 0; i < 3; i++) {
            parsers.parse(payload, SourceFormat.AUTO); // warm-up
            romeAlone(feed);
            romeOverSecureDom(payload);
        }
        double romeAloneSeconds = best(5, () -> romeAlone(feed));
        double romeOverDomSeconds = best(5, () -> romeOverSecureDom(payload));
        double feedwerkParseSeconds = best(5, () -> parsers.parse(payload, SourceFormat.AUTO));
        double parseSeconds = Math.min(romeAloneSeconds, romeOverDomSeconds);
        System.out.printf("%nfeed: %d %s, %.1f MiB%n", ITEMS, title, feed.length / 1048576.0);
        System.out.printf(
                "raw Rome parse:            %8.0f items/s (%.3f s) SyndFeedInput over XmlReader%n",
                ITEMS / romeAloneSeconds, romeAloneSeconds);
        System.out.printf(
                "raw Rome parse, DOM:       %8.0f items/s (%.3f s) SyndFeedInput over the secure DOM%n",
                ITEMS / romeOverDomSeconds, romeOverDomSeconds);
        System.out.printf(
                "Feedwerk parse (no store): %8.0f items/s (%.3f s) secure DOM + Rome + items%n",
                ITEMS / feedwerkParseSeconds, feedwerkParseSeconds);
        // Each store has ingests not counted, as the parser had its warm-up: every path (SQLite's, or the COPY
        // batches and the PostgreSQL driver) is then measured compiled, and the best of five is taken as for parsing.
        DoubleSupplier sqlite = () ->
                ingestIntoFreshDatabase(parsers, payload, () -> new DatabaseConfig(null, null, null), null, used -> {});
        report("SQLite", parseSeconds, warmedUpBestOf(5, sqlite));
        if (args.length >= 2) {
            String password = args.length > 2 ? args[2] : null;
            DoubleSupplier postgres = () -> ingestIntoFreshDatabase(
                    parsers,
                    payload,
                    () -> freshPostgres(args[0], args[1], password),
                    password,
                    used -> dropPostgres(args[0], args[1], password, used));
            report("PostgreSQL", parseSeconds, warmedUpBestOf(5, postgres));
        }
    }

    static double warmedUpBestOf(int runs, DoubleSupplier measured) {
        for (int i = 0; i < 3; i++) {
            measured.getAsDouble();
        }
        return bestOf(runs, measured);
    }

    static void report(String store, double parseSeconds, double ingestSeconds) {
        System.out.printf(
                "full ingest: %8.0f items/s (%.3f s) parse + normalize + store (%s)%n",
                ITEMS / ingestSeconds, ingestSeconds, store);
        System.out.printf(
                "ratio full ingest / raw Rome parse throughput (%s): %.3f%n", store, parseSeconds / ingestSeconds);
    }

    /** A new database on the server, so that every run starts empty. */
    static DatabaseConfig freshPostgres(String adminUrl, String user, String password) {
        String name = "feedwerk_bench_" + Long.toHexString(System.nanoTime());
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new DatabaseConfig(adminUrl.replaceFirst("/[^/?]*(\\?.*)?$", "/" + name + "$1"), user, 4);
    }

    /** Drops a database {@link #freshPostgres} made, once its run is over, so that runs leave nothing behind. */
    static void dropPostgres(String adminUrl, String user, String password, DatabaseConfig used) {
        String name = used.url().replaceFirst("^.*/([^/?]*)(\\?.*)?$", "$1");
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Seconds for parse + normalize + store; opening and migrating the new database is not counted, nor is removing
     * it afterwards ({@code dropDatabase}, and the data directory with its SQLite file and archived payloads).
     */
    static double ingestIntoFreshDatabase(
            FeedParsers parsers,
            Payload payload,
            Supplier<DatabaseConfig> databaseConfig,
            String password,
            Consumer<DatabaseConfig> dropDatabase) {
        DatabaseConfig config = databaseConfig.get();
        Path dataDir = null;
        try {
            dataDir = Files.createTempDirectory("feedwerk-bench");
            try (Database database = Database.open(config, dataDir, password)) {
                var ingestor = new ArticleIngestor(
                        new JdbiArticleStore(database), new ArticleNormalizer(), Clock.systemUTC(), ITEMS);
                var archive = new PayloadArchive(dataDir);
                SourceConfig source = new SourceConfig(
                        "bench",
                        URI.create("https://bench.example.org/feed"),
                        null,
                        SourceFormat.AUTO,
                        "en",
                        null,
                        "Bench",
                        null,
                        null,
                        null);
                long start = System.nanoTime();
                ParsedFeed parsed = parsers.parse(payload, SourceFormat.AUTO);
                var counts = ingestor.ingest(
                        source,
                        parsed,
                        () -> new PayloadRef(
                                archive.store(payload.body()),
                                "bench",
                                "bench",
                                null,
                                payload.body().length,
                                Instant.now()));
                if (counts.newArticles() != ITEMS) {
                    throw new IllegalStateException("expected " + ITEMS + " new articles, got " + counts);
                }
                return (System.nanoTime() - start) / 1e9;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            dropDatabase.accept(config);
            deleteRecursively(dataDir);
        }
    }

    static void deleteRecursively(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Object romeAlone(byte[] feed) {
        try {
            return new com.rometools.rome.io.SyndFeedInput()
                    .build(new com.rometools.rome.io.XmlReader(new ByteArrayInputStream(feed)));
        } catch (IOException | FeedException e) {
            throw new IllegalStateException(e);
        }
    }

    static Object romeOverSecureDom(Payload payload) {
        try {
            return new com.rometools.rome.io.SyndFeedInput().build(SecureXml.parse(payload));
        } catch (FeedException e) {
            throw new IllegalStateException(e);
        }
    }

    static double bestOf(int runs, DoubleSupplier measured) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            best = Math.min(best, measured.getAsDouble());
        }
        return best;
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

    /**
     * Words for the longer bodies: some common words, and about 8,000 made-up words of two or three syllables
     * (news text has a large vocabulary, so that two stories rarely share a group of three words).
     */
    static final String[] COMMON = "the of and to in on for with at by from that".split(" ");

    static final String[] SYLLABLES =
            ("har bour fer ry coun cil bud get sta tion ri ver mar ket mu se um li bra " + "win ter").split(" ");

    static String word(Random random) {
        if (random.nextInt(3) == 0) {
            return COMMON[random.nextInt(COMMON.length)];
        }
        StringBuilder word = new StringBuilder();
        for (int syllable = 2 + random.nextInt(2); syllable > 0; syllable--) {
            word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return word.toString();
    }

    /** {@code sentences} extra sentences of ten words each in every item's body. */
    static byte[] generateFeed(int items, int sentences) {
        StringBuilder xml = new StringBuilder(items * 900);
        xml.append(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
                        + "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Bench Wire</title>"
                        + "<link>https://bench.example.org/</link><description>generated</description><language>en</language>\n");
        for (int i = 0; i < items; i++) {
            xml.append("<item><guid isPermaLink=\"false\">bench-")
                    .append(i)
                    .append("</guid>")
                    .append("<title>Generated story number ")
                    .append(i)
                    .append(" about the harbour</title>")
                    .append("<link>https://bench.example.org/story/")
                    .append(i)
                    .append("</link>")
                    .append("<pubDate>Sun, 29 Nov 2026 08:15:00 GMT</pubDate><category>Bench</category>")
                    .append("<description>Summary of story ")
                    .append(i)
                    .append(".</description>")
                    .append("<content:encoded><![CDATA[<p>Paragraph one of story ")
                    .append(i)
                    .append(" with <a href=\"/rel/")
                    .append(i)
                    .append("\">a link</a> and <em>emphasis</em>.</p>")
                    .append("<p>Paragraph two has a number, 1,200, and a quote: \"fine\".</p>")
                    .append("<p onclick=\"x()\">Paragraph three carries an event handler that is removed.</p>")
                    .append(sentences > 0 ? "<p>" + sentencesFor(i, sentences) + "</p>" : "")
                    .append("<script>alert(1)</script>]]></content:encoded></item>\n");
        }
        return xml.append("</channel></rss>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    static String sentencesFor(int item, int sentences) {
        Random random = new Random(item);
        StringBuilder text = new StringBuilder();
        for (int sentence = 0; sentence < sentences; sentence++) {
            text.append("The");
            for (int word = 0; word < 9; word++) {
                text.append(' ').append(word(random));
            }
            text.append(". ");
        }
        return text.toString().strip();
    }
}
