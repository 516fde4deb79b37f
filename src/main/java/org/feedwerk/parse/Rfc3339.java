package org.feedwerk.parse;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * RFC 3339 / ISO-8601 timestamps of JSON Feed, ninjs and NewsML-G2, else what {@link LenientDates} can read; a bad
 * date is dropped, never fatal.
 */
final class Rfc3339 {
    private Rfc3339() {}

    static Instant parseOrNull(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            return LenientDates.parse(text); // "2026-12-01 10:00:00", no offset, RFC 822 in a JSON feed …
        }
    }
}
