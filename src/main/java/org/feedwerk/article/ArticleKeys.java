package org.feedwerk.article;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.feedwerk.parse.Item;

/**
 * Stable article ids. The key of an item is its guid, or its link, title or text when it has none; a guid the source has used
 * for different stories (seen with different links in one document) is combined with the link from then on.
 * The id is a short hash of source id and key, so the same item always maps to the same article.
 */
public final class ArticleKeys {
    private static final int ID_HEX_CHARS = 16;

    private ArticleKeys() {}

    public static String articleId(String sourceId, String key) {
        return RevisionContent.sha256Hex(sourceId + "\n" + key).substring(0, ID_HEX_CHARS);
    }

    /**
     * The item's key: guid, link, title, or — for an item that has none of them, as RSS allows — its text, so that
     * the same description-only item maps to the same article on every fetch.
     */
    public static String keyFor(Item item, Set<String> reusedGuids, RevisionContent content) {
        String key = keyWithoutText(item, reusedGuids);
        if (key != null) {
            return key;
        }
        String text = ArticleHtml.plainText(content.bodyHtml()); // whitespace already collapsed
        return "text:" + RevisionContent.sha256Hex(text.isEmpty() ? content.headline() : text);
    }

    /** The key from the item's guid, link or title; null when it has none of them and its text is the key. */
    static String keyWithoutText(Item item, Set<String> reusedGuids) {
        if (item.guid() != null) {
            if (reusedGuids.contains(item.guid()) && item.link() != null) {
                return item.guid() + "\n" + item.link();
            }
            return item.guid();
        }
        if (item.link() != null) {
            return item.link();
        }
        String title = ArticleHtml.plainText(item.title());
        return title.isEmpty() ? null : "title:" + title;
    }

    /** Guids that stand on two or more items with different links in one document. */
    public static Set<String> findReusedGuids(List<Item> items) {
        Map<String, String> firstLink = new HashMap<>();
        Set<String> reused = new HashSet<>();
        for (Item item : items) {
            if (item.guid() == null) {
                continue;
            }
            if (firstLink.containsKey(item.guid())) {
                if (!Objects.equals(firstLink.get(item.guid()), item.link())) {
                    reused.add(item.guid());
                }
            } else {
                firstLink.put(item.guid(), item.link());
            }
        }
        return reused;
    }
}
