package org.feedwerk.translate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Carries inline markup through engines that only translate plain text: each tag becomes a numbered token
 * ({@code ⟦1⟧…⟦/1⟧}, {@code ⟦2/⟧} for empty elements) that engines leave alone, and is restored afterwards. A
 * reply that lost or duplicated a token is refused.
 */
public final class InlinePlaceholders {
    private static final Pattern TOKEN = Pattern.compile("⟦(/?)(\\d+)(/?)⟧");

    private final String text;
    private final Map<String, String> tags;

    private InlinePlaceholders(String text, Map<String, String> tags) {
        this.text = text;
        this.tags = tags;
    }

    public static InlinePlaceholders protect(String html) {
        StringBuilder text = new StringBuilder();
        Map<String, String> tags = new HashMap<>();
        int[] counter = {0};
        for (Node node : Jsoup.parseBodyFragment(html).body().childNodes()) {
            append(node, text, tags, counter);
        }
        return new InlinePlaceholders(text.toString(), tags);
    }

    private static void append(Node node, StringBuilder text, Map<String, String> tags, int[] counter) {
        if (node instanceof TextNode textNode) {
            text.append(textNode.getWholeText());
            return;
        }
        if (!(node instanceof Element element)) {
            return;
        }
        int number = ++counter[0];
        Element shallow = element.shallowClone();
        String open = shallow.outerHtml();
        String close = "</" + element.tagName() + ">";
        if (element.childNodeSize() == 0) {
            tags.put(
                    "⟦" + number + "/⟧",
                    open.endsWith(close) ? open.substring(0, open.length() - close.length()) : open);
            text.append("⟦").append(number).append("/⟧");
            return;
        }
        tags.put("⟦" + number + "⟧", open.substring(0, open.length() - close.length()));
        tags.put("⟦/" + number + "⟧", close);
        text.append("⟦").append(number).append("⟧");
        for (Node child : element.childNodes()) {
            append(child, text, tags, counter);
        }
        text.append("⟦/").append(number).append("⟧");
    }

    /** Plain text with tokens, to send to the engine. */
    public String text() {
        return text;
    }

    /** The engine's reply with the tokens turned back into the original tags and the text escaped. */
    public String restore(String translated) {
        StringBuilder html = new StringBuilder();
        List<String> seen = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(translated);
        int last = 0;
        while (matcher.find()) {
            html.append(Entities.escape(translated.substring(last, matcher.start())));
            String tag = tags.get(matcher.group());
            if (tag == null || seen.contains(matcher.group())) {
                throw new TranslationException(
                        TranslationException.Kind.BAD_OUTPUT,
                        "placeholder " + matcher.group() + " unknown or repeated in the engine's reply");
            }
            seen.add(matcher.group());
            html.append(tag);
            last = matcher.end();
        }
        html.append(Entities.escape(translated.substring(last)));
        if (seen.size() != tags.size()) {
            throw new TranslationException(
                    TranslationException.Kind.BAD_OUTPUT,
                    "the engine's reply lost " + (tags.size() - seen.size()) + " markup placeholder(s)");
        }
        return html.toString();
    }
}
