package org.feedwerk.web.site;

import java.util.List;

/** What the page templates show; built by {@link SitePages}, rendered by the JTE templates. */
public final class SiteViews {
    private SiteViews() {}

    /**
     * Site-wide parts of every page: {@code home} is the edition's root ({@code /} for the default edition,
     * {@code /es/} for another), {@code messages} its chrome.
     */
    public record Frame(
            String siteName,
            String language,
            String title,
            String description,
            String canonicalUrl,
            String baseUrl,
            String home,
            Messages messages) {
        /** A text of the page chrome in this edition's language. */
        public String t(String key, Object... arguments) {
            return messages.t(key, arguments);
        }
    }

    /** One article in a list. */
    public record Card(
            String url,
            String headline,
            String teaser,
            String attribution,
            String dateText,
            String dateIso,
            boolean updated,
            String updatedText) {}

    /** A page of the article list, for the front page and the source pages. */
    public record ListPage(Frame frame, String heading, List<Card> cards, String previousUrl, String nextUrl) {}

    /** An earlier or current version of an article page. */
    public record Version(int sequence, String url, String dateText, boolean current) {}

    /** A language version of the same article, for hreflang and the edition switcher. */
    public record Alternate(String language, String url, String languageName) {}

    public record ArticlePage(
            Frame frame,
            String headline,
            String teaser,
            String bodyHtml,
            String byline,
            String dateline,
            String attribution,
            String licence,
            String originalUrl,
            String engine,
            String translatedText,
            String publishedText,
            String publishedIso,
            String updatedText,
            String updatedIso,
            String disclaimer,
            List<Version> versions,
            List<Alternate> alternates,
            String imageUrl,
            String jsonLd,
            boolean olderVersion,
            boolean correction,
            List<Card> related,
            Proof proof) {}

    /**
     * Where this version stands in the publication chain: the SHA-256 of its exact content and of its chain entry,
     * which {@code feedwerk verify --anchor POSITION:SHA256} checks.
     */
    public record Proof(long position, String contentSha256, String entrySha256) {}

    /** The 410 page of a withdrawn article. */
    public record GonePage(Frame frame, String reason, String dateText) {}

    public record SearchPage(Frame frame, String query, List<Card> results, int total) {}

    public record MessagePage(Frame frame, String heading, String message) {}
}
