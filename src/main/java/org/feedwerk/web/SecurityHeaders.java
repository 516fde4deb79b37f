package org.feedwerk.web;

import java.util.Map;

/**
 * Sent with every response. The site runs no script, so none may run: content from a feed that slipped past the
 * sanitizer still could not execute. Pages may embed images over HTTPS (articles carry their sources' pictures),
 * the inline stylesheet of the layout, and nothing else; no other site may frame them.
 */
final class SecurityHeaders {
    static final Map<String, String> ALL = Map.of(
            "Content-Security-Policy", "default-src 'none'; img-src 'self' https:; style-src 'self' 'unsafe-inline'; "
                    + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "strict-origin-when-cross-origin");

    private SecurityHeaders() {}
}
