package org.feedwerk.web.site;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import org.feedwerk.web.site.PageCache.Page;

/** The public site's routes; every answer comes from the page cache or is rendered and cached. */
public final class SiteRoutes {
    private final Map<String, SitePages> pagesByLanguage;
    private final SitePages pages;
    private final SiteFeeds feeds;
    private final PageCache cache;
    private final Clock clock;

    public SiteRoutes(Map<String, SitePages> pagesByLanguage, String primaryLanguage, SiteFeeds feeds, PageCache cache,
            Clock clock) {
        this.pagesByLanguage = Map.copyOf(pagesByLanguage);
        this.pages = pagesByLanguage.get(primaryLanguage);
        this.feeds = feeds;
        this.cache = cache;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/", context -> answer(context, () -> pages.front(1)));
        routes.get("/seite/{page}", context -> answer(context, () -> pages.front(pageNumber(context))));
        routes.get("/quelle/{source}", context -> answer(context, () -> pages.source(context.pathParam("source"), 1)));
        routes.get("/quelle/{source}/seite/{page}", context ->
                answer(context, () -> pages.source(context.pathParam("source"), pageNumber(context))));
        routes.get("/search", context -> send(context, pages.search(context.queryParam("q"))));
        routes.get("/feed.xml", context -> answer(context, () -> xml("application/rss+xml", feeds.rss())));
        routes.get("/atom.xml", context -> answer(context, () -> xml("application/atom+xml", feeds.atom())));
        routes.get("/feed.json", context -> answer(context, () ->
                new Page(200, "application/feed+json; charset=utf-8", feeds.jsonFeed(), null)));
        routes.get("/pruefkette.json", context -> send(context, new Page(200, "application/json; charset=utf-8",
                pages.chainHeads(), null)));
        routes.get("/sitemap.xml", context -> answer(context, () -> xml("application/xml", feeds.sitemap())));
        routes.get("/news-sitemap.xml", context -> send(context,
                xml("application/xml", feeds.newsSitemap(clock.instant()))));
        pagesByLanguage.forEach((language, languagePages) -> {
            String article = "/" + language + "/{year}/{month}/{day}/{slug}";
            routes.get(article, context -> answer(context, () -> languagePages.article(context.path(), null)));
            routes.get(article + "/fassung/{version}", context -> answer(context, () -> languagePages.article(
                    context.path().replaceFirst("/fassung/[^/]*$", ""), version(context))));
        });
    }

    /** Cached by path: these pages read no query parameters, so "?x=1" is the same page, not another entry. */
    private void answer(Context context, Supplier<Page> render) {
        send(context, cache.get(context.path(), render));
    }

    private static void send(Context context, Page page) {
        context.status(page.status()).contentType(page.contentType());
        if (page.location() != null) {
            context.header("Location", page.location());
        }
        context.header("Cache-Control", page.status() == 200 ? "public, max-age=60" : "no-cache");
        context.result(page.bytes());
    }

    private static Page xml(String type, String body) {
        return new Page(200, type + "; charset=utf-8", body, null);
    }

    /** An unusable page number becomes a page that does not exist (404), never page 1 under another URL. */
    private static int pageNumber(Context context) {
        String page = context.pathParam("page");
        return page.matches("[1-9][0-9]{0,5}") ? Integer.parseInt(page) : Integer.MAX_VALUE / 1000;
    }

    private static Integer version(Context context) {
        String version = context.pathParam("version");
        return version.matches("[1-9][0-9]{0,5}") ? Integer.valueOf(version) : -1;
    }
}
