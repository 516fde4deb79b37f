package org.feedwerk.parse;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Shared by the RSS and Atom parsers: Rome over a DOM that {@link SecureXml} built, mapped to the neutral model. */
final class RomeFeedReader {
    private static final String TOMBSTONES = "http://purl.org/atompub/tombstones/1.0";
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
                ItemLinks.absolute(findNextPage(document), ItemLinks.absolute(payload.origin(), null)),
                findDeletedEntries(document));
    }

    /** RFC 6721's tombstones, on the Atom feed or, where a publisher puts them there, on an RSS channel. */
    private static List<DeletedEntry> findDeletedEntries(Document document) {
        List<DeletedEntry> deleted = new ArrayList<>();
        for (Element tombstone : children(feedElement(document), TOMBSTONES, "deleted-entry")) {
            String ref = blankToNull(tombstone.getAttribute("ref"));
            if (ref == null) {
                continue;
            }
            List<Element> comments = children(tombstone, TOMBSTONES, "comment");
            String comment =
                    comments.isEmpty() ? null : blankToNull(comments.get(0).getTextContent());
            deleted.add(new DeletedEntry(ref, W3cDates.read(tombstone.getAttribute("when")), comment));
        }
        return deleted;
    }

    /** The feed's own element: an Atom feed's root, an RSS document's channel. */
    private static Element feedElement(Document document) {
        Element root = document.getDocumentElement();
        Element channel = FeedShapeRepair.childElement(root, "channel");
        return channel != null ? channel : root;
    }

    private static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element
                    && localName.equals(element.getLocalName())
                    && namespace.equals(element.getNamespaceURI())) {
                found.add(element);
            }
        }
        return found;
    }

    /**
     * RFC 5005's {@code <link rel="next">} of a paged feed, an Atom link on the feed or, in RSS, on the channel
     * (Rome keeps neither).
     */
    private static String findNextPage(Document document) {
        for (Element link : children(feedElement(document), FeedShapeRepair.ATOM_NAMESPACE, "link")) {
            if (link.getAttribute("rel").strip().equalsIgnoreCase("next")) {
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
            String localName = root == null
                    ? ""
                    : String.valueOf(root.getLocalName() == null ? root.getNodeName() : root.getLocalName());
            String shape = Set.of("rss", "RDF", "feed").contains(localName)
                    ? "an RSS or Atom document Rome cannot read"
                    : "well-formed XML, but not RSS or Atom";
            throw new ParseException(shape + " (root element " + rootName + "): " + e.getMessage(), e);
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
