package org.feedwerk.parse;

import java.util.List;
import java.util.Locale;
import org.jsoup.internal.StringUtil;

/**
 * Relative item links and image addresses made absolute, as feed readers do. Real feeds write {@code /news/42} or
 * {@code 42.html} and leave the base to the reader: Atom through {@code xml:base} (RFC 4287, section 2), RSS by
 * convention through the channel's link. The base of an item is the one its document declares for it, else the
 * feed's own link, else the address the document was fetched from. The item's {@code link} stays as written, because
 * it is part of the article's key; {@link Item#url()} carries the absolute address.
 */
final class ItemLinks {
    private ItemLinks() {}

    /**
     * {@code reference} as an absolute http(s) address: as it is when it already is one, resolved against
     * {@code base} when it is relative and the base is an absolute http(s) address; otherwise null.
     */
    static String absolute(String reference, String base) {
        if (reference == null || reference.isBlank()) {
            return null;
        }
        String trimmed = reference.strip();
        if (isWebAddress(trimmed)) {
            return trimmed;
        }
        if (base == null || !isWebAddress(base)) {
            return null;
        }
        // A reference with a scheme of its own (javascript:, mailto:, data:) resolves to itself and is no web address.
        String resolved = StringUtil.resolve(base, trimmed);
        return isWebAddress(resolved) ? resolved : null;
    }

    /**
     * The feed with the address of every item that has none yet resolved against the feed's link (itself made
     * absolute against {@code origin}), else against {@code origin}; relative image addresses likewise, against the
     * item's address.
     */
    static ParsedFeed resolve(ParsedFeed feed, String origin) {
        String documentUrl = absolute(origin, null);
        String feedLink = absolute(feed.link(), documentUrl);
        String base = feedLink != null ? feedLink : documentUrl;
        if (base == null || feed.items().stream().allMatch(ItemLinks::isResolved)) {
            return feed;
        }
        List<Item> items =
                feed.items().stream().map(item -> withBase(item, base)).toList();
        return feed.withItems(items);
    }

    /** The item with its address and images resolved against {@code base}, where they are not absolute yet. */
    static Item withBase(Item item, String base) {
        if (isResolved(item) || base == null) {
            return item;
        }
        String url = item.url() != null ? item.url() : absolute(item.link(), base);
        String imageBase = url != null ? url : base;
        return item.with(builder -> builder.url(url)
                .images(item.images().stream()
                        .map(image -> resolved(image, imageBase))
                        .toList()));
    }

    /** The image with an absolute address, or as it was when it cannot have one (the normalizer drops it then). */
    private static ItemImage resolved(ItemImage image, String base) {
        String url = absolute(image.url(), base);
        return url == null || url.equals(image.url()) ? image : new ItemImage(url, image.caption());
    }

    private static boolean isResolved(Item item) {
        return (item.url() != null || item.link() == null)
                && item.images().stream().allMatch(image -> isWebAddress(image.url()));
    }

    private static boolean isWebAddress(String value) {
        if (value == null) {
            return false;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }
}
