package org.feedwerk.html;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * The markup of an HTML fragment as a sorted list of tags with their link and image targets. Two fragments with
 * equal signatures carry the same inline tags and the same hrefs; order may differ, since a translation may move
 * an emphasized phrase.
 */
public record MarkupSignature(List<String> tags) {
    public static MarkupSignature of(String html) {
        List<String> tags = new ArrayList<>();
        for (Element element : Jsoup.parseBodyFragment(html).body().getAllElements()) {
            if (element.tagName().equals("body")) {
                continue;
            }
            StringBuilder tag = new StringBuilder(element.tagName());
            if (element.hasAttr("href")) {
                tag.append(" href=").append(element.attr("href"));
            }
            if (element.hasAttr("src")) {
                tag.append(" src=").append(element.attr("src"));
            }
            tags.add(tag.toString());
        }
        Collections.sort(tags);
        return new MarkupSignature(List.copyOf(tags));
    }

    /** What differs, for error messages: tags missing from {@code other} and tags it added. */
    public String differenceTo(MarkupSignature other) {
        List<String> missing = new ArrayList<>(tags);
        other.tags.forEach(missing::remove);
        List<String> added = new ArrayList<>(other.tags);
        tags.forEach(added::remove);
        return "missing " + missing + ", added " + added;
    }
}
