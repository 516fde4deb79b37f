package org.feedwerk.parse;

import java.time.Instant;

/**
 * An Atom tombstone (RFC 6721 {@code <at:deleted-entry ref="…" when="…">}): the publisher withdrew the entry with
 * id {@code ref} at {@code when} (null when the feed gives no usable time), with an optional comment.
 */
public record DeletedEntry(String ref, Instant when, String comment) {}
