package org.feedwerk.parse;

import java.util.List;
import java.util.Optional;

/**
 * A parsed document: the feed's own metadata, its items in document order, packages grouping items, and the
 * address of the feed's next (older) page where the feed is paged (RFC 5005 {@code <atom:link rel="next">}, JSON
 * Feed {@code next_url}), absolute, or null.
 */
public record ParsedFeed(
        FeedFormat format,
        String title,
        String link,
        String language,
        List<Item> items,
        List<ItemPackage> packages,
        String nextPage) {
    public ParsedFeed {
        items = List.copyOf(items);
        packages = packages == null ? List.of() : List.copyOf(packages);
    }

    public ParsedFeed(
            FeedFormat format,
            String title,
            String link,
            String language,
            List<Item> items,
            List<ItemPackage> packages) {
        this(format, title, link, language, items, packages, null);
    }

    public ParsedFeed(FeedFormat format, String title, String link, String language, List<Item> items) {
        this(format, title, link, language, items, List.of(), null);
    }

    public Optional<String> findNextPage() {
        return Optional.ofNullable(nextPage);
    }

    public ParsedFeed withItems(List<Item> replaced) {
        return new ParsedFeed(format, title, link, language, replaced, packages, nextPage);
    }

    public ParsedFeed withNextPage(String address) {
        return new ParsedFeed(format, title, link, language, items, packages, address);
    }
}
