package org.feedwerk.parse;

import java.util.List;

/** A parsed document: the feed's own metadata, its items in document order, and packages grouping items. */
public record ParsedFeed(
        FeedFormat format, String title, String link, String language, List<Item> items, List<ItemPackage> packages) {
    public ParsedFeed {
        items = List.copyOf(items);
        packages = packages == null ? List.of() : List.copyOf(packages);
    }

    public ParsedFeed(FeedFormat format, String title, String link, String language, List<Item> items) {
        this(format, title, link, language, items, List.of());
    }
}
