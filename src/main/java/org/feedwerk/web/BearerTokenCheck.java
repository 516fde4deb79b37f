package org.feedwerk.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** When an admin token is configured, {@code /api/} requires {@code Authorization: Bearer <token>}. */
final class BearerTokenCheck {
    private final Optional<String> token;

    BearerTokenCheck(Optional<String> token) {
        this.token = token.filter(value -> !value.isBlank());
    }

    boolean isConfigured() {
        return token.isPresent();
    }

    void require(Context context) {
        if (token.isEmpty()) {
            return;
        }
        String header = context.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            context.header("WWW-Authenticate", "Bearer realm=\"feedwerk\"");
            throw new ApiError(401, "authorization required: send Authorization: Bearer <FEEDWERK_ADMIN_TOKEN>");
        }
        if (!matches(header.substring(7).trim())) {
            throw new ApiError(403, "invalid token");
        }
    }

    /** Constant-time comparison, so the token cannot be guessed byte by byte from response times. */
    boolean matches(String presented) {
        return token.isPresent() && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                token.get().getBytes(StandardCharsets.UTF_8));
    }
}
