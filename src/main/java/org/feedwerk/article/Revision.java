package org.feedwerk.article;

import java.time.Instant;

/** Revision {@code number} (1, 2, …) of an article, with the hash of its content and the payload it came from. */
public record Revision(
        String articleId,
        int number,
        String contentHash,
        RevisionContent content,
        String payloadHash,
        Instant createdAt) {}
