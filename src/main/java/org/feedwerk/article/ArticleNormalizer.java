package org.feedwerk.article;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.feedwerk.config.SourceConfig;
import org.feedwerk.parse.Item;
import org.feedwerk.parse.ItemImage;
import org.feedwerk.parse.ParsedFeed;

/** Turns a parsed item into revision content: plain-text headline and teaser, sanitized body, cleaned metadata. */
public final class ArticleNormalizer {
    private static final int DERIVED_HEADLINE_WORDS = 14;

    /** Empty when the item has neither a title nor any body text: there is nothing to publish. */
    public Optional<RevisionContent> normalize(Item item, ParsedFeed feed, SourceConfig source) {
        String base = firstNonNull(item.link(), feed.link(), source.findUrl().map(URI::toString).orElse(null));
        boolean hasContent = item.contentHtml() != null && !item.contentHtml().isBlank();
        String bodyHtml = ArticleHtml.sanitize(
                ArticleHtml.paragraphsIfPlainText(hasContent ? item.contentHtml() : item.summaryHtml()), base);
        String bodyText = ArticleHtml.plainText(bodyHtml);
        String headline = ArticleHtml.plainText(item.title());
        boolean headlineDerived = headline.isEmpty();
        if (headlineDerived) {
            headline = firstWords(bodyText);
        }
        if (headline.isEmpty()) {
            return Optional.empty();
        }
        String teaser = hasContent ? ArticleHtml.plainText(item.summaryHtml()) : "";
        if (teaser.isEmpty() || bodyText.equals(teaser)) {
            teaser = null;
        }
        return Optional.of(new RevisionContent(
                headline,
                teaser,
                bodyHtml,
                item.authors().isEmpty() ? null : String.join(", ", item.authors()),
                item.dateline() == null ? null : ArticleHtml.plainText(item.dateline()),
                findLanguage(item, feed, source),
                item.published(),
                item.updated(),
                item.version(),
                item.pubStatus(),
                item.categories(),
                safeImages(item.images()),
                item.embargoed(),
                item.correction(),
                item.rights() == null ? null : ArticleHtml.plainText(item.rights()),
                item.slugline() == null ? null : ArticleHtml.plainText(item.slugline()),
                item.urgency(),
                headlineDerived));
    }

    /** Primary language subtag, lower case: "en-US" → "en". The item wins over the feed, the feed over config. */
    static String findLanguage(Item item, ParsedFeed feed, SourceConfig source) {
        String language = firstNonNull(item.language(), feed.language(), source.language());
        if (language == null || language.isBlank()) {
            return null;
        }
        String primary = language.trim().split("[-_]")[0].toLowerCase(Locale.ROOT);
        return primary.matches("[a-z]{2,3}") ? primary : null;
    }

    private static List<ItemImage> safeImages(List<ItemImage> images) {
        return images.stream()
                .filter(image -> image.url().startsWith("https://") || image.url().startsWith("http://"))
                .map(image -> new ItemImage(image.url(), image.caption() == null ? null
                        : ArticleHtml.plainText(image.caption())))
                .distinct()
                .toList();
    }

    /** The first sentence when it is short enough, else its first words and an ellipsis. */
    private static String firstWords(String text) {
        java.text.BreakIterator sentences = java.text.BreakIterator.getSentenceInstance(Locale.ROOT);
        String head = text.length() > 1000 ? text.substring(0, 1000) : text;
        sentences.setText(head);
        int end = sentences.next();
        if (end != java.text.BreakIterator.DONE && end < head.length()) {
            String first = head.substring(0, end).strip();
            if (first.split("\\s+").length <= DERIVED_HEADLINE_WORDS) {
                return first;
            }
        }
        String[] words = head.split("\\s+");
        if (words.length <= DERIVED_HEADLINE_WORDS) {
            return text;
        }
        return String.join(" ", List.of(words).subList(0, DERIVED_HEADLINE_WORDS)) + " …";
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
