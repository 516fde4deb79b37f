package org.feedwerk.parse;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.io.impl.DateParser;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.Locale;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads the {@code <pubDate>} of RSS items without Rome's date parser, which tries some twenty date patterns, each
 * a new {@code SimpleDateFormat}, before the RFC 822 one that RSS dates are written in — twice per item: it was
 * two thirds of the time Rome takes to read a large feed. Before Rome sees the document, each item's
 * {@code <pubDate>} is moved into a namespace of Feedwerk's own, so that Rome keeps it as the entry's foreign
 * markup instead of parsing it; the mapper then reads it here. A well-formed RFC 1123 date (four-digit year) is
 * read by {@code java.time}; anything else goes to Rome's parser as before, so every date means what it meant, and
 * what Rome cannot read to {@link LenientDates}.
 */
final class RssItemDates {
    static final String NAMESPACE = "urn:x-feedwerk:rss-item-date";

    private RssItemDates() {}

    /** Moves the {@code <pubDate>} of every item of an RSS 0.9x/2.0 document out of Rome's way. */
    static void setAside(Document document) {
        Element root = document.getDocumentElement();
        if (root == null || !"rss".equals(root.getNodeName()) || root.getNamespaceURI() != null) {
            return;
        }
        for (Node channel = root.getFirstChild(); channel != null; channel = channel.getNextSibling()) {
            if (isUnqualified(channel, "channel")) {
                for (Node item = channel.getFirstChild(); item != null; item = item.getNextSibling()) {
                    if (isUnqualified(item, "item")) {
                        setAsideIn((Element) item, document);
                    }
                }
            }
        }
    }

    private static void setAsideIn(Element item, Document document) {
        for (Node child = item.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (isUnqualified(child, "pubDate")) {
                document.renameNode(child, NAMESPACE, "feedwerk:pubDate");
                return; // Rome reads the first one only
            }
        }
    }

    private static boolean isUnqualified(Node node, String name) {
        return node.getNodeType() == Node.ELEMENT_NODE
                && node.getNamespaceURI() == null
                && name.equals(node.getLocalName() == null ? node.getNodeName() : node.getLocalName());
    }

    /** The entry's publication date: Rome's (Dublin Core's {@code dc:date} wins, as in Rome), else its pubDate. */
    static Instant published(SyndEntry entry) {
        if (entry.getPublishedDate() != null) {
            return entry.getPublishedDate().toInstant();
        }
        for (org.jdom2.Element element : entry.getForeignMarkup()) {
            if (NAMESPACE.equals(element.getNamespaceURI())) {
                return parse(element.getText());
            }
        }
        return null;
    }

    /** An RFC 822 date as Rome reads it (US English names), without trying the other formats first. */
    static Instant parse(String text) {
        String trimmed = text.trim();
        try {
            TemporalAccessor parsed = DateTimeFormatter.RFC_1123_DATE_TIME.parse(trimmed);
            if (hasFourDigitYear(trimmed, parsed.get(ChronoField.YEAR))) {
                return Instant.from(parsed);
            }
        } catch (DateTimeParseException e) {
            // not the common form: Rome's parser knows the rest (two-digit years, zone names such as EST)
        }
        Instant timestamp = LenientDates.epoch(trimmed);
        if (timestamp != null) {
            return timestamp;
        }
        Date date = DateParser.parseDate(trimmed, Locale.US);
        return date != null ? date.toInstant() : LenientDates.parse(trimmed);
    }

    /** {@code RFC_1123_DATE_TIME} reads "26" as the year 26; RFC 822's two-digit years are Rome's to read. */
    private static boolean hasFourDigitYear(String text, int year) {
        return year >= 1000 && text.contains(" " + year + " ");
    }
}
