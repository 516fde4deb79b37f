package org.feedwerk.parse;

import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * IPTC NewsML-G2 ({@code http://iptc.org/std/nar/2006-10-01/}): a {@code newsItem}, or a {@code newsMessage}
 * carrying several. Reads guid and version, versionCreated, firstCreated, pubStatus, embargoed and signals from
 * {@code itemMeta}; headline, description, creator/by-line, dateline, located, subjects, language from
 * {@code contentMeta}; the body from {@code inlineXML} (XHTML or NITF) or {@code inlineData}; rights from
 * {@code rightsInfo}. A {@code packageItem} groups items by reference ({@code itemRef residref}); it carries no
 * content of its own and is returned as an {@link ItemPackage}.
 */
public final class NewsMlG2Parser implements FeedParser {
    static final String NAR = "http://iptc.org/std/nar/2006-10-01/";

    @Override
    public FeedFormat format() {
        return FeedFormat.NEWSML_G2;
    }

    @Override
    public ParsedFeed parse(Payload payload) {
        Document document = SecureXml.parse(payload);
        Element root = document.getDocumentElement();
        if (!NAR.equals(root.getNamespaceURI())) {
            throw new ParseException(
                    "not NewsML-G2: root element <" + root.getTagName() + "> is not in the " + "namespace " + NAR);
        }
        List<Item> items = new ArrayList<>();
        for (Element newsItem : descendants(root, "newsItem")) {
            items.add(mapItem(newsItem));
        }
        List<ItemPackage> packages = new ArrayList<>();
        for (Element packageItem : descendants(root, "packageItem")) {
            ItemPackage itemPackage = mapPackage(packageItem);
            if (itemPackage.guid() != null && !itemPackage.itemGuids().isEmpty()) {
                packages.add(itemPackage);
            }
        }
        if (items.isEmpty() && packages.isEmpty()) {
            throw new ParseException("NewsML-G2 document without a newsItem or packageItem");
        }
        return new ParsedFeed(FeedFormat.NEWSML_G2, null, null, null, items, packages);
    }

    private static Item mapItem(Element item) {
        String guid = attribute(item, "guid");
        if (guid == null) {
            throw new ParseException("newsItem without guid");
        }
        Optional<Element> meta = child(item, "itemMeta");
        Optional<Element> content = child(item, "contentMeta");
        return Item.builder()
                .guid(guid)
                .link(meta.flatMap(m -> children(m, "link").stream()
                                .map(link -> attribute(link, "href"))
                                .filter(href -> href != null && href.startsWith("http"))
                                .findFirst())
                        .orElse(null))
                .title(TextToHtml.title(
                        content.flatMap(c -> text(c, "headline")).orElse(null)))
                .summaryHtml(content.flatMap(NewsMlG2Parser::description)
                        .map(TextToHtml::paragraphs)
                        .orElse(null))
                .contentHtml(body(item))
                .authors(content.map(NewsMlG2Parser::bylines).orElse(List.of()))
                .published(meta.flatMap(m -> text(m, "firstCreated"))
                        .map(NewsMlG2Parser::instant)
                        .orElse(null))
                .updated(meta.flatMap(m -> text(m, "versionCreated"))
                        .map(NewsMlG2Parser::instant)
                        .orElse(null))
                .categories(content.map(NewsMlG2Parser::subjects).orElse(List.of()))
                .language(content.flatMap(c -> child(c, "language"))
                        .map(language -> attribute(language, "tag"))
                        .orElse(attribute(item, "xml:lang")))
                .version(version(item))
                .pubStatus(meta.map(NewsMlG2Parser::pubStatus).orElse(PubStatus.USABLE))
                .embargoed(meta.flatMap(m -> text(m, "embargoed"))
                        .map(NewsMlG2Parser::instant)
                        .orElse(null))
                .correction(meta.map(m -> children(m, "signal").stream()
                                .map(signal -> String.valueOf(attribute(signal, "qcode")))
                                .anyMatch(qcode -> qcode.contains("correction")))
                        .orElse(false))
                .dateline(content.flatMap(c -> text(c, "dateline")
                                .or(() -> child(c, "located").flatMap(located -> text(located, "name"))))
                        .orElse(null))
                .rights(child(item, "rightsInfo").map(NewsMlG2Parser::rights).orElse(null))
                .slugline(content.flatMap(c -> text(c, "slugline")).orElse(null))
                .urgency(content.flatMap(c -> text(c, "urgency"))
                        .map(NewsMlG2Parser::urgency)
                        .orElse(null))
                .build();
    }

    private static Integer urgency(String text) {
        try {
            int urgency = Integer.parseInt(text.strip());
            return urgency >= 1 && urgency <= 9 ? urgency : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A packageItem's item references (itemRef residref) from all its groups, in document order. */
    private static ItemPackage mapPackage(Element packageItem) {
        List<String> guids = new ArrayList<>();
        for (Element reference : descendants(packageItem, "itemRef")) {
            String guid = attribute(reference, "residref");
            if (guid != null && !guids.contains(guid)) {
                guids.add(guid);
            }
        }
        String headline = child(packageItem, "contentMeta")
                .flatMap(c -> text(c, "headline"))
                .orElse(null);
        return new ItemPackage(attribute(packageItem, "guid"), headline, guids);
    }

    private static Long version(Element item) {
        String version = attribute(item, "version");
        try {
            return version == null ? null : Long.valueOf(version.trim());
        } catch (NumberFormatException e) {
            throw new ParseException(
                    "newsItem " + attribute(item, "guid") + " has a version that is not a number: " + version);
        }
    }

    private static PubStatus pubStatus(Element meta) {
        String qcode = child(meta, "pubStatus")
                .map(status -> attribute(status, "qcode"))
                .orElse("stat:usable");
        return switch (qcode.substring(qcode.indexOf(':') + 1)) {
            case "withheld" -> PubStatus.WITHHELD;
            case "canceled", "cancelled" -> PubStatus.CANCELED;
            default -> PubStatus.USABLE;
        };
    }

    private static Optional<String> description(Element content) {
        List<Element> descriptions = children(content, "description");
        return descriptions.stream()
                .filter(d -> String.valueOf(attribute(d, "role")).endsWith("summary"))
                .findFirst()
                .or(() -> descriptions.stream().findFirst())
                .map(Node::getTextContent)
                .map(String::strip)
                .filter(text -> !text.isEmpty());
    }

    private static List<String> bylines(Element content) {
        List<String> names = new ArrayList<>();
        text(content, "by").ifPresent(names::add);
        if (names.isEmpty()) {
            children(content, "creator")
                    .forEach(creator -> text(creator, "name").ifPresent(names::add));
        }
        return names;
    }

    private static List<String> subjects(Element content) {
        List<String> subjects = new ArrayList<>();
        for (Element subject : children(content, "subject")) {
            text(subject, "name")
                    .or(() -> Optional.ofNullable(attribute(subject, "qcode")))
                    .ifPresent(subjects::add);
        }
        return subjects;
    }

    private static String rights(Element rightsInfo) {
        List<String> parts = new ArrayList<>();
        child(rightsInfo, "copyrightHolder")
                .flatMap(holder -> text(holder, "name"))
                .map(name -> "© " + name)
                .ifPresent(parts::add);
        text(rightsInfo, "copyrightNotice").ifPresent(parts::add);
        text(rightsInfo, "usageTerms").ifPresent(parts::add);
        return parts.isEmpty() ? null : String.join(". ", parts);
    }

    /** The first usable content: XHTML body, NITF body.content, or plain text data. */
    private static String body(Element item) {
        Optional<Element> contentSet = child(item, "contentSet");
        if (contentSet.isEmpty()) {
            return null;
        }
        for (Element inline : children(contentSet.get(), "inlineXML")) {
            Optional<Element> html = firstByLocalName(inline, "body")
                    .flatMap(body -> body.getParentNode() instanceof Element parent
                                    && parent.getLocalName().equals("html")
                            ? Optional.of(body)
                            : Optional.empty());
            if (html.isPresent()) {
                return serializeChildren(html.get());
            }
            Optional<Element> nitf = firstByLocalName(inline, "body.content");
            if (nitf.isPresent()) {
                renameNitfHeadings(nitf.get());
                return serializeChildren(nitf.get());
            }
        }
        for (Element data : children(contentSet.get(), "inlineData")) {
            String text = data.getTextContent();
            if (text != null && !text.isBlank()) {
                return TextToHtml.paragraphs(text);
            }
        }
        return null;
    }

    /** NITF writes subheadings as hl2. */
    private static void renameNitfHeadings(Element content) {
        for (Element heading : descendantsByLocalName(content, "hl2")) {
            content.getOwnerDocument().renameNode(heading, heading.getNamespaceURI(), "h2");
        }
    }

    private static String serializeChildren(Element parent) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
                transformer.transform(new DOMSource(child), new StreamResult(out));
            }
            return out.toString();
        } catch (TransformerException e) {
            throw new ParseException("cannot read the NewsML-G2 body: " + e.getMessage(), e);
        }
    }

    private static Instant instant(String text) {
        return Rfc3339.parseOrNull(text);
    }

    private static String attribute(Element element, String name) {
        String value = name.equals("xml:lang")
                ? element.getAttributeNS(XMLConstants.XML_NS_URI, "lang")
                : element.getAttribute(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Optional<String> text(Element parent, String name) {
        return child(parent, name).map(Node::getTextContent).map(String::strip).filter(text -> !text.isEmpty());
    }

    private static Optional<Element> child(Element parent, String name) {
        return children(parent, name).stream().findFirst();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element
                    && NAR.equals(element.getNamespaceURI())
                    && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static List<Element> descendants(Element root, String name) {
        List<Element> found = new ArrayList<>();
        if (NAR.equals(root.getNamespaceURI()) && name.equals(root.getLocalName())) {
            found.add(root);
            return found;
        }
        var nodes = root.getElementsByTagNameNS(NAR, name);
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    private static Optional<Element> firstByLocalName(Element root, String localName) {
        return descendantsByLocalName(root, localName).stream().findFirst();
    }

    private static List<Element> descendantsByLocalName(Element root, String localName) {
        List<Element> found = new ArrayList<>();
        var nodes = root.getElementsByTagNameNS("*", localName);
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }
}
