package org.feedwerk.parse;

import java.util.Optional;

/**
 * Raw bytes of one fetched document with what the transport said about it. {@code origin} is the URL or file
 * name, used as base URI and in error messages.
 */
public record Payload(byte[] body, String contentType, String origin) {
    public Optional<String> findContentType() {
        return Optional.ofNullable(contentType);
    }
}
