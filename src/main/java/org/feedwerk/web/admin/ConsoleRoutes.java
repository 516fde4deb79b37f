package org.feedwerk.web.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.feedwerk.article.Article;
import org.feedwerk.article.ArticleQuery;
import org.feedwerk.article.ArticleStatus;
import org.feedwerk.article.ArticleStore;
import org.feedwerk.config.EngineConfig;
import org.feedwerk.config.SiteConfig;
import org.feedwerk.config.SourceConfig;
import org.feedwerk.publish.PublicationStore;
import org.feedwerk.publish.Publisher;
import org.feedwerk.publish.WithdrawalRefused;
import org.feedwerk.source.SourceState;
import org.feedwerk.source.SourceStateStore;
import org.feedwerk.translate.EngineChain;
import org.feedwerk.translate.EngineMonitor;
import org.feedwerk.translate.Translation;
import org.feedwerk.translate.TranslationStatus;
import org.feedwerk.translate.TranslationStore;
import org.feedwerk.web.Templates;
import org.feedwerk.web.api.ApiError;
import org.feedwerk.web.api.BearerTokenCheck;
import org.feedwerk.web.site.Messages;
import org.feedwerk.web.site.SiteViews;

/**
 * The operator console under {@code /admin}: sources (pause, resume, fetch now), pipeline (queues, throughput,
 * held and failed articles, retry), engines (availability, budgets, characters sent and reused) and articles
 * (everything about one article, and withdrawal as the only action on it). Signed in with the admin token; every
 * form carries the session's CSRF token; every action goes into the audit log.
 */
public final class ConsoleRoutes {
    /** What the console reads and the few things it may change. */
    public record Parts(
            List<SourceConfig> sources,
            List<EngineConfig> engineConfigs,
            SourceStateStore states,
            ArticleStore articles,
            TranslationStore translations,
            PublicationStore publications,
            Publisher publisher,
            EngineChain engines,
            EngineMonitor monitor,
            SiteConfig site,
            ConsoleSessionStore sessions) {}

    private static final String ACTOR = "console";
    /** The console speaks German, whatever the site's editions. */
    private static final Messages CONSOLE_TEXTS = Messages.of("de");

    private final Parts parts;
    private final BearerTokenCheck auth;
    private final ConsoleSessions sessions;
    private final Clock clock;
    private final DateTimeFormatter time;

    public ConsoleRoutes(Parts parts, BearerTokenCheck auth, Clock clock) {
        this.parts = parts;
        this.auth = auth;
        this.clock = clock;
        this.sessions = new ConsoleSessions(parts.sessions(), clock);
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(ZoneId.of(parts.site().timeZone()));
    }

    public void register(RoutesConfig routes) {
        routes.before("/admin", this::guard);
        routes.before("/admin/*", this::guard);
        routes.get("/admin", context -> context.redirect("/admin/sources"));
        routes.get(
                "/admin/login",
                context -> html(context, "admin/login.jte", new ConsoleViews.LoginPage(frame("Anmelden"), null)));
        routes.post("/admin/login", this::login);
        routes.post("/admin/logout", this::logout);
        routes.get("/admin/sources", this::sources);
        routes.post("/admin/sources/{id}/pause", context -> setPaused(context, true));
        routes.post("/admin/sources/{id}/resume", context -> setPaused(context, false));
        routes.post("/admin/sources/{id}/fetch", this::fetchNow);
        routes.get("/admin/pipeline", this::pipeline);
        routes.post("/admin/pipeline/retry", context -> retry(context, null));
        routes.get("/admin/engines", this::engines);
        routes.get("/admin/articles", this::articles);
        routes.get("/admin/articles/{id}", this::article);
        routes.post("/admin/articles/{id}/retry", context -> retry(context, context.pathParam("id")));
        routes.post("/admin/articles/{id}/withdraw", this::withdraw);
    }

    /** Without a configured token the console is closed; with one, it needs a session and forms need CSRF. */
    private void guard(Context context) {
        if (!auth.isConfigured()) {
            throw new ApiError(403, "the console needs FEEDWERK_ADMIN_TOKEN to be set on the server");
        }
        if (context.path().equals("/admin/login")) {
            return;
        }
        Optional<ConsoleSessions.Session> session = sessions.find(context.cookie(ConsoleSessions.COOKIE));
        if (session.isEmpty()) {
            context.redirect("/admin/login", HttpStatus.SEE_OTHER);
            context.skipRemainingHandlers();
            return;
        }
        if (context.method() == HandlerType.POST && !session.get().csrfToken().equals(context.formParam("csrf"))) {
            throw new ApiError(403, "missing or wrong form token (CSRF)");
        }
        context.attribute("session", session.get());
    }

    private void login(Context context) {
        String client = auth.client(context);
        String token = context.formParam("token");
        BearerTokenCheck.Verdict verdict = auth.verify(token == null ? "" : token, client);
        if (verdict == BearerTokenCheck.Verdict.THROTTLED) {
            Duration wait = auth.waitFor(client).orElse(Duration.ofMinutes(1));
            long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
            context.status(429).header("Retry-After", String.valueOf(Math.max(1, wait.toSeconds())));
            html(
                    context,
                    "admin/login.jte",
                    new ConsoleViews.LoginPage(
                            frame("Anmelden"),
                            "Zu viele falsche " + "Versuche von dieser Adresse; bitte in " + minutes
                                    + " Minuten erneut versuchen."));
            return;
        }
        if (verdict != BearerTokenCheck.Verdict.RIGHT) {
            context.status(401);
            html(context, "admin/login.jte", new ConsoleViews.LoginPage(frame("Anmelden"), "Das Token stimmt nicht."));
            return;
        }
        audit("sign-in", "console", "client=" + client);
        ConsoleSessions.Session session = sessions.create();
        context.header("Set-Cookie", ConsoleSessions.cookie(session, isHttps(context)));
        context.redirect("/admin/sources", HttpStatus.SEE_OTHER);
    }

    private void logout(Context context) {
        sessions.end(context.cookie(ConsoleSessions.COOKIE));
        context.header("Set-Cookie", ConsoleSessions.expiredCookie());
        context.redirect("/admin/login", HttpStatus.SEE_OTHER);
    }

    private void sources(Context context) {
        Map<String, Integer> recent =
                parts.articles().countNewArticlesSince(clock.instant().minus(Duration.ofHours(24)));
        List<ConsoleViews.SourceRow> rows = new ArrayList<>();
        for (SourceConfig source : parts.sources()) {
            SourceState state = parts.states().findState(source.id()).orElse(SourceState.initial(source.id()));
            rows.add(new ConsoleViews.SourceRow(
                    source.id(),
                    source.findUrl().isPresent() ? "http" : "dir",
                    source.location(),
                    format(state.lastSuccess()),
                    state.lastError(),
                    format(state.lastErrorAt()),
                    state.failures(),
                    state.lastAttempt() == null ? "fällig" : format(state.nextFetch()),
                    state.paused(),
                    recent.getOrDefault(source.id(), 0)));
        }
        html(context, "admin/sources.jte", new ConsoleViews.SourcesPage(page(context, "sources", "Quellen"), rows));
    }

    private void setPaused(Context context, boolean paused) {
        SourceConfig source = source(context);
        parts.states().setPaused(source.id(), paused);
        audit(paused ? "pause" : "resume", "source:" + source.id(), "");
        done(context, "/admin/sources", "Quelle " + source.id() + (paused ? " pausiert." : " fortgesetzt."));
    }

    /** The scheduler picks the source up within a second. */
    private void fetchNow(Context context) {
        SourceConfig source = source(context);
        SourceState state = parts.states().findState(source.id()).orElse(SourceState.initial(source.id()));
        parts.states().saveState(state.withNextFetch(clock.instant()));
        audit("fetch-now", "source:" + source.id(), "");
        done(context, "/admin/sources", "Quelle " + source.id() + " wird abgerufen.");
    }

    private void pipeline(Context context) {
        Map<ArticleStatus, Integer> counts = parts.articles().countByStatus();
        Map<ArticleStatus, Instant> oldest = parts.articles().oldestByStatus();
        List<ConsoleViews.StatusRow> statuses = new ArrayList<>();
        for (ArticleStatus status : ArticleStatus.values()) {
            statuses.add(new ConsoleViews.StatusRow(
                    status.wireName(), counts.getOrDefault(status, 0), format(oldest.get(status))));
        }
        Instant since = clock.instant().minus(Duration.ofHours(48));
        String chart = ConsoleChart.hourly(
                parts.articles().countNewArticlesPerHour(since),
                parts.publications().countPublicationsPerHour(since),
                clock.instant());
        html(
                context,
                "admin/pipeline.jte",
                new ConsoleViews.PipelinePage(
                        page(context, "pipeline", "Pipeline"),
                        statuses,
                        chart,
                        waiting(ArticleStatus.HELD),
                        waiting(ArticleStatus.FAILED)));
    }

    private List<ConsoleViews.WaitingArticle> waiting(ArticleStatus status) {
        List<ConsoleViews.WaitingArticle> rows = new ArrayList<>();
        for (Article article : parts.articles().listArticles(new ArticleQuery(status, null, 100))) {
            String qa = parts.translations().listTranslations(article.id()).stream()
                    .filter(translation -> translation.revision() == article.currentRevision())
                    .filter(translation -> translation.status() == TranslationStatus.REJECTED)
                    .map(translation -> translation.engine() + ": " + QaSummary.of(translation.qaReport()))
                    .reduce((a, b) -> a + " | " + b)
                    .orElse("–");
            rows.add(new ConsoleViews.WaitingArticle(
                    article.id(), article.headline(), status.wireName(), article.statusReason(), qa, "–"));
        }
        return rows;
    }

    private void retry(Context context, String articleId) {
        int count = parts.articles().retryNow(articleId, clock.instant());
        audit("retry", articleId == null ? "pipeline" : articleId, "articles=" + count);
        done(
                context,
                articleId == null ? "/admin/pipeline" : "/admin/articles/" + articleId,
                count + " Artikel werden erneut übersetzt.");
    }

    private void engines(Context context) {
        List<ConsoleViews.EngineRow> rows = new ArrayList<>();
        for (EngineConfig config : parts.engineConfigs()) {
            var engine = parts.engines().findEngine(config.name());
            String availability =
                    engine.flatMap(e -> parts.monitor().whyUnusable(e)).orElse("verfügbar");
            EngineMonitor.Errors errors = parts.monitor().errors(config.name());
            rows.add(new ConsoleViews.EngineRow(
                    config.name(),
                    config.type().name().toLowerCase(),
                    availability,
                    parts.monitor().budget(config.name()).map(String::valueOf).orElse("–"),
                    parts.monitor().usedToday(config.name()),
                    errors.count(),
                    errors.lastError() == null ? "–" : format(errors.lastErrorAt()) + " " + errors.lastError()));
        }
        List<ConsoleViews.UsageRow> usage = new ArrayList<>();
        for (TranslationStore.EngineDay day :
                parts.translations().usagePerDay(clock.instant().minus(Duration.ofDays(14)))) {
            long total = day.charsSent() + day.charsReused();
            usage.add(new ConsoleViews.UsageRow(
                    day.day().toString(),
                    day.engine(),
                    day.charsSent(),
                    day.charsReused(),
                    total == 0 ? "–" : Math.round(100.0 * day.charsReused() / total) + " %",
                    day.translations()));
        }
        html(
                context,
                "admin/engines.jte",
                new ConsoleViews.EnginesPage(page(context, "engines", "Engines"), rows, usage));
    }

    private void articles(Context context) {
        String query = Optional.ofNullable(context.queryParam("q")).orElse("").strip();
        List<Article> found = query.isEmpty()
                ? parts.articles().listArticles(new ArticleQuery(null, null, 50))
                : parts.articles().searchArticles(query, 50);
        html(
                context,
                "admin/articles.jte",
                new ConsoleViews.ArticlesPage(
                        page(context, "articles", "Artikel"),
                        query,
                        found.stream().map(this::row).toList()));
    }

    private void article(Context context) {
        String id = context.pathParam("id");
        Article article = parts.articles().findArticle(id).orElseThrow(() -> new ApiError(404, "no article " + id));
        var revisions = parts.articles().listRevisions(id).stream()
                .map(revision -> new ConsoleViews.RevisionRow(
                        revision.number(),
                        format(revision.createdAt()),
                        revision.contentHash(),
                        revision.content().sourceVersion() == null
                                ? "–"
                                : String.valueOf(revision.content().sourceVersion())))
                .toList();
        var translations = parts.translations().listTranslations(id).stream()
                .map(this::translationRow)
                .toList();
        var publications = parts.publications().listPublications(id).stream()
                .map(publication -> new ConsoleViews.PublicationRow(
                        publication.position(),
                        publication.content().language(),
                        publication.content().sequence(),
                        publication.content().revision(),
                        format(publication.content().publishedAt()),
                        publication.contentSha256(),
                        publication.previousSha256()))
                .toList();
        var audit = parts.publications().listAudit(id).stream()
                .map(entry -> new ConsoleViews.AuditRow(
                        entry.position(), format(entry.at()), entry.action(), entry.detail(), entry.entrySha256()))
                .toList();
        html(
                context,
                "admin/article.jte",
                new ConsoleViews.ArticlePage(
                        page(context, "articles", article.headline()),
                        row(article),
                        article.statusReason(),
                        article.link(),
                        revisions,
                        translations,
                        publications,
                        audit,
                        article.status() != ArticleStatus.WITHDRAWN));
    }

    private void withdraw(Context context) {
        String id = context.pathParam("id");
        try {
            parts.publisher().withdraw(id, context.formParam("reason"), ACTOR);
        } catch (WithdrawalRefused refused) {
            throw ApiError.of(refused);
        }
        done(context, "/admin/articles/" + id, "Artikel zurückgezogen.");
    }

    private ConsoleViews.TranslationRow translationRow(Translation translation) {
        return new ConsoleViews.TranslationRow(
                translation.revision(),
                translation.language(),
                translation.engine(),
                translation.status().wireName(),
                translation.charsSent(),
                translation.charsReused(),
                translation.postEdits().isEmpty() ? "–" : String.join(", ", translation.postEdits()),
                QaSummary.of(translation.qaReport()));
    }

    private ConsoleViews.ArticleRow row(Article article) {
        return new ConsoleViews.ArticleRow(
                article.id(),
                article.headline(),
                article.status().wireName(),
                article.sourceId(),
                format(article.updatedAt()));
    }

    private SourceConfig source(Context context) {
        String id = context.pathParam("id");
        return parts.sources().stream()
                .filter(source -> source.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new ApiError(404, "no source " + id));
    }

    private void audit(String action, String subject, String detail) {
        parts.publications().audit(clock.instant(), action, subject, ("actor=" + ACTOR + " " + detail).strip());
    }

    private void done(Context context, String location, String notice) {
        sessions.leaveNotice(context.attribute("session"), notice);
        context.redirect(location, HttpStatus.SEE_OTHER);
    }

    private ConsoleViews.Page page(Context context, String active, String title) {
        ConsoleSessions.Session session = context.attribute("session");
        return new ConsoleViews.Page(frame(title), session.csrfToken(), active, sessions.takeNotice(session));
    }

    private SiteViews.Frame frame(String title) {
        return new SiteViews.Frame(
                parts.site().name() + " · Konsole",
                "de",
                title + " – Konsole",
                null,
                null,
                parts.site().base(),
                "/",
                CONSOLE_TEXTS);
    }

    private void html(Context context, String template, Object model) {
        context.contentType("text/html; charset=utf-8")
                .header("Cache-Control", "no-store")
                .header("X-Frame-Options", "DENY")
                .result(Templates.render(template, model));
    }

    private String format(Instant instant) {
        return instant == null ? "–" : time.format(instant);
    }

    private static boolean isHttps(Context context) {
        return "https".equalsIgnoreCase(context.scheme())
                || "https".equalsIgnoreCase(context.header("X-Forwarded-Proto"));
    }
}
