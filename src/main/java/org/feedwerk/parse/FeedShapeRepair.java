package org.feedwerk.parse;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import javax.xml.XMLConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Repairs feed shapes that are well-formed but not what the specifications say, and that mainstream feed readers
 * accept all the same: an Atom {@code <feed>} written without the Atom namespace; an {@code <rss>} whose items
 * stand directly under the root, without {@code <channel>}; an {@code <rss>} without a version or with one no
 * specification defines ({@code 2.1}, {@code 2}), read as RSS 2.0; an {@code <rss>} in a default namespace of its
 * own (old UserLand and Harvard ones), read as RSS without a namespace; an Atom Entry Document, read as a feed of
 * its one entry; a bare {@code <channel>} root, read as RSS 2.0; an RSS channel's polling hints, which Rome cannot read when one value is bad.
 */
final class FeedShapeRepair {
    static final String ATOM_NAMESPACE = "http://www.w3.org/2005/Atom";

    private FeedShapeRepair() {}

    static void repair(Document document) {
        Element root = document.getDocumentElement();
        if (root == null) {
            return;
        }
        if (declaresPaddedNamespace(root)) {
            root = (Element) stripNamespacePadding(document, root);
        }
        if ("entry".equals(root.getLocalName() == null ? root.getNodeName() : root.getLocalName())
                && (root.getNamespaceURI() == null || ATOM_NAMESPACE.equals(root.getNamespaceURI()))) {
            root = wrapInFeed(document, root);
        } else if ("channel".equals(root.getNodeName()) && root.getNamespaceURI() == null) {
            root = wrapInRss(document, root);
        }
        if ("feed".equals(root.getNodeName()) && root.getNamespaceURI() == null) {
            moveIntoAtomNamespace(document, root);
        } else if ("rss".equals(root.getLocalName() == null ? root.getNodeName() : root.getLocalName())) {
            if (root.getNamespaceURI() != null && root.getPrefix() == null) {
                root = (Element) moveOutOfNamespace(document, root, root.getNamespaceURI());
                root.removeAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, XMLConstants.XMLNS_ATTRIBUTE);
            }
            if (!KNOWN_RSS_VERSIONS.contains(root.getAttribute("version").strip())) {
                root.setAttribute("version", "2.0");
            }
            if (childElement(root, "channel") == null) {
                wrapInChannel(document, root);
            }
            removeSchedulingHints(childElement(root, "channel"));
        }
        Element feed = document.getDocumentElement();
        if (ATOM_NAMESPACE.equals(feed.getNamespaceURI()) && "feed".equals(feed.getLocalName())) {
            removeLinksWithoutAddress(feed);
        }
    }

    /**
     * Whether the root or one of its children declares a namespace with spaces around its URI
     * ({@code xmlns:itunes=" http://www.itunes.com/DTDs/PodCast-1.0.dtd"}): JDOM, under Rome, refuses the whole
     * document over it. Declarations further down are rare enough to leave to that refusal.
     */
    private static boolean declaresPaddedNamespace(Element root) {
        if (hasPaddedDeclaration(root)) {
            return true;
        }
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && hasPaddedDeclaration(element)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasPaddedDeclaration(Element element) {
        NamedNodeMap attributes = element.getAttributes();
        for (int index = 0; index < attributes.getLength(); index++) {
            Node attribute = attributes.item(index);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())
                    && isPadded(attribute.getNodeValue())) {
                return true;
            }
        }
        return false;
    }

    /** The element and everything below it with namespace URIs and declarations stripped of their spaces. */
    private static Node stripNamespacePadding(Document document, Element element) {
        Element renamed = isPadded(element.getNamespaceURI())
                ? (Element)
                        document.renameNode(element, element.getNamespaceURI().strip(), element.getNodeName())
                : element;
        NamedNodeMap attributes = renamed.getAttributes();
        for (int index = 0; index < attributes.getLength(); index++) {
            Node attribute = attributes.item(index);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
                attribute.setNodeValue(attribute.getNodeValue().strip());
            } else if (isPadded(attribute.getNamespaceURI())) {
                document.renameNode(attribute, attribute.getNamespaceURI().strip(), attribute.getNodeName());
            }
        }
        for (Node child = renamed.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                child = stripNamespacePadding(document, childElement);
            }
        }
        return renamed;
    }

    private static boolean isPadded(String uri) {
        return uri != null && !uri.isEmpty() && !uri.equals(uri.strip());
    }

    /**
     * An Atom {@code <link>} without an address carries nothing, and Rome refuses a whole feed over a feed-level
     * one ({@code <link rel="self"></link>}); such links of the feed and its entries are removed.
     */
    private static void removeLinksWithoutAddress(Element feed) {
        removeLinksWithoutAddressAmong(feed);
        for (Node child = feed.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element entry
                    && "entry".equals(entry.getLocalName())
                    && ATOM_NAMESPACE.equals(entry.getNamespaceURI())) {
                removeLinksWithoutAddressAmong(entry);
            }
        }
    }

    private static void removeLinksWithoutAddressAmong(Element parent) {
        removeChildren(
                parent,
                link -> "link".equals(link.getLocalName())
                        && ATOM_NAMESPACE.equals(link.getNamespaceURI())
                        && link.getAttribute("href").isBlank());
    }

    /**
     * {@code <cloud>}, {@code <skipHours>} and {@code <skipDays>} tell readers when to poll; Feedwerk polls at the
     * source's interval. Rome refuses the whole feed over one bad value in them ({@code port="80.0"}, hour 25,
     * "Funday"), so they are removed before it reads the channel.
     */
    private static void removeSchedulingHints(Element channel) {
        removeChildren(
                channel, hint -> hint.getNamespaceURI() == null && SCHEDULING_HINTS.contains(hint.getNodeName()));
    }

    private static void removeChildren(Element parent, Predicate<Element> unwanted) {
        Node child = parent.getFirstChild();
        while (child != null) {
            Node next = child.getNextSibling();
            if (child instanceof Element element && unwanted.test(element)) {
                parent.removeChild(element);
            }
            child = next;
        }
    }

    private static final List<String> SCHEDULING_HINTS = List.of("cloud", "skipHours", "skipDays");

    /** A bare RSS {@code <channel>} as the root, its {@code <rss>} left out, as some generators write it. */
    private static Element wrapInRss(Document document, Element channel) {
        Element rss = document.createElementNS(null, "rss");
        rss.setAttribute("version", "2.0");
        document.replaceChild(rss, channel);
        rss.appendChild(channel);
        return rss;
    }

    /**
     * An Atom Entry Document (RFC 4287 5.1.2: one {@code <entry>} as the root, as AtomPub servers and single-story
     * deliveries write it) is read as a feed of that entry.
     */
    private static Element wrapInFeed(Document document, Element entry) {
        Element feed = document.createElementNS(entry.getNamespaceURI(), "feed");
        document.replaceChild(feed, entry);
        feed.appendChild(entry);
        return feed;
    }

    /** The versions Rome's RSS parsers read; anything else is read as 2.0, as feed readers do. */
    private static final Set<String> KNOWN_RSS_VERSIONS = Set.of("0.91", "0.92", "0.93", "0.94", "2.0");

    /** The element and its descendants in {@code namespace} lose it; extension elements keep theirs. */
    private static Node moveOutOfNamespace(Document document, Element element, String namespace) {
        Node renamed = namespace.equals(element.getNamespaceURI())
                ? document.renameNode(element, null, element.getLocalName())
                : element;
        NodeList children = renamed.getChildNodes();
        for (int index = 0; index < children.getLength(); index++) {
            if (children.item(index) instanceof Element child) {
                moveOutOfNamespace(document, child, namespace);
            }
        }
        return renamed;
    }

    /** Elements without a namespace move into Atom's; extension elements keep theirs. */
    private static void moveIntoAtomNamespace(Document document, Element element) {
        Node renamed = element.getNamespaceURI() == null
                ? document.renameNode(element, ATOM_NAMESPACE, element.getNodeName())
                : element;
        NodeList children = renamed.getChildNodes();
        for (int index = 0; index < children.getLength(); index++) {
            if (children.item(index) instanceof Element child) {
                moveIntoAtomNamespace(document, child);
            }
        }
    }

    private static void wrapInChannel(Document document, Element root) {
        Element channel = document.createElementNS(null, "channel");
        while (root.getFirstChild() != null) {
            channel.appendChild(root.getFirstChild());
        }
        root.appendChild(channel);
    }

    /** The first child element with this local name, or null (also used to find an RSS document's channel). */
    static Element childElement(Element parent, String name) {
        NodeList children = parent.getChildNodes();
        for (int index = 0; index < children.getLength(); index++) {
            if (children.item(index) instanceof Element child
                    && name.equals(child.getLocalName() == null ? child.getNodeName() : child.getLocalName())) {
                return child;
            }
        }
        return null;
    }
}
