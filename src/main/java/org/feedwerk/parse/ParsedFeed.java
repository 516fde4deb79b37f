package org.feedwerk.parse;

import java.util.List;

/** A parsed document: the feed's own metadata and its items in document order. */
public record ParsedFeed(FeedFormat format, String title, String link, String language, List<Item> items) {
    public ParsedFeed {
        items = List.copyOf(items);
    }
}
