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
 * Writes the same site as static files: for every edition (the default one at {@code /}, each language under
 * {@code /L/}) every list page, the feeds and sitemaps, and every version of every live article page (as
 * {@code …/index.html}). Withdrawn articles are not written. Search needs the server.
 */
public final class SiteExporter {
    /** The pages and feeds of one edition, under its home. */
    public record Edition(SitePages pages, SiteFeeds feeds, String language) {}

    private final List<Edition> editions;
    private final PublicationStore publications;
    private final List<String> sourceIds;

    public SiteExporter(
            SitePages pages, SiteFeeds feeds, PublicationStore publications, String language, List<String> sourceIds) {
        this(List.of(new Edition(pages, feeds, language)), publications, sourceIds);
    }

    /** The first edition writes the chain heads and, for each language, the article pages are written once. */
    public SiteExporter(List<Edition> editions, PublicationStore publications, List<String> sourceIds) {
        this.editions = List.copyOf(editions);
        this.publications = publications;
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
        Set<String> articlesWritten = new LinkedHashSet<>();
        for (Edition edition : editions) {
            exportEdition(directory, now, edition, articlesWritten.add(edition.language()), written);
        }
        writeFile(directory, "pruefkette.json", editions.get(0).pages().chainHeads(), written);
        removeStale(directory, written);
        return written.size();
    }

    private void exportEdition(Path directory, Instant now, Edition edition, boolean withArticles, Set<Path> written) {
        SitePages pages = edition.pages();
        String home = pages.home();
        for (int page = 1; page <= pages.pageCount(null); page++) {
            write(directory, page == 1 ? home : SitePages.pagePath(home, page), pages.front(page), written);
        }
        for (String source : sourceIds) {
            for (int page = 1; page <= pages.pageCount(source); page++) {
                String path = home + "quelle/" + source;
                write(
                        directory,
                        page == 1 ? path : SitePages.pagePath(path, page),
                        pages.source(source, page),
                        written);
            }
        }
        if (withArticles) {
            String language = edition.language();
            for (Publication live : publications.listLive(language, null, Integer.MAX_VALUE, 0)) {
                List<Publication> versions = publications
                        .listPublications(live.content().articleId())
                        .stream()
                        .filter(publication ->
                                language.equals(publication.content().language()))
                        .toList();
                String path = pages.urls().path(versions.get(0).content());
                write(directory, path, pages.article(path, null), written);
                for (Publication version : versions) {
                    write(
                            directory,
                            path + "/fassung/" + version.content().sequence(),
                            pages.article(path, version.content().sequence()),
                            written);
                }
            }
        }
        String folder = home.substring(1);
        writeFile(directory, folder + "feed.xml", edition.feeds().rss(), written);
        writeFile(directory, folder + "atom.xml", edition.feeds().atom(), written);
        writeFile(directory, folder + "feed.json", edition.feeds().jsonFeed(), written);
        writeFile(directory, folder + "sitemap.xml", edition.feeds().sitemap(), written);
        writeFile(directory, folder + "news-sitemap.xml", edition.feeds().newsSitemap(now), written);
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
        for (Path current = folder;
                current != null && current.startsWith(root) && !current.equals(root);
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
            String folder = path.replaceAll("^/+|/+$", "");
            writeFile(directory, folder.isEmpty() ? "index.html" : folder + "/index.html", page.body(), written);
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
