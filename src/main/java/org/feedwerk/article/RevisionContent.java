package org.feedwerk.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.feedwerk.parse.ItemImage;
import org.feedwerk.parse.PubStatus;

/**
 * The normalized content of one revision: plain-text headline and teaser, sanitized body HTML and metadata.
 * {@link #contentHash()} covers what a reader sees, not the source's timestamps, so a feed that only re-stamps
 * its dates makes no new revision. {@code headlineDerived} marks a headline taken from the start of the text,
 * for items that carry none.
 */
public record RevisionContent(
        String headline,
        String teaser,
        String bodyHtml,
        String byline,
        String dateline,
        String language,
        Instant sourcePublished,
        Instant sourceUpdated,
        Long sourceVersion,
        PubStatus pubStatus,
        List<String> subjects,
        List<ItemImage> images,
        Instant embargoed,
        boolean correction,
        String rights,
        String slugline,
        Integer urgency,
        boolean headlineDerived) {

    private static final char FIELD = '\u001f';
    private static final char ELEMENT = '\u001e';

    public RevisionContent {
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        images = images == null ? List.of() : List.copyOf(images);
        pubStatus = pubStatus == null ? PubStatus.USABLE : pubStatus;
    }

    public String contentHash() {
        StringBuilder canonical = new StringBuilder();
        for (String field : new String[] {headline, teaser, bodyHtml, byline, dateline, pubStatus.name()}) {
            canonical.append(field == null ? "" : field).append(FIELD);
        }
        subjects.forEach(subject -> canonical.append(subject).append(ELEMENT));
        canonical.append(FIELD);
        images.forEach(image -> canonical
                .append(image.url())
                .append(' ')
                .append(image.caption() == null ? "" : image.caption())
                .append(ELEMENT));
        // Wire fields only enter the hash when present, so feeds without them keep their hashes.
        if (embargoed != null) {
            canonical.append(FIELD).append("embargoed=").append(embargoed);
        }
        if (correction) {
            canonical.append(FIELD).append("correction");
        }
        if (rights != null) {
            canonical.append(FIELD).append("rights=").append(rights);
        }
        if (slugline != null) {
            canonical.append(FIELD).append("slugline=").append(slugline);
        }
        if (headlineDerived) {
            canonical.append(FIELD).append("headline-derived");
        }
        return sha256Hex(canonical.toString());
    }

    static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Built by name: eighteen positional fields, most of them often empty, invite swapped arguments. */
    public static Builder builder() {
        return new Builder();
    }

    /** Unset fields stay empty: null, an empty list, {@code usable}, false. */
    public static final class Builder {
        private String headline;
        private String teaser;
        private String bodyHtml;
        private String byline;
        private String dateline;
        private String language;
        private Instant sourcePublished;
        private Instant sourceUpdated;
        private Long sourceVersion;
        private PubStatus pubStatus;
        private List<String> subjects;
        private List<ItemImage> images;
        private Instant embargoed;
        private boolean correction;
        private String rights;
        private String slugline;
        private Integer urgency;
        private boolean headlineDerived;

        private Builder() {}

        public Builder headline(String headline) {
            this.headline = headline;
            return this;
        }

        public Builder teaser(String teaser) {
            this.teaser = teaser;
            return this;
        }

        public Builder bodyHtml(String bodyHtml) {
            this.bodyHtml = bodyHtml;
            return this;
        }

        public Builder byline(String byline) {
            this.byline = byline;
            return this;
        }

        public Builder dateline(String dateline) {
            this.dateline = dateline;
            return this;
        }

        public Builder language(String language) {
            this.language = language;
            return this;
        }

        public Builder sourcePublished(Instant sourcePublished) {
            this.sourcePublished = sourcePublished;
            return this;
        }

        public Builder sourceUpdated(Instant sourceUpdated) {
            this.sourceUpdated = sourceUpdated;
            return this;
        }

        public Builder sourceVersion(Long sourceVersion) {
            this.sourceVersion = sourceVersion;
            return this;
        }

        public Builder pubStatus(PubStatus pubStatus) {
            this.pubStatus = pubStatus;
            return this;
        }

        public Builder subjects(List<String> subjects) {
            this.subjects = subjects;
            return this;
        }

        public Builder images(List<ItemImage> images) {
            this.images = images;
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

        public Builder headlineDerived(boolean headlineDerived) {
            this.headlineDerived = headlineDerived;
            return this;
        }

        public RevisionContent build() {
            return new RevisionContent(
                    headline,
                    teaser,
                    bodyHtml,
                    byline,
                    dateline,
                    language,
                    sourcePublished,
                    sourceUpdated,
                    sourceVersion,
                    pubStatus,
                    subjects,
                    images,
                    embargoed,
                    correction,
                    rights,
                    slugline,
                    urgency,
                    headlineDerived);
        }
    }
}
