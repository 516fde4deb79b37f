package org.feedwerk.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.feedwerk.article.ArticleIngestor;
import org.feedwerk.article.ArticleNormalizer;
import org.feedwerk.article.ArticleStore;
import org.feedwerk.config.FeedwerkConfig;
import org.feedwerk.config.SourceConfig;
import org.feedwerk.coordination.Signal;
import org.feedwerk.coordination.Signals;
import org.feedwerk.metrics.FeedwerkMetrics;
import org.feedwerk.metrics.MeteringTranslationStore;
import org.feedwerk.parse.FeedParsers;
import org.feedwerk.pipeline.DocumentIngestor;
import org.feedwerk.pipeline.DropFolderReader;
import org.feedwerk.pipeline.DropFolderWatcher;
import org.feedwerk.pipeline.Housekeeping;
import org.feedwerk.pipeline.HttpSourceReader;
import org.feedwerk.pipeline.PollScheduler;
import org.feedwerk.pipeline.PublishLoop;
import org.feedwerk.pipeline.Readiness;
import org.feedwerk.pipeline.SourceRunReport;
import org.feedwerk.pipeline.SourceRunner;
import org.feedwerk.pipeline.SourceStateRecorder;
import org.feedwerk.pipeline.TranslationWorker;
import org.feedwerk.postedit.PostEditReview;
import org.feedwerk.postedit.QualityGate;
import org.feedwerk.publish.ChainFollower;
import org.feedwerk.publish.ChainVerifier;
import org.feedwerk.publish.Publication;
import org.feedwerk.publish.PublicationListener;
import org.feedwerk.publish.PublicationStore;
import org.feedwerk.publish.Publisher;
import org.feedwerk.search.LazySearchIndex;
import org.feedwerk.search.SearchIndex;
import org.feedwerk.source.Backoff;
import org.feedwerk.source.DropFolder;
import org.feedwerk.source.HttpFeedFetcher;
import org.feedwerk.source.SourceStateStore;
import org.feedwerk.store.Database;
import org.feedwerk.store.JdbiArticleStore;
import org.feedwerk.store.JdbiPublicationStore;
import org.feedwerk.store.JdbiSourceStateStore;
import org.feedwerk.store.JdbiTranslationStore;
import org.feedwerk.store.JdbiWebStateStore;
import org.feedwerk.store.PayloadArchive;
import org.feedwerk.store.PgSignalRelay;
import org.feedwerk.translate.ArticleTranslator;
import org.feedwerk.translate.EngineChain;
import org.feedwerk.translate.EngineFactory;
import org.feedwerk.translate.EngineMonitor;
import org.feedwerk.translate.GlossaryBook;
import org.feedwerk.translate.LinguaLanguageDetector;
import org.feedwerk.translate.Sleeper;
import org.feedwerk.translate.TranslationEngine;
import org.feedwerk.translate.TranslationStore;
import org.feedwerk.web.WebServer;
import org.feedwerk.web.admin.ConsoleRoutes;
import org.feedwerk.web.site.PageCache;
import org.feedwerk.web.site.SiteExporter;
import org.feedwerk.web.site.SiteFeeds;
import org.feedwerk.web.site.SitePages;

/** The composition root: the only place that builds and wires Feedwerk's parts. */
public final class Application implements AutoCloseable {
    public static final String ADMIN_TOKEN_VARIABLE = "FEEDWERK_ADMIN_TOKEN";
    public static final String DATABASE_PASSWORD_VARIABLE = "FEEDWERK_DATABASE_PASSWORD";
    /** A translation claim older than this belongs to a worker that died; the article is claimed again. */
    /** Renewed every quarter of it while a translation runs; after a crash an article waits at most this long. */
    private static final Duration TRANSLATION_LEASE = Duration.ofSeconds(30);

    private final FeedwerkConfig config;
    private final Map<String, String> environment;
    private final Clock clock;
    private final Database database;
    private final ArticleStore articles;
    private final SourceStateStore sourceStates;
    private final SourceRunner sourceRunner;
    private final TranslationStore translations;
    private final FeedwerkMetrics metrics;
    private final EngineChain engineChain;
    private final ArticleTranslator translator;
    private final EngineMonitor engineMonitor;
    private final JdbiPublicationStore publications;
    private final PageCache pageCache = new PageCache();
    private final Publisher publisher;
    private final Map<String, SourceConfig> sourcesById;
    private final LazySearchIndex searchIndex;
    private final Signals signals = new Signals();
    private final JdbiWebStateStore webState;
    private PgSignalRelay relay;

    private Application(FeedwerkConfig config, Map<String, String> environment, Clock clock) {
        this.config = config;
        this.environment = Map.copyOf(environment);
        this.clock = clock;
        this.database = Database.open(config.database(), config.dataDir(), environment.get(DATABASE_PASSWORD_VARIABLE));
        this.articles = new JdbiArticleStore(database);
        this.sourceStates = new JdbiSourceStateStore(database);
        this.webState = new JdbiWebStateStore(database);
        this.metrics = new FeedwerkMetrics(articles::countByStatus, clock);
        HttpFeedFetcher fetcher = new HttpFeedFetcher(config.fetch(), clock);
        SourceStateRecorder sourceRecorder =
                new SourceStateRecorder(sourceStates, new Backoff(config.fetch().maxBackoff(), new Random()), clock);
        DocumentIngestor documents = new DocumentIngestor(
                new FeedParsers(),
                new ArticleIngestor(
                        articles, new ArticleNormalizer(), clock, config.fetch().maxItemsPerDocument()),
                new PayloadArchive(config.dataDir()));
        this.sourceRunner = new SourceRunner(
                new HttpSourceReader(fetcher, documents, sourceRecorder, environment),
                new DropFolderReader(
                        new DropFolder(),
                        documents,
                        sourceStates,
                        sourceRecorder,
                        config.fetch().dropSettle(),
                        fetcher.maxBodyBytes(),
                        clock),
                sourceStates,
                sourceRecorder,
                clock,
                (report, elapsed) -> {
                    metrics.recordSourceRun(report, elapsed);
                    if (report.counts().newArticles() + report.counts().newRevisions() > 0) {
                        signals.announce(Signal.FETCHED);
                    }
                    if (report.counts().packages() > 0) {
                        pageCache.clear(); // groupings changed the "Zum Thema" lists of published pages
                        signals.announce(Signal.REGROUPED);
                    }
                });
        this.translations = new MeteringTranslationStore(new JdbiTranslationStore(database), metrics);
        this.engineChain = new EngineChain(new EngineFactory(
                        environment,
                        clock,
                        Sleeper.REAL,
                        config.models().directory(config.dataDir()),
                        config.models(),
                        EngineFactory.backgroundDownloads())
                .build(config.translation().engines()));
        Set<String> detectable = Set.copyOf(config.translation().detectLanguages());
        LinguaLanguageDetector detector =
                new LinguaLanguageDetector(config.translation().detectLanguages());
        Map<String, Long> budgets = new HashMap<>();
        config.translation().engines().stream()
                .filter(engine -> engine.dailyCharBudget() != null)
                .forEach(engine -> budgets.put(engine.name(), engine.dailyCharBudget()));
        this.engineMonitor = new EngineMonitor(
                budgets,
                translations,
                clock,
                (engine, error) ->
                        metrics.recordEngineError(engine, error.kind().name().toLowerCase()));
        this.translator = new ArticleTranslator(
                engineChain,
                translations,
                detector,
                detectable,
                new GlossaryBook(
                        config.translation().glossary(), config.translation().doNotTranslate()),
                new PostEditReview(new QualityGate(detector::detect)),
                engineMonitor,
                clock);
        this.publications = new JdbiPublicationStore(database);
        this.searchIndex = new LazySearchIndex(config.dataDir().resolve("search"), this::livePublications);
        this.sourcesById = config.sources().stream().collect(Collectors.toMap(SourceConfig::id, source -> source));
        this.publisher = new Publisher(
                publications,
                articles,
                translations,
                sourcesById,
                config.translation().targets(),
                clock,
                new SiteListeners(pageCache, searchIndex, metrics, () -> signals.announce(Signal.SITE_CHANGED)));
    }

    /**
     * The search index, opened (and rebuilt from the live publications) on first use, so that commands that do
     * not serve the site never take its lock.
     */
    public SearchIndex searchIndex() {
        return searchIndex.get();
    }

    private List<Publication> livePublications() {
        List<Publication> live = new ArrayList<>();
        for (String language : config.translation().targets()) {
            live.addAll(publications.listLive(language, null, Integer.MAX_VALUE, 0));
        }
        return live;
    }

    /** Tells the page cache, the search index and the metrics about every change to the site. */
    private record SiteListeners(PageCache cache, LazySearchIndex search, FeedwerkMetrics metrics, Runnable announce)
            implements PublicationListener {
        @Override
        public void withheld(String articleId) {
            search.ifOpen(index -> index.withheld(articleId));
            cache.withheld(articleId);
            metrics.withheld(articleId);
            announce.run();
        }

        @Override
        public void published(Publication publication) {
            metrics.published(publication);
            search.ifOpen(index -> index.published(publication));
            cache.published(publication);
            announce.run();
        }

        @Override
        public void withdrawn(String articleId) {
            metrics.withdrawn(articleId);
            search.ifOpen(index -> index.withdrawn(articleId));
            cache.withdrawn(articleId);
            announce.run();
        }
    }

    /** What a web node learns from the audit log about changes made by other processes. */
    private record FollowedChanges(PageCache cache, Supplier<SearchIndex> search) implements PublicationListener {
        @Override
        public void published(Publication publication) {
            search.get().published(publication);
            cache.published(publication);
        }

        @Override
        public void withdrawn(String articleId) {
            search.get().withdrawn(articleId);
            cache.withdrawn(articleId);
        }

        @Override
        public void withheld(String articleId) {
            search.get().withheld(articleId);
            cache.withheld(articleId);
        }
    }

    /**
     * With PostgreSQL, hand-offs between processes go by {@code NOTIFY}; with SQLite there is one process and
     * signals stay in it.
     */
    public synchronized void startCoordination() {
        if (!database.isSqlite() && relay == null) {
            relay = new PgSignalRelay(database, signals);
            relay.start();
        }
    }

    public boolean usesSqlite() {
        return database.isSqlite();
    }

    /** Keeps this process's pages and search in step with what every process publishes and withdraws. */
    public ChainFollower newChainFollower() {
        return new ChainFollower(
                publications,
                config.translation().targets(),
                new FollowedChanges(pageCache, this::searchIndex),
                pageCache::clear,
                signals);
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
        ExecutorService pool =
                Executors.newFixedThreadPool(Math.max(1, Math.min(config.fetch().concurrency(), sources.size())));
        try {
            List<Future<SourceRunReport>> futures = sources.stream()
                    .map(source -> pool.submit(() -> sourceRunner.run(source)))
                    .toList();
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
        return new TranslationWorker(
                translations,
                articles,
                translator,
                config.translation().targets(),
                config.translation().workers(),
                TRANSLATION_LEASE,
                config.translation().maxHoldBackoff(),
                clock,
                signals);
    }

    public FeedwerkMetrics metrics() {
        return metrics;
    }

    public PublicationStore publications() {
        return publications;
    }

    public Publisher publisher() {
        return publisher;
    }

    public PublishLoop newPublishLoop() {
        return new PublishLoop(publisher, signals);
    }

    public Housekeeping newHousekeeping() {
        return new Housekeeping(articles, clock);
    }

    public ChainVerifier.Report verify() {
        return verify(List.of());
    }

    /** Verifies the chains and that each anchor recorded outside still matches. */
    public ChainVerifier.Report verify(List<ChainVerifier.Anchor> anchors) {
        return new ChainVerifier(publications).verify(anchors);
    }

    /** Records a configuration change (by the file's SHA-256) in the audit log, once per change. */
    public void recordConfiguration(String configurationText) {
        publisher.recordConfiguration(configurationText);
    }

    /** Wakes the scheduler's drop-folder sources as soon as a delivery settles. */
    public DropFolderWatcher newDropFolderWatcher(PollScheduler scheduler) {
        return new DropFolderWatcher(scheduler::wakeUp, config.fetch().dropSettle(), clock);
    }

    public PollScheduler newScheduler() {
        return new PollScheduler(
                config.sources(), sourceRunner, sourceStates, config.fetch().concurrency(), clock);
    }

    private WebServer.Site site() {
        List<String> targets = config.translation().targets();
        String primary = config.site().defaultEdition(targets);
        Map<String, SitePages> sitePages = new LinkedHashMap<>();
        Map<String, SitePages> editions = new LinkedHashMap<>();
        Map<String, SiteFeeds> editionFeeds = new LinkedHashMap<>();
        for (String language : targets) {
            SitePages edition = new SitePages(
                    publications, config.site(), language, sourcesById, this::searchIndex, "/" + language + "/");
            editions.put(language, edition);
            editionFeeds.put(language, new SiteFeeds(publications, config.site(), language, edition));
            sitePages.put(
                    language,
                    language.equals(primary)
                            ? new SitePages(publications, config.site(), language, sourcesById, this::searchIndex)
                            : edition);
        }
        return new WebServer.Site(
                sitePages,
                primary,
                new SiteFeeds(publications, config.site(), primary, sitePages.get(primary)),
                pageCache,
                config.site().embedsImages(),
                editions,
                editionFeeds);
    }

    /** Writes the site as static files; returns the number of files. */
    public int exportSite(Path directory) {
        WebServer.Site site = site();
        List<SiteExporter.Edition> editions = new ArrayList<>();
        editions.add(new SiteExporter.Edition(
                site.pagesByLanguage().get(site.primaryLanguage()), site.feeds(), site.primaryLanguage()));
        site.editions()
                .forEach((language, pages) -> editions.add(
                        new SiteExporter.Edition(pages, site.editionFeeds().get(language), language)));
        return new SiteExporter(
                        editions,
                        publications,
                        config.sources().stream().map(SourceConfig::id).toList())
                .export(directory, clock.instant());
    }

    public WebServer newWebServer() {
        WebServer.Site site = site();
        WebServer.Api api =
                new WebServer.Api(config.sources(), sourceStates, articles, translations, publications, publisher);
        return new WebServer(
                config.server(),
                api,
                site,
                database::isReachable,
                Optional.ofNullable(environment.get(ADMIN_TOKEN_VARIABLE)),
                clock,
                new WebServer.Operations(metrics, this::readinessProblems, webState),
                new ConsoleRoutes.Parts(
                        config.sources(),
                        config.translation().engines(),
                        sourceStates,
                        articles,
                        translations,
                        publications,
                        publisher,
                        engineChain,
                        engineMonitor,
                        config.site(),
                        webState));
    }

    /** Why the service is not ready (see {@link Readiness}); empty when ready. */
    public List<String> readinessProblems() {
        return new Readiness(
                        database::isReachable,
                        config.sources(),
                        config.translation().targets(),
                        engineChain,
                        engineMonitor)
                .problems();
    }

    @Override
    public synchronized void close() {
        if (relay != null) {
            relay.close();
        }
        engineChain.engines().forEach(TranslationEngine::close);
        searchIndex.close();
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
