package org.feedwerk.parse;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Repairs the two feed shapes that are well-formed but not what the specifications say, and that mainstream feed
 * readers accept all the same: an Atom {@code <feed>} written without the Atom namespace, and an {@code <rss>}
 * whose items stand directly under the root, without {@code <channel>}.
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
        } else if ("rss".equals(root.getNodeName()) && childElement(root, "channel") == null) {
            wrapInChannel(document, root);
        }
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
