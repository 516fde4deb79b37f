package org.feedwerk.source;

import java.time.Instant;

/** A file seen in a drop folder: size and time identify it cheaply, the hash for certain; error when it failed. */
public record DroppedFile(
        String sourceId, String name, long size, Instant modified, String sha256, String error, Instant processedAt) {}
