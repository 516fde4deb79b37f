package org.feedwerk.parse;

import java.util.Set;
import javax.xml.XMLConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Repairs feed shapes that are well-formed but not what the specifications say, and that mainstream feed readers
 * accept all the same: an Atom {@code <feed>} written without the Atom namespace; an {@code <rss>} whose items
 * stand directly under the root, without {@code <channel>}; an {@code <rss>} without a version or with one no
 * specification defines ({@code 2.1}, {@code 2}), read as RSS 2.0; an {@code <rss>} in a default namespace of its
 * own (old UserLand and Harvard ones), read as RSS without a namespace.
 */
final class FeedShapeRepair {
    static final String ATOM_NAMESPACE = "http://www.w3.org/2005/Atom";

    private FeedShapeRepair() {}

    static void repair(Document document) {
        Element root = document.getDocumentElement();
        if (root == null) {
            return;
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
        }
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

    private static Element childElement(Element parent, String name) {
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
