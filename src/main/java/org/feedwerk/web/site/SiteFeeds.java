package org.feedwerk.web.site;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.feedwerk.config.SiteConfig;
import org.feedwerk.publish.Publication;
import org.feedwerk.publish.PublicationStore;
import org.feedwerk.publish.PublishedContent;
import org.jsoup.nodes.Entities;

/**
 * The site's machine-readable outputs from live publications: RSS 2.0, Atom 1.0 (both written by Rome),
 * JSON Feed 1.1, the sitemap and the Google News sitemap (articles of the last 48 hours). Withdrawn articles are
 * in none of them.
 */
public final class SiteFeeds {
    private static final int FEED_ITEMS = 50;
    private static final int SITEMAP_URLS = 50_000;
    private static final int NEWS_SITEMAP_URLS = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PublicationStore publications;
    private final SiteConfig site;
    private final String language;
    private final SitePages pages;

    /** The feeds and sitemaps of the edition {@code pages} belongs to, under its home ({@code /} or {@code /es/}). */
    public SiteFeeds(PublicationStore publications, SiteConfig site, String language, SitePages pages) {
        this.publications = publications;
        this.site = site;
        this.language = language;
        this.pages = pages;
    }

    private String home() {
        return site.base() + pages.home();
    }

    public String rss() {
        return write(feed("rss_2.0", "feed.xml"));
    }

    public String atom() {
        return write(feed("atom_1.0", "atom.xml"));
    }

    private SyndFeed feed(String type, String selfPath) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(type);
        feed.setTitle(site.name());
        feed.setLink(home());
        feed.setUri(home());
        feed.setDescription(pages.messages().t("feed.description"));
        feed.setLanguage(language);
        SyndLink self = new SyndLinkImpl();
        self.setRel("self");
        self.setHref(home() + selfPath);
        SyndLink alternate = new SyndLinkImpl();
        alternate.setRel("alternate");
        alternate.setHref(home());
        feed.setLinks(List.of(alternate, self));
        List<SyndEntry> entries = new ArrayList<>();
        Instant newest = Instant.EPOCH;
        for (Publication publication : live()) {
            PublishedContent content = publication.content();
            entries.add(entry(content));
            newest = content.publishedAt().isAfter(newest) ? content.publishedAt() : newest;
        }
        feed.setPublishedDate(Date.from(newest));
        feed.setEntries(entries);
        return feed;
    }

    private SyndEntry entry(PublishedContent content) {
        String url = articleUrl(content);
        SyndEntry entry = new SyndEntryImpl();
        entry.setTitle(content.headline());
        entry.setLink(url);
        entry.setUri(url);
        entry.setPublishedDate(Date.from(content.firstPublishedAt()));
        entry.setUpdatedDate(Date.from(content.publishedAt()));
        entry.setAuthor(content.byline() != null ? content.byline() : content.attribution());
        SyndContent description = new SyndContentImpl();
        description.setType("text/plain");
        description.setValue(content.teaser() != null ? content.teaser() : content.headline());
        entry.setDescription(description);
        SyndContent body = new SyndContentImpl();
        body.setType("html");
        body.setValue(content.bodyHtml() + "<p><em>" + Entities.escape(site.disclaimerFor(content.language()))
                + "</em> Quelle: " + Entities.escape(content.attribution()) + ". Übersetzt mit "
                + Entities.escape(content.engine()) + ".</p>");
        entry.setContents(List.of(body));
        return entry;
    }

    private static String write(SyndFeed feed) {
        try {
            return new SyndFeedOutput().outputString(feed, true);
        } catch (FeedException e) {
            throw new IllegalStateException("feed cannot be written: " + e.getMessage(), e);
        }
    }

    public String jsonFeed() {
        ObjectNode feed = JSON.createObjectNode();
        feed.put("version", "https://jsonfeed.org/version/1.1");
        feed.put("title", site.name());
        feed.put("home_page_url", home());
        feed.put("feed_url", home() + "feed.json");
        feed.put("language", language);
        ArrayNode items = feed.putArray("items");
        for (Publication publication : live()) {
            PublishedContent content = publication.content();
            ObjectNode item = items.addObject();
            item.put("id", site.base() + "/" + content.language() + "/" + content.articleId());
            item.put("url", articleUrl(content));
            if (content.originalUrl() != null) {
                item.put("external_url", content.originalUrl());
            }
            item.put("title", content.headline());
            if (content.teaser() != null) {
                item.put("summary", content.teaser());
            }
            item.put("content_html", content.bodyHtml());
            item.put("date_published", content.firstPublishedAt().toString());
            item.put("date_modified", content.publishedAt().toString());
            item.put("language", content.language());
            item.putArray("authors")
                    .addObject()
                    .put("name", content.byline() != null ? content.byline() : content.attribution());
            if (content.imageUrl() != null) {
                item.put("image", content.imageUrl());
            }
            if (!content.subjects().isEmpty()) {
                ArrayNode tags = item.putArray("tags");
                content.subjects().forEach(tags::add);
            }
        }
        return feed.toPrettyString();
    }

    public String sitemap() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        xml.append("<url><loc>").append(xml(home())).append("</loc></url>\n");
        for (Publication publication : publications.listLive(language, null, SITEMAP_URLS, 0)) {
            PublishedContent content = publication.content();
            xml.append("<url><loc>")
                    .append(xml(articleUrl(content)))
                    .append("</loc><lastmod>")
                    .append(content.publishedAt())
                    .append("</lastmod></url>\n");
        }
        return xml.append("</urlset>\n").toString();
    }

    /** Google News sitemap: articles first published within the last 48 hours. */
    public String newsSitemap(Instant now) {
        Instant since = now.minus(Duration.ofHours(48));
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
                + "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n");
        for (Publication publication : publications.listLive(language, null, NEWS_SITEMAP_URLS, 0)) {
            PublishedContent content = publication.content();
            if (content.firstPublishedAt().isBefore(since)) {
                continue;
            }
            xml.append("<url><loc>")
                    .append(xml(articleUrl(content)))
                    .append("</loc><news:news>")
                    .append("<news:publication><news:name>")
                    .append(xml(site.name()))
                    .append("</news:name><news:language>")
                    .append(content.language())
                    .append("</news:language></news:publication><news:publication_date>")
                    .append(content.firstPublishedAt())
                    .append("</news:publication_date><news:title>")
                    .append(xml(content.headline()))
                    .append("</news:title></news:news></url>\n");
        }
        return xml.append("</urlset>\n").toString();
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&apos;");
    }

    private List<Publication> live() {
        return publications.listLive(language, null, FEED_ITEMS, 0);
    }

    private String articleUrl(PublishedContent latest) {
        return site.base()
                + pages.pagePath(latest.articleId())
                        .orElseGet(() -> pages.urls().path(latest));
    }
}
