package org.feedwerk.parse;

import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndPerson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

/** Maps one Rome entry to an {@link Item}: guid, full content before summary, authors, dates, images. */
final class RomeEntryMapper {
    private static final Namespace MEDIA_RSS = Namespace.getNamespace("media", "http://search.yahoo.com/mrss/");
    private static final Namespace ATOM = Namespace.getNamespace("http://www.w3.org/2005/Atom");
    private static final Namespace FEEDBURNER = Namespace.getNamespace("http://rssnamespace.org/feedburner/ext/1.0");
    private static final Namespace DC_TERMS = Namespace.getNamespace("http://purl.org/dc/terms/");
    private static final String ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    private static final Pattern NAME_WITH_EMAIL =
            Pattern.compile("^(.+?)\\s*+\\((?:mailto:)?[^\\s@()]++@[^\\s()]++\\)$");
    // RSS <author> is an e-mail address, often with the name in brackets: "desk@example.org (Jane Roe)". The
    // address part is one run of non-space characters, matched possessively: no backtracking on hostile input.
    private static final Pattern EMAIL_WITH_NAME = Pattern.compile("^[^\\s@]++@\\S++\\s*+\\((.+)\\)$");
    private static final int LONGEST_AUTHOR = 500;

    /** @param rdf true for RSS 0.90 and 1.0, whose items are identified by {@code rdf:about} */
    Item map(SyndEntry entry, boolean rdf) {
        String link = findLink(entry);
        String mediaText = findMediaDescription(entry);
        String description = findDescription(entry);
        String summary = description != null ? description : mediaText;
        return Item.builder()
                .guid(findGuid(entry, rdf))
                .link(link)
                .url(entry.getWireEntry() instanceof Entry atom ? findAtomAddress(atom) : findRssAddress(entry, link))
                .title(findTitle(entry))
                .summaryHtml(summary)
                .contentHtml(findContent(entry))
                .authors(findAuthors(entry))
                .published(firstNonNull(
                        RssItemDates.published(entry),
                        foreignDate(entry, DC_TERMS, "issued", "created"),
                        foreignDate(entry, ATOM, "published")))
                .updated(firstNonNull(
                        toInstant(entry.getUpdatedDate()),
                        foreignDate(entry, DC_TERMS, "modified"),
                        foreignDate(entry, ATOM, "updated")))
                .categories(findCategories(entry))
                // the picture is not captioned with the item's own text again
                .images(findImages(entry, summary != null && summary.equals(mediaText)))
                .build();
    }

    /**
     * {@code <title>}, else Dublin Core's {@code dc:title}, else Media RSS's {@code media:title}. An Atom title is
     * plain text unless it says {@code type="html"} or {@code "xhtml"} (RFC 4287; see {@link TextToHtml#title}). RSS
     * titles are read as HTML, as feed readers do.
     */
    private static String findTitle(SyndEntry entry) {
        String title = RomeFeedReader.blankToNull(entry.getTitle());
        if (title != null && entry.getWireEntry() instanceof Entry atom && isAtomText(atom.getTitleEx())) {
            return TextToHtml.title(title);
        }
        if (title == null && entry.getModule(DCModule.URI) instanceof DCModule dublinCore) {
            title = RomeFeedReader.blankToNull(dublinCore.getTitle());
        }
        if (title == null) {
            for (Element element : entry.getForeignMarkup()) {
                if (MEDIA_RSS.equals(element.getNamespace())) {
                    title = RomeFeedReader.blankToNull(
                            element.getName().equals("title")
                                    ? element.getTextNormalize()
                                    : element.getChildTextNormalize("title", MEDIA_RSS));
                    if (title != null) {
                        break;
                    }
                }
            }
        }
        return title;
    }

    /**
     * Atom 1.0 says {@code text} (the default), {@code html} or {@code xhtml}; Atom 0.3 gives a MIME type
     * ({@code text/plain} by default, {@code text/html}, {@code application/xhtml+xml}), which only the wire entry
     * keeps.
     */
    private static boolean isAtomText(Content title) {
        String type = title == null ? null : title.getType();
        return type == null || type.equalsIgnoreCase("text") || type.equalsIgnoreCase("text/plain");
    }

    private static String findGuid(SyndEntry entry, boolean rdf) {
        Object wire = entry.getWireEntry();
        if (wire instanceof com.rometools.rome.feed.rss.Item rssItem) {
            if (rssItem.getGuid() != null && rssItem.getGuid().getValue() != null) {
                return RomeFeedReader.blankToNull(rssItem.getGuid().getValue());
            }
            // Rome fills the uri of RSS 2.0 items from the link; only rdf:about is a real identifier.
            return rdf ? RomeFeedReader.blankToNull(rssItem.getUri()) : null;
        }
        if (wire instanceof Entry atomEntry) {
            return RomeFeedReader.blankToNull(atomEntry.getId());
        }
        return RomeFeedReader.blankToNull(entry.getUri());
    }

    private static String findLink(SyndEntry entry) {
        String link = RomeFeedReader.blankToNull(entry.getLink());
        if (link == null
                && entry.getWireEntry() instanceof com.rometools.rome.feed.rss.Item rssItem
                && rssItem.getGuid() != null
                && rssItem.getGuid().isPermaLink()) {
            link = RomeFeedReader.blankToNull(rssItem.getGuid().getValue());
        }
        return link;
    }

    /**
     * An RSS item's web address when it is not its {@code <link>}: FeedBurner's {@code feedburner:origLink} (the
     * publisher's own address behind FeedBurner's redirect), else, for an item without a link, an Atom
     * {@code atom:link} to its page. Null: the item's link decides. Only the address changes, never the link that
     * is part of the article's key.
     */
    private static String findRssAddress(SyndEntry entry, String link) {
        for (Element element : entry.getForeignMarkup()) {
            if (FEEDBURNER.equals(element.getNamespace()) && element.getName().equals("origLink")) {
                String original = ItemLinks.absolute(element.getTextTrim(), null);
                if (original != null) {
                    return original;
                }
            }
        }
        if (link != null) {
            return null;
        }
        return foreignAtoms(entry, "link")
                .filter(atomLink -> atomLink.getAttributeValue("rel") == null
                        || "alternate".equals(atomLink.getAttributeValue("rel")))
                .map(atomLink -> ItemLinks.absolute(atomLink.getAttributeValue("href"), null))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    /**
     * An Atom entry's web address when it is not simply its first alternate link: the alternate link that is a web
     * page when the first is another type (a PDF, an audio file), else its id when that is an http(s) address and
     * there is no alternate link, as feed readers take it. Null: the item's link decides (see {@link ItemLinks}).
     */
    private static String findAtomAddress(Entry atomEntry) {
        List<Link> alternates = atomEntry.getAlternateLinks();
        if (alternates == null || alternates.isEmpty()) {
            return ItemLinks.absolute(atomEntry.getId(), null);
        }
        return alternates.stream()
                .filter(link -> link.getType() == null
                        || link.getType().startsWith("text/html")
                        || link.getType().startsWith("application/xhtml"))
                .map(link -> ItemLinks.absolute(link.getHref(), null))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    /**
     * The item's description (RSS) or summary (Atom); else, as feed readers take it, Dublin Core's
     * {@code dc:description} or a podcast's {@code itunes:summary}. Without any of them the item's text is its
     * Media RSS description ({@link #findMediaDescription}).
     */
    private static String findDescription(SyndEntry entry) {
        if (entry.getDescription() != null
                && RomeFeedReader.blankToNull(entry.getDescription().getValue()) != null) {
            return asHtml(entry.getDescription());
        }
        if (entry.getModule(DCModule.URI) instanceof DCModule dublinCore
                && RomeFeedReader.blankToNull(dublinCore.getDescription()) != null) {
            return dublinCore.getDescription();
        }
        for (Element element : entry.getForeignMarkup()) {
            if (isItunes(element) && element.getName().equals("summary")) {
                return plainTextAsHtml(element.getText());
            }
        }
        return null;
    }

    /** The item's or its {@code media:group}'s {@code media:description}, as HTML (video feeds carry their text only there). */
    private static String findMediaDescription(SyndEntry entry) {
        for (Element element : entry.getForeignMarkup()) {
            Element description = !MEDIA_RSS.equals(element.getNamespace())
                    ? null
                    : element.getName().equals("description")
                            ? element
                            : element.getName().equals("group") ? element.getChild("description", MEDIA_RSS) : null;
            if (description != null && RomeFeedReader.blankToNull(description.getText()) != null) {
                return "html".equals(description.getAttributeValue("type"))
                        ? description.getText()
                        : plainTextAsHtml(description.getText());
            }
        }
        return null;
    }

    private static String plainTextAsHtml(String text) {
        return RomeFeedReader.blankToNull(text) == null ? null : TextToHtml.paragraphs(text);
    }

    /** The first of these elements of {@code namespace} among the entry's foreign markup that holds a date. */
    private static Instant foreignDate(SyndEntry entry, Namespace namespace, String... names) {
        for (String name : names) {
            for (Element element : entry.getForeignMarkup()) {
                if (namespace.equals(element.getNamespace())
                        && element.getName().equals(name)) {
                    Instant date = Rfc3339.parseOrNull(element.getText());
                    if (date != null) {
                        return date;
                    }
                }
            }
        }
        return null;
    }

    private static Instant firstNonNull(Instant... dates) {
        return Stream.of(dates).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static String findContent(SyndEntry entry) {
        for (SyndContent content : entry.getContents()) {
            if (content.getValue() != null && !content.getValue().isBlank()) {
                return asHtml(content);
            }
        }
        return foreignAtom(entry, "content").map(RomeEntryMapper::atomText).orElse(null);
    }

    /**
     * An Atom text construct found in an RSS item ({@code <atom:content type="html">}): HTML as it is, XHTML as
     * the markup inside its {@code div}, text as paragraphs.
     */
    private static String atomText(Element element) {
        String type = String.valueOf(element.getAttributeValue("type")).strip().toLowerCase(Locale.ROOT);
        if (type.equals("xhtml")) {
            Element div = element.getChild("div", Namespace.getNamespace("http://www.w3.org/1999/xhtml"));
            List<org.jdom2.Content> inner = div != null ? div.getContent() : element.getContent();
            String markup = new XMLOutputter(Format.getRawFormat()).outputString(inner);
            return RomeFeedReader.blankToNull(markup.replace(" xmlns=\"http://www.w3.org/1999/xhtml\"", ""));
        }
        String value = RomeFeedReader.blankToNull(element.getText());
        return value == null || type.equals("html") ? value : TextToHtml.paragraphs(value);
    }

    /** The first element of this name in the Atom namespace among an RSS item's foreign markup. */
    private static Optional<Element> foreignAtom(SyndEntry entry, String name) {
        return foreignAtoms(entry, name).findFirst();
    }

    /** The elements of this name in the Atom namespace among an RSS item's foreign markup. */
    private static Stream<Element> foreignAtoms(SyndEntry entry, String name) {
        return entry.getForeignMarkup().stream()
                .filter(element ->
                        ATOM.equals(element.getNamespace()) && element.getName().equals(name));
    }

    /**
     * iTunes' namespace as Apple documents it, and as many podcast feeds write it after Apple's older documents
     * ({@code http://www.itunes.com/DTDs/PodCast-1.0.dtd}).
     */
    private static boolean isItunes(Element element) {
        return ITUNES.equalsIgnoreCase(element.getNamespaceURI());
    }

    /** Plain-text content is escaped and split into paragraphs so that it can be treated as HTML from here on. */
    static String asHtml(SyndContent content) {
        String value = content.getValue();
        if (value == null) {
            return null;
        }
        String type = content.getType() == null ? "" : content.getType().toLowerCase(Locale.ROOT);
        if (type.equals("text") || type.equals("text/plain")) {
            return TextToHtml.paragraphs(value);
        }
        return value;
    }

    private static List<String> findAuthors(SyndEntry entry) {
        Set<String> names = new LinkedHashSet<>();
        for (SyndPerson person : entry.getAuthors()) {
            if (person.getName() != null && !person.getName().isBlank()) {
                names.add(person.getName().trim());
            }
        }
        String author = entry.getAuthor() == null ? "" : entry.getAuthor().trim();
        if (names.isEmpty() && author.isEmpty()) {
            author = entry.getForeignMarkup().stream()
                    .filter(element -> isItunes(element) && element.getName().equals("author"))
                    .map(Element::getTextNormalize)
                    .findFirst()
                    .or(() -> foreignAtom(entry, "author")
                            .map(atomAuthor -> atomAuthor.getChildTextNormalize("name", ATOM)))
                    .orElse("");
        }
        if (names.isEmpty() && !author.isEmpty() && author.length() <= LONGEST_AUTHOR) {
            Matcher emailFirst = EMAIL_WITH_NAME.matcher(author);
            Matcher nameFirst = NAME_WITH_EMAIL.matcher(author);
            names.add(
                    emailFirst.matches()
                            ? emailFirst.group(1).trim()
                            : nameFirst.matches() ? nameFirst.group(1).trim() : author);
        }
        return List.copyOf(names);
    }

    private static List<String> findCategories(SyndEntry entry) {
        Set<String> names = new LinkedHashSet<>();
        if (entry.getWireEntry() instanceof Entry atom) {
            for (com.rometools.rome.feed.atom.Category category : atom.getCategories()) {
                atomCategoryName(category.getLabel(), category.getTerm()).ifPresent(names::add);
            }
        } else {
            for (SyndCategory category : entry.getCategories()) {
                if (category.getName() != null && !category.getName().isBlank()) {
                    names.add(category.getName().trim());
                }
            }
        }
        if (entry.getModule(DCModule.URI) instanceof DCModule dublinCore) {
            dublinCore.getSubjects().stream()
                    .map(subject -> RomeFeedReader.blankToNull(subject.getValue()))
                    .filter(Objects::nonNull)
                    .forEach(names::add);
        }
        foreignAtoms(entry, "category")
                .flatMap(category ->
                        atomCategoryName(category.getAttributeValue("label"), category.getAttributeValue("term"))
                                .stream())
                .forEach(names::add);
        return List.copyOf(names);
    }

    /** An Atom category's label is its name for people, its term the machine's: the label where there is one. */
    private static Optional<String> atomCategoryName(String label, String term) {
        return Optional.ofNullable(RomeFeedReader.blankToNull(label))
                .or(() -> Optional.ofNullable(RomeFeedReader.blankToNull(term)));
    }

    /** @param textFromMedia the item's text is its media description: a picture is then captioned by its title */
    private static List<ItemImage> findImages(SyndEntry entry, boolean textFromMedia) {
        List<ItemImage> images = new ArrayList<>();
        for (SyndEnclosure enclosure : entry.getEnclosures()) {
            if (enclosure.getUrl() != null && isImage(enclosure.getType(), enclosure.getUrl())) {
                images.add(new ItemImage(enclosure.getUrl(), null));
            }
        }
        for (Element element : entry.getForeignMarkup()) {
            if (isItunes(element) && element.getName().equals("image")) {
                String url = RomeFeedReader.blankToNull(element.getAttributeValue("href"));
                if (url != null) {
                    images.add(new ItemImage(url, null));
                }
            }
            if (!MEDIA_RSS.equals(element.getNamespace())) {
                continue;
            }
            if (element.getName().equals("group")) {
                findGroupImage(element, textFromMedia).ifPresent(images::add);
            } else {
                findMediaImage(element).ifPresent(images::add);
            }
        }
        return images.stream().distinct().toList();
    }

    private static final Pattern IMAGE_FILE = Pattern.compile("(?i)[^?#]*\\.(?:jpe?g|png|gif|webp|avif)(?:[?#].*)?");

    /** An image type; without a usable type (it is required, but left out or generic), a picture's file name. */
    private static boolean isImage(String type, String url) {
        if (isImageType(type)) {
            return true;
        }
        String declared = type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
        return (declared.isEmpty() || declared.equals("application/octet-stream"))
                && IMAGE_FILE.matcher(url.strip()).matches();
    }

    private static boolean isImageType(String type) {
        return type != null && type.strip().toLowerCase(Locale.ROOT).startsWith("image/");
    }

    /**
     * A {@code media:group} holds one picture in several sizes: its default (else first) image, captioned by the
     * group when the picture has no caption of its own; the group's thumbnail when it has no image content.
     */
    private static Optional<ItemImage> findGroupImage(Element group, boolean textFromMedia) {
        List<Element> contents = group.getChildren("content", MEDIA_RSS);
        Optional<ItemImage> picture = firstImage(
                        contents.stream().filter(content -> "true".equals(content.getAttributeValue("isDefault"))))
                .or(() -> firstImage(contents.stream()))
                .or(() -> firstImage(group.getChildren("thumbnail", MEDIA_RSS).stream()));
        String groupCaption = textFromMedia
                ? RomeFeedReader.blankToNull(group.getChildTextNormalize("title", MEDIA_RSS))
                : caption(group);
        return picture.map(image ->
                image.caption() == null && groupCaption != null ? new ItemImage(image.url(), groupCaption) : image);
    }

    private static Optional<ItemImage> firstImage(Stream<Element> media) {
        return media.map(RomeEntryMapper::findMediaImage)
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static String caption(Element element) {
        String caption = RomeFeedReader.blankToNull(element.getChildTextNormalize("description", MEDIA_RSS));
        return caption != null
                ? caption
                : RomeFeedReader.blankToNull(element.getChildTextNormalize("title", MEDIA_RSS));
    }

    /**
     * A {@code media:thumbnail}, or a {@code media:content} that is a picture by its {@code medium} or its type, or,
     * lacking both, by its file name, as for enclosures.
     */
    private static Optional<ItemImage> findMediaImage(Element element) {
        String url = RomeFeedReader.blankToNull(element.getAttributeValue("url"));
        if (url == null) {
            return Optional.empty();
        }
        String medium = RomeFeedReader.blankToNull(element.getAttributeValue("medium"));
        String type = element.getAttributeValue("type");
        boolean image = element.getName().equals("thumbnail")
                || (medium == null ? isImage(type, url) : medium.strip().equalsIgnoreCase("image"))
                || isImageType(type);
        if (!image) {
            return Optional.empty();
        }
        return Optional.of(new ItemImage(url.trim(), caption(element)));
    }

    private static Instant toInstant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
