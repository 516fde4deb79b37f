package org.feedwerk.article;

import java.time.Instant;

/** An archived payload that revisions point to: content hash of the raw bytes, where it came from, its size. */
public record PayloadRef(
        String hash, String sourceId, String origin, String contentType, long size, Instant fetchedAt) {}
