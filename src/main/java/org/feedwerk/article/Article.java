package org.feedwerk.article;

import java.time.Instant;

/**
 * An article: one story of one source, with a stable id, its current revision number and headline, and its status.
 * {@code guid} and {@code link} are as the source gave them and may be null; {@code attempts} counts failed
 * translation attempts since the last success.
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
        int attempts,
        Instant createdAt,
        Instant updatedAt) {}
