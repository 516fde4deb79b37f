package org.feedwerk.app;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.feedwerk.article.ArticleIngestor;
import org.feedwerk.article.ArticleNormalizer;
import org.feedwerk.article.ArticleStore;
import org.feedwerk.config.FeedwerkConfig;
import org.feedwerk.config.SourceConfig;
import org.feedwerk.parse.FeedParsers;
import org.feedwerk.pipeline.PollScheduler;
import org.feedwerk.pipeline.SourceRunReport;
import org.feedwerk.pipeline.SourceRunner;
import org.feedwerk.source.Backoff;
import org.feedwerk.source.DropFolder;
import org.feedwerk.source.HttpFeedFetcher;
import org.feedwerk.source.SourceStateStore;
import org.feedwerk.store.Database;
import org.feedwerk.store.JdbiArticleStore;
import org.feedwerk.store.JdbiSourceStateStore;
import org.feedwerk.store.PayloadArchive;
import org.feedwerk.pipeline.TranslationWorker;
import org.feedwerk.store.JdbiTranslationStore;
import org.feedwerk.translate.ArticleTranslator;
import org.feedwerk.translate.EngineChain;
import org.feedwerk.translate.EngineFactory;
import org.feedwerk.translate.LinguaLanguageDetector;
import org.feedwerk.translate.Sleeper;
import org.feedwerk.translate.TranslationStore;
import org.feedwerk.web.WebServer;

/** The composition root: the only place that builds and wires Feedwerk's parts. */
public final class Application implements AutoCloseable {
    public static final String ADMIN_TOKEN_VARIABLE = "FEEDWERK_ADMIN_TOKEN";
    public static final String DATABASE_PASSWORD_VARIABLE = "FEEDWERK_DATABASE_PASSWORD";
    /** A translation claim older than this belongs to a worker that died; the article is claimed again. */
    private static final java.time.Duration TRANSLATION_LEASE = java.time.Duration.ofMinutes(10);

    private final FeedwerkConfig config;
    private final Map<String, String> environment;
    private final Clock clock;
    private final Database database;
    private final ArticleStore articles;
    private final SourceStateStore sourceStates;
    private final SourceRunner sourceRunner;
    private final JdbiTranslationStore translations;
    private final EngineChain engineChain;
    private final ArticleTranslator translator;

    private Application(FeedwerkConfig config, Map<String, String> environment, Clock clock) {
        this.config = config;
        this.environment = Map.copyOf(environment);
        this.clock = clock;
        this.database = Database.open(config.database(), config.dataDir(),
                environment.get(DATABASE_PASSWORD_VARIABLE));
        this.articles = new JdbiArticleStore(database);
        this.sourceStates = new JdbiSourceStateStore(database);
        this.sourceRunner = new SourceRunner(
                new HttpFeedFetcher(config.fetch(), clock),
                new DropFolder(),
                new FeedParsers(),
                new ArticleIngestor(articles, new ArticleNormalizer(), clock),
                new PayloadArchive(config.dataDir()),
                sourceStates,
                new Backoff(config.fetch().maxBackoff(), new Random()),
                config.fetch().dropSettle(),
                clock);
        this.translations = new JdbiTranslationStore(database);
        this.engineChain = new EngineChain(new EngineFactory(environment, clock, Sleeper.REAL)
                .build(config.translation().engines()));
        Set<String> detectable = Set.copyOf(config.translation().detectLanguages());
        this.translator = new ArticleTranslator(engineChain, translations,
                new LinguaLanguageDetector(config.translation().detectLanguages()), detectable, clock);
    }

    public static Application open(FeedwerkConfig config, Map<String, String> environment, Clock clock) {
        return new Application(config, environment, clock);
    }

    public FeedwerkConfig config() {
        return config;
    }

    public ArticleStore articles() {
        return articles;
    }

    public SourceStateStore sourceStates() {
        return sourceStates;
    }

    /** Runs the given sources once, concurrently within the configured bound; reports in the given order. */
    public List<SourceRunReport> ingestOnce(List<SourceConfig> sources) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(config.fetch().concurrency(),
                sources.size())));
        try {
            List<Future<SourceRunReport>> futures = sources.stream()
                    .map(source -> pool.submit(() -> sourceRunner.run(source))).toList();
            return futures.stream().map(Application::await).toList();
        } finally {
            pool.shutdown();
        }
    }

    public TranslationStore translations() {
        return translations;
    }

    public EngineChain engineChain() {
        return engineChain;
    }

    public TranslationWorker newTranslationWorker() {
        return new TranslationWorker(translations, articles, translator, config.translation().targets(),
                config.translation().workers(), TRANSLATION_LEASE, config.translation().maxHoldBackoff(), clock);
    }

    public PollScheduler newScheduler() {
        return new PollScheduler(config.sources(), sourceRunner, sourceStates, config.fetch().concurrency(), clock);
    }

    public WebServer newWebServer() {
        return new WebServer(config.server(), config.sources(), sourceStates, articles, translations,
                database::isReachable,
                Optional.ofNullable(environment.get(ADMIN_TOKEN_VARIABLE)));
    }

    @Override
    public void close() {
        database.close();
    }

    private static SourceRunReport await(Future<SourceRunReport> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while ingesting", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("source run crashed: " + e.getCause(), e.getCause());
        }
    }
}
