package org.feedwerk.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.feedwerk.publish.Publication;
import org.feedwerk.publish.PublicationStore;
import org.feedwerk.web.PageCache.Page;

/**
 * Writes the same site as static files: every list page, every version of every live article page (as
 * {@code …/index.html}), the feeds and sitemaps. Withdrawn articles are not written. Search needs the server.
 */
public final class SiteExporter {
    private final SitePages pages;
    private final SiteFeeds feeds;
    private final PublicationStore publications;
    private final String language;
    private final List<String> sourceIds;

    public SiteExporter(SitePages pages, SiteFeeds feeds, PublicationStore publications, String language,
            List<String> sourceIds) {
        this.pages = pages;
        this.feeds = feeds;
        this.publications = publications;
        this.language = language;
        this.sourceIds = List.copyOf(sourceIds);
    }

    /** Writes the site under {@code directory}; returns the number of files written. */
    public int export(Path directory, Instant now) {
        int files = 0;
        for (int page = 1; page <= pages.pageCount(null); page++) {
            files += write(directory, page == 1 ? "/" : SitePages.pagePath("/", page), pages.front(page));
        }
        for (String source : sourceIds) {
            for (int page = 1; page <= pages.pageCount(source); page++) {
                String path = "/quelle/" + source;
                files += write(directory, page == 1 ? path : SitePages.pagePath(path, page), pages.source(source, page));
            }
        }
        for (Publication live : publications.listLive(language, null, Integer.MAX_VALUE, 0)) {
            List<Publication> versions = publications.listPublications(live.content().articleId()).stream()
                    .filter(publication -> language.equals(publication.content().language())).toList();
            String path = pages.urls().path(versions.get(0).content());
            files += write(directory, path, pages.article(path, null));
            for (Publication version : versions) {
                files += write(directory, path + "/fassung/" + version.content().sequence(),
                        pages.article(path, version.content().sequence()));
            }
        }
        files += writeFile(directory.resolve("feed.xml"), feeds.rss());
        files += writeFile(directory.resolve("atom.xml"), feeds.atom());
        files += writeFile(directory.resolve("feed.json"), feeds.jsonFeed());
        files += writeFile(directory.resolve("sitemap.xml"), feeds.sitemap());
        files += writeFile(directory.resolve("news-sitemap.xml"), feeds.newsSitemap(now));
        files += writeFile(directory.resolve("pruefkette.json"), pages.chainHeads());
        return files;
    }

    private static int write(Path directory, String path, Page page) {
        if (page.status() != 200) {
            return 0;
        }
        return writeFile(directory.resolve(path.substring(1)).resolve("index.html"), page.body());
    }

    private static int writeFile(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return 1;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
