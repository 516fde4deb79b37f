import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.feedwerk.article.ArticleHtml;
import org.feedwerk.article.ArticleIngestor;
import org.feedwerk.article.ArticleKeys;
import org.feedwerk.article.ArticleNormalizer;
import org.feedwerk.article.PayloadRef;
import org.feedwerk.article.Revision;
import org.feedwerk.config.DatabaseConfig;
import org.feedwerk.config.SourceConfig;
import org.feedwerk.parse.FeedFormat;
import org.feedwerk.parse.Item;
import org.feedwerk.parse.ParsedFeed;
import org.feedwerk.store.Database;
import org.feedwerk.store.JdbiArticleStore;
import org.feedwerk.store.JdbiTranslationStore;
import org.feedwerk.translate.ArticleTranslator;
import org.feedwerk.translate.EngineChain;
import org.feedwerk.translate.EngineRequest;
import org.feedwerk.translate.EngineResult;
import org.feedwerk.translate.Translation;
import org.feedwerk.translate.TranslationEngine;

/**
 * Characters sent to the engine for a wire story that goes through 5 updates (each adding or changing one
 * paragraph), with the translation memory, against naive full re-translation of every revision.
 *
 * Run: mvn -q -DskipTests package && java -cp "target/feedwerk.jar:target/lib/*" bench/TranslationMemoryBenchmark.java
 */
public class TranslationMemoryBenchmark {
    /** Counts what it is asked to translate and answers with the text in upper case. */
    static final class CountingEngine implements TranslationEngine {
        long characters;

        public String name() {
            return "counting";
        }

        public boolean supports(String source, String target) {
            return true;
        }

        public boolean handlesHtml() {
            return true;
        }

        public Optional<String> unavailableReason() {
            return Optional.empty();
        }

        public EngineResult translate(EngineRequest request) {
            List<String> out = new ArrayList<>();
            for (String text : request.texts()) {
                characters += ArticleHtml.plainText(text).length();
                out.add(text.toUpperCase());
            }
            return new EngineResult(out, 0);
        }
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Files.createTempDirectory("feedwerk-tm-bench");
        Clock clock = Clock.systemUTC();
        try (Database database = Database.open(new DatabaseConfig(null, null, null), dataDir, null)) {
            JdbiArticleStore articles = new JdbiArticleStore(database);
            ArticleIngestor ingestor = new ArticleIngestor(articles, new ArticleNormalizer(), clock);
            CountingEngine engine = new CountingEngine();
            ArticleTranslator translator = new ArticleTranslator(
                    new EngineChain(List.of(new EngineChain.Link(engine, List.of()))),
                    new JdbiTranslationStore(database),
                    text -> Optional.empty(),
                    Set.of(),
                    clock);
            SourceConfig source = new SourceConfig(
                    "wire",
                    URI.create("https://wire.example.org/feed"),
                    null,
                    null,
                    "en",
                    null,
                    "Wire",
                    null,
                    null,
                    null);

            List<String> paragraphs = new ArrayList<>();
            for (int i = 1; i <= 8; i++) {
                paragraphs.add(paragraph(i, "first version"));
            }
            List<List<String>> versions = new ArrayList<>();
            versions.add(List.copyOf(paragraphs));
            paragraphs.add(paragraph(9, "added in update 1"));
            versions.add(List.copyOf(paragraphs));
            paragraphs.set(2, paragraph(3, "changed in update 2"));
            versions.add(List.copyOf(paragraphs));
            paragraphs.add(paragraph(10, "added in update 3"));
            versions.add(List.copyOf(paragraphs));
            paragraphs.set(0, paragraph(1, "changed in update 4"));
            versions.add(List.copyOf(paragraphs));
            paragraphs.add(3, paragraph(11, "inserted in update 5"));
            versions.add(List.copyOf(paragraphs));

            long naive = 0;
            long sent = 0;
            long reused = 0;
            String id = ArticleKeys.articleId("wire", "story");
            for (int version = 0; version < versions.size(); version++) {
                String body = "<p>" + String.join("</p><p>", versions.get(version)) + "</p>";
                Item item = Item.builder()
                        .guid("story")
                        .link("https://wire.example.org/story")
                        .title("Harbour authority approves terminal")
                        .summaryHtml("<p>The decision ends a four-year dispute.</p>")
                        .contentHtml(body)
                        .authors(List.of("Desk"))
                        .build();
                ingestor.ingest(
                        source,
                        new ParsedFeed(FeedFormat.RSS, "Wire", null, "en", List.of(item)),
                        () -> new PayloadRef("bench-" + body.hashCode(), "wire", "bench", null, 0, Instant.now()));
                Revision revision = articles.findRevision(id, version + 1).orElseThrow();
                translator.translate(revision, List.of("de"));
                Translation translation = new JdbiTranslationStore(database)
                        .listTranslations(id).stream()
                                .filter(t -> t.revision() == revision.number())
                                .findFirst()
                                .orElseThrow();
                naive += translation.charsSent() + translation.charsReused();
                sent += translation.charsSent();
                reused += translation.charsReused();
                System.out.printf(
                        "revision %d: %5d characters sent, %5d reused%n",
                        revision.number(), translation.charsSent(), translation.charsReused());
            }
            System.out.printf("engine counted %d characters%n", engine.characters);
            System.out.printf(
                    "with translation memory: %d characters; naive full re-translation: %d characters%n", sent, naive);
            System.out.printf(
                    "ratio memory / naive: %.3f (%.0f %% of engine characters saved)%n",
                    (double) sent / naive, 100.0 * reused / naive);
        }
    }

    static String paragraph(int number, String state) {
        return "Paragraph " + number + " (" + state + ") reports that the harbour authority of Lindholm discussed the "
                + "new ferry terminal with residents, shipping companies and the regional government, who will pay "
                + "40 percent of the cost of 84.5 million euros; construction is planned to start next spring.";
    }
}
