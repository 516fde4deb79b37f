package org.feedwerk.parse;

import java.util.List;

/**
 * A parsed document: the feed's own metadata, its items in document order, packages grouping items, the address
 * of the feed's next (older) page where the feed is paged (RFC 5005 {@code <atom:link rel="next">}, JSON Feed
 * {@code next_url}), absolute, or null; and the entries the publisher says it deleted (RFC 6721 tombstones).
 */
public record ParsedFeed(
        FeedFormat format,
        String title,
        String link,
        String language,
        List<Item> items,
        List<ItemPackage> packages,
        String nextPage,
        List<DeletedEntry> deletedEntries) {
    public ParsedFeed {
        items = List.copyOf(items);
        packages = packages == null ? List.of() : List.copyOf(packages);
        deletedEntries = deletedEntries == null ? List.of() : List.copyOf(deletedEntries);
    }

    public ParsedFeed(
            FeedFormat format,
            String title,
            String link,
            String language,
            List<Item> items,
            List<ItemPackage> packages) {
        this(format, title, link, language, items, packages, null, null);
    }

    public ParsedFeed(FeedFormat format, String title, String link, String language, List<Item> items) {
        this(format, title, link, language, items, List.of(), null, null);
    }

    public ParsedFeed withItems(List<Item> replaced) {
        return new ParsedFeed(format, title, link, language, replaced, packages, nextPage, deletedEntries);
    }
}
