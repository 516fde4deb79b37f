package org.feedwerk.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Decides the format of a payload: XML by its root element, JSON by parsing; parsers themselves never guess. */
public final class FormatSniffer {
    private static final int HEAD_CHARS = 16 * 1024;
    // Skips the XML declaration, processing instructions, comments and a DOCTYPE (with internal subset).
    private static final Pattern ROOT_ELEMENT = Pattern.compile(
            "^(?:\\s+|<\\?.*?\\?>|<!--.*?-->|<!DOCTYPE[^\\[>]*(?:\\[.*?\\])?\\s*>)*<([A-Za-z_][\\w.-]*:)?([A-Za-z_][\\w.-]*)",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    public FeedFormat sniff(Payload payload) {
        String head = head(payload);
        String trimmed = head.stripLeading();
        if (trimmed.isEmpty()) {
            throw new ParseException("empty document");
        }
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            return sniffJson(JsonDocuments.read(payload));
        }
        try {
            if (trimmed.startsWith("<")) {
                return sniffXml(trimmed, payload);
            }
            throw new ParseException("not a feed: the document is neither XML nor JSON");
        } catch (ParseException e) {
            // Something printed ahead of the feed (a comment, a PHP notice): the XML declaration says where it starts.
            int declaration = trimmed.indexOf("<?xml");
            if (declaration > 0) {
                return sniffXml(trimmed.substring(declaration), payload);
            }
            throw e;
        }
    }

    /**
     * By parsing, not by searching text: the version URL may be written with escaped slashes, and {@code version}
     * may come after the items.
     */
    private static FeedFormat sniffJson(JsonNode root) {
        if (root.isObject() && root.path("version").asText("").contains("jsonfeed.org/version")) {
            return FeedFormat.JSON_FEED;
        }
        JsonNode first = root.isArray() && !root.isEmpty() ? root.get(0) : root;
        if (first.isObject() && first.hasNonNull("uri")) {
            return FeedFormat.NINJS;
        }
        throw new ParseException("JSON document is not a JSON Feed (no \"version\": \"https://jsonfeed.org/version/…\")"
                + " and not ninjs (no \"uri\")");
    }

    private static FeedFormat sniffXml(String head, Payload payload) {
        Matcher matcher = ROOT_ELEMENT.matcher(head);
        if (!matcher.find()) {
            throw new ParseException("XML document without a recognizable root element");
        }
        String root = matcher.group(2).toLowerCase(Locale.ROOT);
        return switch (root) {
            case "rss", "rdf", "channel" -> FeedFormat.RSS;
            case "feed", "entry" -> FeedFormat.ATOM;
            case "newsitem", "newsmessage", "packageitem" -> FeedFormat.NEWSML_G2;
            case "html", "head", "body" -> throw HtmlPageInsteadOfFeed.error(payload);
            default -> throw new ParseException("unrecognized feed format: root element <" + matcher.group(2) + ">");
        };
    }

    private static String head(Payload payload) {
        byte[] body = payload.body();
        byte[] start = body.length <= HEAD_CHARS ? body : Arrays.copyOf(body, HEAD_CHARS);
        return SecureXml.decode(new Payload(start, payload.contentType(), payload.origin()));
    }
}
