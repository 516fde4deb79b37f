package org.feedwerk.web;

import java.util.Map;

/**
 * Sent with every response. The site runs no script, so none may run: content from a feed that slipped past the
 * sanitizer still could not execute. Pages may use the inline stylesheet of the layout and, only where the site
 * embeds its sources' pictures ({@code site.images: embed}), images over HTTPS; nothing else. No other site may
 * frame them.
 */
final class SecurityHeaders {
    private SecurityHeaders() {}

    static Map<String, String> of(boolean embedsImages) {
        return Map.of(
                "Content-Security-Policy",
                        "default-src 'none'; img-src 'self'" + (embedsImages ? " https:" : "")
                                + "; style-src 'self' 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; "
                                + "base-uri 'none'",
                "X-Content-Type-Options", "nosniff",
                "Referrer-Policy", "strict-origin-when-cross-origin");
    }
}
