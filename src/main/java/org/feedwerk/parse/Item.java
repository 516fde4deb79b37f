package org.feedwerk.parse;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a feed in neutral form, as the source sent it (HTML not yet sanitized). Every field but the lists
 * may be null when the feed does not carry it.
 *
 * @param guid        the source's own id (RSS guid, Atom id, JSON Feed id)
 * @param summaryHtml description / summary
 * @param contentHtml full content (content:encoded, Atom content, content_html)
 * @param version     the source's version number of the item, when the format has one
 * @param embargoed   not to be published before this time (NewsML-G2, ninjs)
 * @param correction  the source signals that this version corrects an earlier one
 * @param rights      the item's own rights statement, which wins over the source's licence
 * @param slugline    the agency's short label of the story (NewsML-G2)
 * @param urgency     editorial urgency, 1 (most urgent) to 9 (NewsML-G2)
 */
public record Item(
        String guid,
        String link,
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
        Integer urgency) {

    public Item {
        authors = authors == null ? List.of() : List.copyOf(authors);
        categories = categories == null ? List.of() : List.copyOf(categories);
        images = images == null ? List.of() : List.copyOf(images);
        pubStatus = pubStatus == null ? PubStatus.USABLE : pubStatus;
    }

    /** Items are built by name: nineteen positional fields, most of them often empty, invite swapped arguments. */
    public static Builder builder() {
        return new Builder();
    }

    /** Unset fields stay empty: null, an empty list, {@code usable}, not a correction. */
    public static final class Builder {
        private String guid;
        private String link;
        private String title;
        private String summaryHtml;
        private String contentHtml;
        private List<String> authors;
        private Instant published;
        private Instant updated;
        private List<String> categories;
        private List<ItemImage> images;
        private String language;
        private Long version;
        private PubStatus pubStatus;
        private Instant embargoed;
        private boolean correction;
        private String dateline;
        private String rights;
        private String slugline;
        private Integer urgency;

        private Builder() {}

        public Builder guid(String guid) {
            this.guid = guid;
            return this;
        }

        public Builder link(String link) {
            this.link = link;
            return this;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder summaryHtml(String summaryHtml) {
            this.summaryHtml = summaryHtml;
            return this;
        }

        public Builder contentHtml(String contentHtml) {
            this.contentHtml = contentHtml;
            return this;
        }

        public Builder authors(List<String> authors) {
            this.authors = authors;
            return this;
        }

        public Builder published(Instant published) {
            this.published = published;
            return this;
        }

        public Builder updated(Instant updated) {
            this.updated = updated;
            return this;
        }

        public Builder categories(List<String> categories) {
            this.categories = categories;
            return this;
        }

        public Builder images(List<ItemImage> images) {
            this.images = images;
            return this;
        }

        public Builder language(String language) {
            this.language = language;
            return this;
        }

        public Builder version(Long version) {
            this.version = version;
            return this;
        }

        public Builder pubStatus(PubStatus pubStatus) {
            this.pubStatus = pubStatus;
            return this;
        }

        public Builder embargoed(Instant embargoed) {
            this.embargoed = embargoed;
            return this;
        }

        public Builder correction(boolean correction) {
            this.correction = correction;
            return this;
        }

        public Builder dateline(String dateline) {
            this.dateline = dateline;
            return this;
        }

        public Builder rights(String rights) {
            this.rights = rights;
            return this;
        }

        public Builder slugline(String slugline) {
            this.slugline = slugline;
            return this;
        }

        public Builder urgency(Integer urgency) {
            this.urgency = urgency;
            return this;
        }

        public Item build() {
            return new Item(
                    guid,
                    link,
                    title,
                    summaryHtml,
                    contentHtml,
                    authors,
                    published,
                    updated,
                    categories,
                    images,
                    language,
                    version,
                    pubStatus,
                    embargoed,
                    correction,
                    dateline,
                    rights,
                    slugline,
                    urgency);
        }
    }
}
