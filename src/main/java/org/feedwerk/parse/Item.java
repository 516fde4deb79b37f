package org.feedwerk.parse;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Instant;
import java.util.List;

/**
 * One entry of a feed in neutral form, as the source sent it (HTML not yet sanitized). Every field but the lists
 * may be null when the feed does not carry it.
 *
 * @param guid        the source's own id (RSS guid, Atom id, JSON Feed id)
 * @param link        the item's link as the feed wrote it (part of the article's key, so never rewritten)
 * @param url         the link as an absolute http(s) address (see {@link ItemLinks}); by default the link itself
 *                    when it already is one
 * @param contentBase the base of relative references in the item's HTML where the document declares one (Atom's
 *                    {@code xml:base}); null: the item's address
 * @param summaryHtml description / summary
 * @param contentHtml full content (content:encoded, Atom content, content_html)
 * @param version     the source's version number of the item, when the format has one
 * @param embargoed   not to be published before this time (NewsML-G2, ninjs)
 * @param correction  the source signals that this version corrects an earlier one
 * @param rights      the item's own rights statement, which wins over the source's licence
 * @param slugline    the agency's short label of the story (NewsML-G2)
 * @param urgency     editorial urgency, 1 (most urgent) to 9 (NewsML-G2)
 */
@RecordBuilder
public record Item(
        String guid,
        String link,
        String url,
        String contentBase,
        String title,
        String summaryHtml,
        String contentHtml,
        List<String> authors,
        Instant published,
        Instant updated,
        List<String> categories,
        List<ItemImage> images,
        String language,
        Long version,
        PubStatus pubStatus,
        Instant embargoed,
        boolean correction,
        String dateline,
        String rights,
        String slugline,
        Integer urgency)
        implements ItemBuilder.With {

    public Item {
        authors = authors == null ? List.of() : List.copyOf(authors);
        categories = categories == null ? List.of() : List.copyOf(categories);
        images = images == null ? List.of() : List.copyOf(images);
        pubStatus = pubStatus == null ? PubStatus.USABLE : pubStatus;
        published = writable(published);
        updated = writable(updated);
        embargoed = writable(embargoed);
        if (url == null) {
            url = ItemLinks.absolute(link, null);
        }
    }

    private static final Instant FIRST_WRITABLE = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST_WRITABLE = Instant.parse("9999-12-31T23:59:59Z");

    /**
     * A date a feed wrote, if it lies within years 1 to 9999; a misread date beyond them (a timestamp read as a
     * year in the millions) is no date at all, and would go on into the API and the published record.
     */
    private static Instant writable(Instant date) {
        return date == null || date.isBefore(FIRST_WRITABLE) || date.isAfter(LAST_WRITABLE) ? null : date;
    }

    /**
     * Items are built by name: twenty-one positional fields, most of them often empty,
     * invite swapped arguments. Unset fields stay empty (null, an empty list, {@code usable}, not a correction); the
     * builder is generated at compile time (record-builder).
     */
    public static ItemBuilder builder() {
        return ItemBuilder.builder();
    }
}
