package org.feedwerk.publish;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Instant;
import java.util.List;

/**
 * Exactly what a publication shows, frozen when it is published: pages, feeds and search render from this and
 * nothing else. Its canonical JSON is what the SHA-256 in the chain covers.
 */
@RecordBuilder
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

    /**
     * Built by name: twenty-two positional fields invite swapped arguments. The
     * builder is generated at compile time (record-builder).
     */
    public static PublishedContentBuilder builder() {
        return PublishedContentBuilder.builder();
    }
}
