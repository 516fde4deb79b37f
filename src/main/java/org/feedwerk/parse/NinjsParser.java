package org.feedwerk.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * IPTC ninjs 1.x and 2.0 (one object, or a list of them): uri, version, versioncreated, firstcreated, pubstatus,
 * embargoed, language, headline / headlines, description_text / description_html / descriptions, body_html /
 * body_text / bodies, byline / by, subject / subjects, located, associations (pictures).
 */
public final class NinjsParser implements FeedParser {
    private static final Pattern LOOKS_LIKE_HTML = Pattern.compile("</?[A-Za-z][^<>]*>");

    @Override
    public FeedFormat format() {
        return FeedFormat.NINJS;
    }

    @Override
    public ParsedFeed parse(Payload payload) {
        JsonNode root = JsonDocuments.read(payload);
        List<Item> items = new ArrayList<>();
        for (JsonNode node : root.isArray() ? root : List.of(root)) {
            items.add(mapItem(node));
        }
        return new ParsedFeed(FeedFormat.NINJS, null, null, null, items);
    }

    private static Item mapItem(JsonNode node) {
        String uri = text(node, "uri");
        if (uri == null) {
            throw new ParseException("ninjs document without uri");
        }
        return Item.builder()
                .guid(uri)
                .link(findLink(node))
                .title(TextToHtml.title(findHeadline(node)))
                .summaryHtml(findDescription(node))
                .contentHtml(findBody(node))
                .authors(findBylines(node))
                .published(date(node, "firstcreated"))
                .updated(date(node, "versioncreated"))
                .categories(findSubjects(node))
                .images(findImages(node))
                .language(text(node, "language"))
                .version(version(node))
                .pubStatus(pubStatus(node))
                .embargoed(date(node, "embargoed"))
                .dateline(text(node, "located"))
                .rights(findRights(node))
                .build();
    }

    private static Long version(JsonNode node) {
        JsonNode version = node.get("version");
        if (version == null || version.isNull()) {
            return null;
        }
        try {
            return Long.valueOf(version.asText().trim());
        } catch (NumberFormatException e) {
            throw new ParseException(
                    "ninjs " + text(node, "uri") + " has a version that is not a number: " + version.asText());
        }
    }

    private static PubStatus pubStatus(JsonNode node) {
        String status = String.valueOf(text(node, "pubstatus"));
        return switch (status) {
            case "withheld" -> PubStatus.WITHHELD;
            case "canceled", "cancelled" -> PubStatus.CANCELED;
            default -> PubStatus.USABLE;
        };
    }

    private static String findLink(JsonNode node) {
        for (JsonNode link : node.path("links")) {
            String href = text(link, "href");
            if (href != null && href.startsWith("http") && !"self".equals(text(link, "rel"))) {
                return href;
            }
        }
        String uri = text(node, "uri");
        return uri != null && uri.startsWith("http") ? uri : null;
    }

    private static String findHeadline(JsonNode node) {
        String headline = text(node, "headline");
        if (headline != null) {
            return headline;
        }
        String main = byRole(node.path("headlines"), "main"); // ninjs 2.0
        return main != null ? main : variant(node, "headline_"); // ninjs 1.x headline_xxx
    }

    /**
     * ninjs 1.x allows any number of alternative fields named {@code prefix + name} (patternProperties
     * {@code ^headline_…}, {@code ^description_…}, {@code ^body_…}); {@code prefix + "main"} first, then document order.
     */
    private static String variant(JsonNode node, String prefix) {
        String main = text(node, prefix + "main");
        if (main != null) {
            return main;
        }
        for (Iterator<String> fields = node.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            if (field.startsWith(prefix) && text(node, field) != null) {
                return text(node, field);
            }
        }
        return null;
    }

    /** A ninjs 1.x variant field carries text or HTML; which one only its content tells. */
    private static String variantAsHtml(JsonNode node, String prefix) {
        String value = variant(node, prefix);
        return value == null ? null : LOOKS_LIKE_HTML.matcher(value).find() ? value : TextToHtml.paragraphs(value);
    }

    private static String findDescription(JsonNode node) {
        String html = text(node, "description_html");
        if (html != null) {
            return html;
        }
        String plain = text(node, "description_text");
        if (plain == null) {
            plain = byRole(node.path("descriptions"), "summary"); // ninjs 2.0
        }
        return plain == null ? variantAsHtml(node, "description_") : TextToHtml.paragraphs(plain);
    }

    private static String findBody(JsonNode node) {
        String html = text(node, "body_html");
        if (html != null) {
            return html;
        }
        for (JsonNode body : node.path("bodies")) { // ninjs 2.0: prefer HTML
            if (String.valueOf(text(body, "contenttype")).contains("html") && text(body, "value") != null) {
                return text(body, "value");
            }
        }
        for (JsonNode body : node.path("bodies")) {
            if (text(body, "value") != null) {
                return TextToHtml.paragraphs(text(body, "value"));
            }
        }
        String plain = text(node, "body_text");
        return plain == null ? variantAsHtml(node, "body_") : TextToHtml.paragraphs(plain);
    }

    private static List<String> findBylines(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (text(node, "byline") != null) {
            names.add(text(node, "byline"));
        }
        for (JsonNode person : node.path("by")) { // ninjs 2.0: a list of people
            if (text(person, "name") != null) {
                names.add(text(person, "name"));
            }
        }
        if (node.path("by").isTextual()) {
            names.add(node.path("by").asText());
        }
        return names;
    }

    private static List<String> findSubjects(JsonNode node) {
        List<String> subjects = new ArrayList<>();
        for (String field : List.of("subject", "subjects")) {
            for (JsonNode subject : node.path(field)) {
                String name = text(subject, "name");
                if (name != null) {
                    subjects.add(name);
                }
            }
        }
        return subjects;
    }

    private static List<ItemImage> findImages(JsonNode node) {
        List<ItemImage> images = new ArrayList<>();
        JsonNode associations = node.path("associations");
        Iterator<JsonNode> values = associations.isArray() ? associations.elements() : associations.elements();
        while (values.hasNext()) {
            JsonNode association = values.next();
            if (!"picture".equals(text(association, "type"))) {
                continue;
            }
            String href = pictureHref(association);
            if (href != null) {
                String caption = text(association, "description_text") != null
                        ? text(association, "description_text")
                        : text(association, "headline");
                images.add(new ItemImage(href, caption));
            }
        }
        return images;
    }

    private static String pictureHref(JsonNode association) {
        JsonNode renditions = association.path("renditions");
        for (Iterator<Map.Entry<String, JsonNode>> it = renditions.fields(); it.hasNext(); ) {
            String href = text(it.next().getValue(), "href");
            if (href != null) {
                return href;
            }
        }
        for (JsonNode rendition : renditions) { // ninjs 2.0: a list
            if (text(rendition, "href") != null) {
                return text(rendition, "href");
            }
        }
        return text(association, "uri");
    }

    private static String findRights(JsonNode node) {
        JsonNode rights = node.path("rightsinfo");
        String usage = text(rights, "usageterms") != null ? text(rights, "usageterms") : text(node, "usageterms");
        String copyright = text(rights, "copyrightnotice") != null
                ? text(rights, "copyrightnotice")
                : text(node, "copyrightnotice");
        if (usage == null && copyright == null) {
            return null;
        }
        return copyright == null ? usage : usage == null ? copyright : copyright + ". " + usage;
    }

    private static String byRole(JsonNode list, String preferredRole) {
        String first = null;
        for (JsonNode entry : list) {
            String value = text(entry, "value");
            if (value != null && first == null) {
                first = value;
            }
            if (value != null && preferredRole.equals(text(entry, "role"))) {
                return value;
            }
        }
        return first;
    }

    private static Instant date(JsonNode node, String field) {
        return Rfc3339.parseOrNull(text(node, field));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null
                        && value.isValueNode()
                        && !value.isNull()
                        && !value.asText().isBlank()
                ? value.asText().trim()
                : null;
    }
}
