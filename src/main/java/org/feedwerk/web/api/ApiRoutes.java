package org.feedwerk.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.feedwerk.article.Article;
import org.feedwerk.article.ArticleQuery;
import org.feedwerk.article.ArticleStatus;
import org.feedwerk.article.ArticleStore;
import org.feedwerk.article.Revision;
import org.feedwerk.config.SourceConfig;
import org.feedwerk.publish.PublicationStore;
import org.feedwerk.publish.Publisher;
import org.feedwerk.publish.WithdrawalRefused;
import org.feedwerk.source.SourceState;
import org.feedwerk.source.SourceStateStore;
import org.feedwerk.translate.Translation;
import org.feedwerk.translate.TranslationStatus;
import org.feedwerk.translate.TranslationStore;
import org.feedwerk.web.WebServer;
import org.feedwerk.web.site.SitePages;

/**
 * The read-only JSON API: sources and their state, articles and their revisions. Without an admin token
 * configured it fails closed: it serves only what the site serves (published articles), never an embargoed,
 * held, withheld or withdrawn one.
 */
public final class ApiRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;

    private final List<SourceConfig> sources;
    private final SourceStateStore states;
    private final ArticleStore articles;
    private final TranslationStore translations;
    private final PublicationStore publications;
    private final Publisher publisher;
    private final BearerTokenCheck auth;
    private final SitePages pages;

    public ApiRoutes(WebServer.Api parts, BearerTokenCheck auth, SitePages pages) {
        this.sources = parts.sources();
        this.states = parts.states();
        this.articles = parts.articles();
        this.translations = parts.translations();
        this.publications = parts.publications();
        this.publisher = parts.publisher();
        this.auth = auth;
        this.pages = pages;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/sources", this::listSources);
        routes.get("/api/articles", this::listArticles);
        routes.get("/api/articles/{id}", this::showArticle);
        routes.post("/api/articles/{id}/withdraw", this::withdraw);
        routes.get("/api/stats", context -> context.json(new ApiViews.StatsView(translations.countFailedChecks())));
    }

    /** Withdrawal is the only change the API allows, and only with the admin token configured and presented. */
    private void withdraw(Context context) {
        if (!auth.isConfigured()) {
            throw new ApiError(403, "withdrawal requires FEEDWERK_ADMIN_TOKEN to be set on the server");
        }
        String id = context.pathParam("id");
        String reason;
        try {
            var body = JSON.readTree(context.body());
            reason = body == null ? null : body.path("reason").asText(null);
        } catch (IOException e) {
            throw new ApiError(400, "body must be JSON: {\"reason\": \"…\"}");
        }
        try {
            publisher.withdraw(id, reason, "api");
        } catch (WithdrawalRefused refused) {
            throw ApiError.of(refused);
        }
        context.json(Map.of("id", id, "status", "withdrawn", "reason", reason.strip()));
    }

    private String pagePath(Article article) {
        return pages.pagePath(article.id()).orElse(null);
    }

    private void listSources(Context context) {
        var views = sources.stream()
                .map(source -> ApiViews.SourceView.of(
                        source, states.findState(source.id()).orElse(SourceState.initial(source.id()))))
                .toList();
        context.json(new ApiViews.SourcesView(views));
    }

    /** Without a token, anyone may read the API: it then shows only what the site shows. */
    private boolean isPublic() {
        return !auth.isConfigured();
    }

    private void listArticles(Context context) {
        ArticleStatus status = parseStatus(context.queryParam("status"));
        if (isPublic() && status != null && status != ArticleStatus.PUBLISHED) {
            throw new ApiError(403, "articles that are not published are shown only with FEEDWERK_ADMIN_TOKEN set");
        }
        ArticleQuery query = new ArticleQuery(
                isPublic() ? ArticleStatus.PUBLISHED : status,
                context.queryParam("source"),
                parseLimit(context.queryParam("limit")));
        var views = articles.listArticles(query).stream()
                .map(article -> ApiViews.ArticleSummaryView.of(article, pagePath(article)))
                .toList();
        context.json(new ApiViews.ArticlesView(views));
    }

    private void showArticle(Context context) {
        String id = context.pathParam("id");
        Article article = articles.findArticle(id)
                .filter(found -> !isPublic() || found.status() == ArticleStatus.PUBLISHED)
                .orElseThrow(() -> new ApiError(404, "no article " + id));
        List<Revision> revisions = articles.listRevisions(id);
        Revision current = revisions.stream()
                .filter(revision -> revision.number() == article.currentRevision())
                .findFirst()
                .orElseThrow(() -> new ApiError(500, "article " + id + " has no current revision"));
        List<Translation> shown = translations.listTranslations(id).stream()
                .filter(translation -> !isPublic() || translation.status() == TranslationStatus.TRANSLATED)
                .toList();
        context.json(ApiViews.ArticleDetailView.of(
                article, pagePath(article), current, revisions, shown, publications.findPackageMates(id)));
    }

    private static ArticleStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ArticleStatus.fromWireName(status.trim());
        } catch (IllegalArgumentException e) {
            throw new ApiError(
                    400,
                    "unknown status '" + status + "'; one of "
                            + Arrays.stream(ArticleStatus.values())
                                    .map(ArticleStatus::wireName)
                                    .toList());
        }
    }

    private static int parseLimit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value < 1 || value > MAX_LIMIT) {
                throw new ApiError(400, "limit must be between 1 and " + MAX_LIMIT);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ApiError(400, "limit must be a number");
        }
    }
}
