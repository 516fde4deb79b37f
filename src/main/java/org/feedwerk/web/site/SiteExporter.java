package org.feedwerk.web.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.feedwerk.publish.Publication;
import org.feedwerk.publish.PublicationStore;
import org.feedwerk.web.site.PageCache.Page;

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

    /** The list of files the last export wrote, kept in the export folder. */
    static final String MANIFEST = ".feedwerk-export";

    /**
     * Writes the site under {@code directory}; returns the number of files written. Files an earlier export wrote
     * that this one does not (the pages of an article withdrawn since) are removed; nothing else in the folder is
     * touched.
     */
    public int export(Path directory, Instant now) {
        Set<Path> written = new LinkedHashSet<>();
        for (int page = 1; page <= pages.pageCount(null); page++) {
            write(directory, page == 1 ? "/" : SitePages.pagePath("/", page), pages.front(page), written);
        }
        for (String source : sourceIds) {
            for (int page = 1; page <= pages.pageCount(source); page++) {
                String path = "/quelle/" + source;
                write(directory, page == 1 ? path : SitePages.pagePath(path, page), pages.source(source, page), written);
            }
        }
        for (Publication live : publications.listLive(language, null, Integer.MAX_VALUE, 0)) {
            List<Publication> versions = publications.listPublications(live.content().articleId()).stream()
                    .filter(publication -> language.equals(publication.content().language())).toList();
            String path = pages.urls().path(versions.get(0).content());
            write(directory, path, pages.article(path, null), written);
            for (Publication version : versions) {
                write(directory, path + "/fassung/" + version.content().sequence(),
                        pages.article(path, version.content().sequence()), written);
            }
        }
        writeFile(directory, "feed.xml", feeds.rss(), written);
        writeFile(directory, "atom.xml", feeds.atom(), written);
        writeFile(directory, "feed.json", feeds.jsonFeed(), written);
        writeFile(directory, "sitemap.xml", feeds.sitemap(), written);
        writeFile(directory, "news-sitemap.xml", feeds.newsSitemap(now), written);
        writeFile(directory, "pruefkette.json", pages.chainHeads(), written);
        removeStale(directory, written);
        return written.size();
    }

    private static void removeStale(Path directory, Set<Path> written) {
        Path manifest = directory.resolve(MANIFEST);
        try {
            if (Files.exists(manifest)) {
                for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                    Path previous = directory.resolve(line).normalize();
                    if (!line.isBlank() && previous.startsWith(directory) && !written.contains(Path.of(line))) {
                        Files.deleteIfExists(previous);
                        removeEmptyParents(directory, previous.getParent());
                    }
                }
            }
            Files.write(manifest, written.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update the export in " + directory, e);
        }
    }

    private static void removeEmptyParents(Path root, Path folder) throws IOException {
        for (Path current = folder; current != null && current.startsWith(root) && !current.equals(root);
                current = current.getParent()) {
            try (var entries = Files.list(current)) {
                if (entries.findAny().isPresent()) {
                    return;
                }
            }
            Files.delete(current);
        }
    }

    private static void write(Path directory, String path, Page page, Set<Path> written) {
        if (page.status() == 200) {
            writeFile(directory, path.substring(1) + (path.length() > 1 ? "/" : "") + "index.html", page.body(),
                    written);
        }
    }

    private static void writeFile(Path directory, String relative, String content, Set<Path> written) {
        Path file = directory.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            written.add(Path.of(relative));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
