package org.feedwerk.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** JSON Feed 1.0 and 1.1 (https://www.jsonfeed.org/version/1.1/). */
public final class JsonFeedParser implements FeedParser {

    @Override
    public FeedFormat format() {
        return FeedFormat.JSON_FEED;
    }

    @Override
    public ParsedFeed parse(Payload payload) {
        JsonNode root = JsonDocuments.read(payload);
        String version = text(root, "version");
        if (version == null || !version.contains("jsonfeed.org/version/")) {
            throw new ParseException("not a JSON Feed: missing or unknown \"version\"");
        }
        JsonNode items = root.path("items");
        if (!items.isArray()) {
            throw new ParseException("not a JSON Feed: \"items\" is missing or not a list");
        }
        String feedLanguage = text(root, "language");
        List<Item> parsed = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            if (item.isObject()) {
                parsed.add(mapItem(item));
            }
        }
        return new ParsedFeed(
                FeedFormat.JSON_FEED,
                text(root, "title"),
                text(root, "home_page_url"),
                feedLanguage,
                parsed,
                List.of(),
                ItemLinks.absolute(text(root, "next_url"), ItemLinks.absolute(payload.origin(), null)),
                List.of());
    }

    private static Item mapItem(JsonNode item) {
        String contentHtml = text(item, "content_html");
        String contentText = text(item, "content_text");
        String content =
                contentHtml != null ? contentHtml : contentText == null ? null : TextToHtml.paragraphs(contentText);
        String summary = text(item, "summary");
        return Item.builder()
                .guid(scalar(item.get("id")))
                .link(text(item, "url") != null ? text(item, "url") : text(item, "external_url"))
                .title(TextToHtml.title(text(item, "title")))
                .summaryHtml(summary == null ? null : TextToHtml.paragraphs(summary))
                .contentHtml(content)
                .authors(findAuthors(item))
                .published(date(item, "date_published"))
                .updated(date(item, "date_modified"))
                .categories(findTags(item))
                .images(findImages(item))
                .language(text(item, "language"))
                .build();
    }

    private static List<String> findAuthors(JsonNode item) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode author : item.path("authors")) {
            addName(names, author);
        }
        addName(names, item.get("author")); // JSON Feed 1.0
        return List.copyOf(names);
    }

    private static void addName(Set<String> names, JsonNode author) {
        String name = author == null ? null : text(author, "name");
        if (name != null) {
            names.add(name);
        }
    }

    private static List<String> findTags(JsonNode item) {
        List<String> tags = new ArrayList<>();
        for (JsonNode tag : item.path("tags")) {
            if (tag.isTextual() && !tag.asText().isBlank()) {
                tags.add(tag.asText().trim());
            }
        }
        return tags;
    }

    private static List<ItemImage> findImages(JsonNode item) {
        List<ItemImage> images = new ArrayList<>();
        for (String key : List.of("image", "banner_image")) {
            String url = text(item, key);
            if (url != null) {
                images.add(new ItemImage(url, null));
            }
        }
        for (JsonNode attachment : item.path("attachments")) {
            String type = text(attachment, "mime_type");
            String url = text(attachment, "url");
            if (url != null && type != null && type.startsWith("image/")) {
                images.add(new ItemImage(url, text(attachment, "title")));
            }
        }
        return images.stream().distinct().toList();
    }

    private static Instant date(JsonNode node, String field) {
        return Rfc3339.parseOrNull(text(node, field));
    }

    /** JSON Feed 1.0 allowed numeric ids; they are read as their text. */
    private static String scalar(JsonNode node) {
        return node == null || !node.isValueNode() || node.isNull()
                ? null
                : node.asText().isBlank() ? null : node.asText().trim();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank()
                ? value.asText().trim()
                : null;
    }
}
