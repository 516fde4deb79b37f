package org.feedwerk.article;

import java.time.Instant;

/**
 * An article: one story of one source, with a stable id, its current revision number and headline, and its status.
 * {@code guid} and {@code link} are as the source gave them and may be null.
 */
public record Article(
        String id,
        String sourceId,
        String guid,
        String link,
        String clusterId,
        String headline,
        ArticleStatus status,
        String statusReason,
        int currentRevision,
        String language,
        Instant createdAt,
        Instant updatedAt) {}
