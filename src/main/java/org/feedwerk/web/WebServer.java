package org.feedwerk.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.feedwerk.FeedwerkException;
import org.feedwerk.article.ArticleStore;
import org.feedwerk.config.ServerConfig;
import org.feedwerk.config.SourceConfig;
import org.feedwerk.metrics.FeedwerkMetrics;
import org.feedwerk.publish.PublicationStore;
import org.feedwerk.publish.Publisher;
import org.feedwerk.source.SourceStateStore;
import org.feedwerk.translate.TranslationStore;
import org.feedwerk.web.admin.ConsoleRoutes;
import org.feedwerk.web.api.ApiError;
import org.feedwerk.web.api.ApiRoutes;
import org.feedwerk.web.api.ApiViews;
import org.feedwerk.web.api.BearerTokenCheck;
import org.feedwerk.web.api.LoginFailures;
import org.feedwerk.web.site.CachedPageHandler;
import org.feedwerk.web.site.PageCache;
import org.feedwerk.web.site.SiteFeeds;
import org.feedwerk.web.site.SitePages;
import org.feedwerk.web.site.SiteRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP server of {@code run}: health, the JSON API, and the one place where errors become HTTP statuses. */
public final class WebServer {
    private static final Logger log = LoggerFactory.getLogger(WebServer.class);

    private final Javalin app;
    private final ServerConfig config;

    /**
     * The public site: one edition per target language under {@code /L/} (pages and feeds), the default edition
     * also at {@code /} ({@code pagesByLanguage} holds it with that home), and the cache they share.
     */
    public record Site(
            Map<String, SitePages> pagesByLanguage,
            String primaryLanguage,
            SiteFeeds feeds,
            PageCache cache,
            boolean embedsImages,
            Map<String, SitePages> editions,
            Map<String, SiteFeeds> editionFeeds) {}

    /** What the JSON API reads and the one thing it may do: withdraw. */
    public record Api(
            List<SourceConfig> sources,
            SourceStateStore states,
            ArticleStore articles,
            TranslationStore translations,
            PublicationStore publications,
            Publisher publisher) {}

    /** Health and metrics: the registry, and what keeps the service from being ready (empty when ready). */
    /** Metrics, readiness, and the wrong-token log shared by every web process. */
    public record Operations(
            FeedwerkMetrics metrics, Supplier<List<String>> readinessProblems, LoginFailures loginFailures) {}

    public WebServer(
            ServerConfig config,
            Api apiParts,
            Site site,
            BooleanSupplier storeReachable,
            Optional<String> adminToken,
            Clock clock,
            Operations operations,
            ConsoleRoutes.Parts console) {
        this.config = config;
        BearerTokenCheck auth =
                new BearerTokenCheck(adminToken, clock, config.trustedProxies(), operations.loginFailures());
        ApiRoutes api = new ApiRoutes(apiParts, auth, site.pagesByLanguage().get(site.primaryLanguage()));
        SiteRoutes siteRoutes = new SiteRoutes(site, clock);
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        this.app = Javalin.create(javalin -> {
            javalin.jsonMapper(new JavalinJackson(mapper, false));
            javalin.startup.showJavalinBanner = false;
            javalin.jetty.host = config.host();
            javalin.jetty.port = config.port();
            javalin.jetty.threadPool = new QueuedThreadPool(config.maxThreads(), 4);
            // Javalin attaches its servlet context inside this wrapper; cached pages never reach the router.
            javalin.jetty.modifyServer(server -> server.setHandler(new CachedPageHandler(
                    site.cache(), operations.metrics(), SecurityHeaders.of(site.embedsImages()))));
            javalin.routes.get("/healthz", context -> {
                boolean reachable = storeReachable.getAsBoolean();
                context.status(reachable ? 200 : 503).json(Map.of("status", reachable ? "ok" : "store unreachable"));
            });
            javalin.routes.get("/readyz", context -> {
                List<String> problems = operations.readinessProblems().get();
                context.status(problems.isEmpty() ? 200 : 503)
                        .json(Map.of("status", problems.isEmpty() ? "ready" : "not ready", "problems", problems));
            });
            javalin.routes.get(
                    "/metrics",
                    context -> context.contentType("text/plain; version=0.0.4; charset=utf-8")
                            .result(operations.metrics().scrape()));
            javalin.routes.after(context -> operations
                    .metrics()
                    .recordHttpRequest(route(context), context.method().name(), context.statusCode()));
            Map<String, String> securityHeaders = SecurityHeaders.of(site.embedsImages());
            javalin.routes.before(context -> securityHeaders.forEach(context::header));
            javalin.routes.before("/api/*", auth::require);
            api.register(javalin.routes);
            siteRoutes.register(javalin.routes);
            new ConsoleRoutes(console, auth, clock).register(javalin.routes);
            javalin.routes.exception(
                    ApiError.class,
                    (error, context) ->
                            context.status(error.status()).json(new ApiViews.ErrorView(error.getMessage())));
            javalin.routes.exception(Exception.class, (error, context) -> {
                log.atError()
                        .addKeyValue("path", context.path())
                        .setCause(error)
                        .log("request failed");
                context.status(500).result("Interner Fehler");
            });
            javalin.routes.exception(FeedwerkException.class, (error, context) -> {
                log.atError()
                        .addKeyValue("path", context.path())
                        .addKeyValue("reason", error.getMessage())
                        .log("request failed");
                context.status(503).json(new ApiViews.ErrorView(error.getMessage()));
            });
        });
    }

    private static String route(Context context) {
        try {
            return context.endpoints().matchedHttpEndpoint().path; // the route, not the after-handler's "*"
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }

    public void start() {
        app.start();
        log.atInfo()
                .addKeyValue("host", config.host())
                .addKeyValue("port", app.port())
                .log("http server started");
    }

    /** The bound port (useful with port 0 in tests). */
    public int port() {
        return app.port();
    }

    public void stop() {
        app.stop();
    }
}
