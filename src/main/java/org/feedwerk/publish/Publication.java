package org.feedwerk.publish;

/**
 * One entry of the publication chain: version {@code sequence} of an article's page in one language, with the
 * SHA-256 of its exact content and of the previous entry. {@code content} is the stored canonical JSON.
 */
public record Publication(
        long position,
        PublishedContent content,
        String contentJson,
        String contentSha256,
        String previousSha256,
        String entrySha256) {}
