package org.feedwerk.parse;

import com.rometools.rome.io.impl.DateParser;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Atom and Dublin Core dates, settled before Rome reads them. Rome reads the fraction of a second as milliseconds
 * whatever its length, so "08:00:00.123456+01:00" (Python's {@code isoformat}, Go's {@code RFC3339Nano}) came out
 * two minutes — with nine digits, a day and a half — late; and it reads no date at all without a zone or with
 * {@code +0100}. Each such element's text is read here and rewritten as the instant in the form Rome reads exactly
 * ({@code 2026-12-01T07:00:00.123Z}): an RFC 3339 date by {@code java.time}; anything else only when Rome's own
 * parser finds nothing in it, by {@link LenientDates} (no zone is UTC), so that every date Rome reads keeps its
 * meaning. What neither can read is left to Rome as it is.
 */
final class W3cDates {
    private static final Set<String> NAMESPACES = Set.of(
            "http://www.w3.org/2005/Atom",
            "http://purl.org/atom/ns#",
            "http://purl.org/dc/elements/1.1/",
            "http://purl.org/dc/terms/");
    private static final Set<String> DATE_ELEMENTS =
            Set.of("published", "updated", "issued", "modified", "created", "date");

    private W3cDates() {}

    static void settle(Document document) {
        Element root = document.getDocumentElement();
        if (root != null) {
            settleIn(root);
        }
    }

    private static void settleIn(Element element) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                if (isDate(childElement)) {
                    rewrite(childElement);
                } else {
                    settleIn(childElement);
                }
            }
        }
    }

    private static boolean isDate(Element element) {
        return element.getNamespaceURI() != null
                && DATE_ELEMENTS.contains(element.getLocalName())
                && NAMESPACES.contains(element.getNamespaceURI());
    }

    private static void rewrite(Element element) {
        Instant instant = read(element.getTextContent());
        if (instant != null) {
            element.setTextContent(DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS)));
        }
    }

    /** The instant the text means, or null to leave it to Rome. */
    static Instant read(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        Instant timestamp = LenientDates.epoch(trimmed);
        if (timestamp != null) {
            return timestamp;
        }
        try {
            return OffsetDateTime.parse(trimmed).toInstant();
        } catch (DateTimeParseException notRfc3339) {
            return DateParser.parseDate(trimmed, Locale.US) == null ? LenientDates.parse(trimmed) : null;
        }
    }
}
