package org.feedwerk.web.site;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import org.feedwerk.web.WebServer;
import org.feedwerk.web.site.PageCache.Page;

/**
 * The public site's routes; every answer comes from the page cache or is rendered and cached. Each language
 * edition {@code L} has its front page, source pages, search, feeds and sitemaps under {@code /L/}; the default
 * edition is also served at {@code /} and today's paths ({@code /feed.xml}, {@code /search}, …).
 */
public final class SiteRoutes {
    private final Map<String, SitePages> pagesByLanguage;
    private final SitePages pages;
    private final SiteFeeds feeds;
    private final Map<String, SitePages> editions;
    private final Map<String, SiteFeeds> editionFeeds;
    private final PageCache cache;
    private final Clock clock;

    public SiteRoutes(WebServer.Site site, Clock clock) {
        this.pagesByLanguage = Map.copyOf(site.pagesByLanguage());
        this.pages = site.pagesByLanguage().get(site.primaryLanguage());
        this.feeds = site.feeds();
        this.editions = Map.copyOf(site.editions());
        this.editionFeeds = Map.copyOf(site.editionFeeds());
        this.cache = site.cache();
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        editions.forEach((language, edition) ->
                registerEdition(routes, "/" + language + "/", edition, editionFeeds.get(language)));
        registerEdition(routes, "/", pages, feeds);
        routes.get(
                "/pruefkette.json",
                context -> send(context, new Page(200, "application/json; charset=utf-8", pages.chainHeads(), null)));
        pagesByLanguage.forEach((language, languagePages) -> {
            String article = "/" + language + "/{year}/{month}/{day}/{slug}";
            routes.get(article, context -> answer(context, () -> languagePages.article(context.path(), null)));
            routes.get(
                    article + "/fassung/{version}",
                    context -> answer(
                            context,
                            () -> languagePages.article(
                                    context.path().replaceFirst("/fassung/[^/]*$", ""), version(context))));
        });
    }

    /** The lists, search, feeds and sitemaps of one edition under {@code home}. */
    private void registerEdition(RoutesConfig routes, String home, SitePages pages, SiteFeeds feeds) {
        routes.get(home, context -> answer(context, () -> pages.front(1)));
        routes.get(home + "seite/{page}", context -> answer(context, () -> pages.front(pageNumber(context))));
        routes.get(
                home + "quelle/{source}",
                context -> answer(context, () -> pages.source(context.pathParam("source"), 1)));
        routes.get(
                home + "quelle/{source}/seite/{page}",
                context -> answer(context, () -> pages.source(context.pathParam("source"), pageNumber(context))));
        routes.get(home + "search", context -> send(context, pages.search(context.queryParam("q"))));
        routes.get(home + "feed.xml", context -> answer(context, () -> xml("application/rss+xml", feeds.rss())));
        routes.get(home + "atom.xml", context -> answer(context, () -> xml("application/atom+xml", feeds.atom())));
        routes.get(
                home + "feed.json",
                context -> answer(
                        context, () -> new Page(200, "application/feed+json; charset=utf-8", feeds.jsonFeed(), null)));
        routes.get(home + "sitemap.xml", context -> answer(context, () -> xml("application/xml", feeds.sitemap())));
        routes.get(
                home + "news-sitemap.xml",
                context -> send(context, xml("application/xml", feeds.newsSitemap(clock.instant()))));
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
        if (page.status() == 200) {
            context.header("ETag", page.etag());
            if (page.matches(context.header("If-None-Match"))) {
                context.status(304);
                return;
            }
        }
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
