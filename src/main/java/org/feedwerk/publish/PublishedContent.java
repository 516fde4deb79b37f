package org.feedwerk.publish;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;

/**
 * Exactly what a publication shows, frozen when it is published: pages, feeds and search render from this and
 * nothing else. Its canonical JSON is what the SHA-256 in the chain covers.
 */
public record PublishedContent(
        String articleId,
        String language,
        int sequence,
        int revision,
        String sourceId,
        String attribution,
        String licence,
        String originalUrl,
        String originalLanguage,
        String headline,
        String teaser,
        String bodyHtml,
        String byline,
        String dateline,
        List<String> subjects,
        String imageUrl,
        String engine,
        Instant translatedAt,
        Instant sourcePublished,
        Instant firstPublishedAt,
        Instant publishedAt,
        boolean correction) {

    public PublishedContent {
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
    }

    /** True for a second or later version of the same page. */
    @JsonIgnore
    public boolean isUpdate() {
        return sequence > 1;
    }

    /** Built by name: twenty-two positional fields invite swapped arguments. */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String articleId;
        private String language;
        private int sequence;
        private int revision;
        private String sourceId;
        private String attribution;
        private String licence;
        private String originalUrl;
        private String originalLanguage;
        private String headline;
        private String teaser;
        private String bodyHtml;
        private String byline;
        private String dateline;
        private List<String> subjects;
        private String imageUrl;
        private String engine;
        private Instant translatedAt;
        private Instant sourcePublished;
        private Instant firstPublishedAt;
        private Instant publishedAt;
        private boolean correction;

        private Builder() {}

        public Builder articleId(String articleId) {
            this.articleId = articleId;
            return this;
        }

        public Builder language(String language) {
            this.language = language;
            return this;
        }

        public Builder sequence(int sequence) {
            this.sequence = sequence;
            return this;
        }

        public Builder revision(int revision) {
            this.revision = revision;
            return this;
        }

        public Builder sourceId(String sourceId) {
            this.sourceId = sourceId;
            return this;
        }

        public Builder attribution(String attribution) {
            this.attribution = attribution;
            return this;
        }

        public Builder licence(String licence) {
            this.licence = licence;
            return this;
        }

        public Builder originalUrl(String originalUrl) {
            this.originalUrl = originalUrl;
            return this;
        }

        public Builder originalLanguage(String originalLanguage) {
            this.originalLanguage = originalLanguage;
            return this;
        }

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

        public Builder subjects(List<String> subjects) {
            this.subjects = subjects;
            return this;
        }

        public Builder imageUrl(String imageUrl) {
            this.imageUrl = imageUrl;
            return this;
        }

        public Builder engine(String engine) {
            this.engine = engine;
            return this;
        }

        public Builder translatedAt(Instant translatedAt) {
            this.translatedAt = translatedAt;
            return this;
        }

        public Builder sourcePublished(Instant sourcePublished) {
            this.sourcePublished = sourcePublished;
            return this;
        }

        public Builder firstPublishedAt(Instant firstPublishedAt) {
            this.firstPublishedAt = firstPublishedAt;
            return this;
        }

        public Builder publishedAt(Instant publishedAt) {
            this.publishedAt = publishedAt;
            return this;
        }

        public Builder correction(boolean correction) {
            this.correction = correction;
            return this;
        }

        public PublishedContent build() {
            return new PublishedContent(
                    articleId,
                    language,
                    sequence,
                    revision,
                    sourceId,
                    attribution,
                    licence,
                    originalUrl,
                    originalLanguage,
                    headline,
                    teaser,
                    bodyHtml,
                    byline,
                    dateline,
                    subjects,
                    imageUrl,
                    engine,
                    translatedAt,
                    sourcePublished,
                    firstPublishedAt,
                    publishedAt,
                    correction);
        }
    }
}
