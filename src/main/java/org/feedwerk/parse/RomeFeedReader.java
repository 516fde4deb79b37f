package org.feedwerk.parse;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Shared by the RSS and Atom parsers: Rome over a DOM that {@link SecureXml} built, mapped to the neutral model. */
final class RomeFeedReader {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private final RomeEntryMapper entryMapper = new RomeEntryMapper();

    ParsedFeed read(Payload payload, FeedFormat expected) {
        Document document = SecureXml.parse(payload);
        FeedShapeRepair.repair(document);
        RssItemDates.setAside(document);
        W3cDates.settle(document);
        SyndFeed feed = build(document);
        FeedFormat actual = feed.getFeedType().startsWith("atom") ? FeedFormat.ATOM : FeedFormat.RSS;
        if (actual != expected) {
            throw new ParseException(
                    "expected " + expected + " but the document is " + actual + " (" + feed.getFeedType() + ")");
        }
        boolean rdf = feed.getFeedType().equals("rss_1.0") || feed.getFeedType().equals("rss_0.9");
        List<Item> items = new ArrayList<>(feed.getEntries().size());
        String declaredBase = feed.originalWireFeed() instanceof Feed atom ? atom.getXmlBase() : null;
        String documentBase = documentBase(payload, feed, declaredBase);
        for (var entry : feed.getEntries()) {
            Item item = entryMapper.map(entry, rdf);
            String entryBase = entry.getWireEntry() instanceof Entry atomEntry ? atomEntry.getXmlBase() : null;
            if (declaredBase != null || entryBase != null) {
                String resolved = ItemLinks.absolute(entryBase, documentBase);
                String base = resolved != null ? resolved : documentBase;
                item = ItemLinks.withBase(item, base).withContentBase(base);
            }
            items.add(item);
        }
        return new ParsedFeed(
                actual,
                blankToNull(feed.getTitle()),
                blankToNull(feed.getLink()),
                blankToNull(feed.getLanguage()),
                items,
                List.of(),
                ItemLinks.absolute(findNextPage(document), ItemLinks.absolute(payload.origin(), null)));
    }

    /**
     * RFC 5005's {@code <link rel="next">} of a paged feed, an Atom link on the feed or, in RSS, on the channel
     * (Rome keeps neither).
     */
    private static String findNextPage(Document document) {
        Element root = document.getDocumentElement();
        if (root == null) {
            return null;
        }
        Element container = root;
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element
                    && element.getLocalName() != null
                    && element.getLocalName().equals("channel")) {
                container = element;
                break;
            }
        }
        for (Node child = container.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element link
                    && "link".equals(link.getLocalName())
                    && ATOM.equals(link.getNamespaceURI())
                    && link.getAttribute("rel").strip().equalsIgnoreCase("next")) {
                return blankToNull(link.getAttribute("href"));
            }
        }
        return null;
    }

    /**
     * The base an Atom document declares with {@code xml:base} on its root, made absolute against the feed's link or
     * the address it was fetched from; those two when it declares none.
     */
    private static String documentBase(Payload payload, SyndFeed feed, String declaredBase) {
        String origin = ItemLinks.absolute(payload.origin(), null);
        String feedLink = ItemLinks.absolute(blankToNull(feed.getLink()), origin);
        String fallback = feedLink != null ? feedLink : origin;
        String declared = ItemLinks.absolute(declaredBase, fallback);
        return declared != null ? declared : fallback;
    }

    private static SyndFeed build(Document document) {
        SyndFeedInput input = new SyndFeedInput();
        input.setPreserveWireFeed(true);
        try {
            return input.build(document);
        } catch (FeedException | IllegalArgumentException e) {
            Element root = document.getDocumentElement();
            String rootName = root == null
                    ? "none"
                    : "<" + root.getNodeName() + ">"
                            + (root.getNamespaceURI() == null ? "" : " in namespace " + root.getNamespaceURI());
            throw new ParseException(
                    "well-formed XML, but not RSS or Atom (root element " + rootName + "): " + e.getMessage(), e);
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
