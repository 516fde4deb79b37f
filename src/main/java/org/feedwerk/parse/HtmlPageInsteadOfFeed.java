package org.feedwerk.parse;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What to tell the operator when a source answers with a web page instead of a feed: the page's title (a bot check
 * such as "Just a moment...", an error or login page, or the site's home page) and the feeds the page names in its
 * {@code <link rel="alternate">} elements, the usual mistake being the site's address configured as the feed's.
 * The feed is not followed on its own: which document a source reads stays the configuration's decision.
 */
final class HtmlPageInsteadOfFeed {
    private static final int READ_BYTES = 256 * 1024;
    private static final int LONGEST_TITLE = 80;
    private static final Set<String> FEED_TYPES = Set.of(
            "application/rss+xml",
            "application/atom+xml",
            "application/feed+json",
            "application/json",
            "application/rdf+xml",
            "text/xml",
            "application/xml");

    private HtmlPageInsteadOfFeed() {}

    static ParseException error(Payload payload) {
        byte[] body = payload.body();
        byte[] start = body.length <= READ_BYTES ? body : Arrays.copyOf(body, READ_BYTES);
        String text = SecureXml.decode(new Payload(start, payload.contentType(), payload.origin()));
        Document page = Jsoup.parse(text, baseUri(payload.origin()));
        StringBuilder message = new StringBuilder("the document is an HTML page");
        String title = page.title().strip();
        if (!title.isEmpty()) {
            message.append(" (\"")
                    .append(title.length() > LONGEST_TITLE ? title.substring(0, LONGEST_TITLE) + "…" : title)
                    .append("\")");
        }
        message.append(", not a feed");
        Set<String> feeds = namedFeeds(page);
        if (!feeds.isEmpty()) {
            message.append("; the page names its feed")
                    .append(feeds.size() == 1 ? " at " : "s at ")
                    .append(String.join(", ", feeds))
                    .append(": set the source's url to ")
                    .append(feeds.size() == 1 ? "it" : "one of them");
        }
        return new ParseException(message.toString());
    }

    private static Set<String> namedFeeds(Document page) {
        Set<String> feeds = new LinkedHashSet<>();
        for (Element link : page.select("link[rel~=(?i)^alternate$][href][type]")) {
            String type = link.attr("type").strip().toLowerCase(Locale.ROOT);
            String address = link.absUrl("href");
            if (FEED_TYPES.contains(type) && !address.isEmpty()) {
                feeds.add(address);
            }
            if (feeds.size() == 3) {
                break;
            }
        }
        return feeds;
    }

    private static String baseUri(String origin) {
        return origin != null && origin.matches("(?i)https?://.*") ? origin : "";
    }
}
