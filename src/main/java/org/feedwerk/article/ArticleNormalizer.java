package org.feedwerk.article;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.feedwerk.config.SourceConfig;
import org.feedwerk.parse.Item;
import org.feedwerk.parse.ItemImage;
import org.feedwerk.parse.ParsedFeed;
import org.feedwerk.text.Sentences;

/**
 * Turns a parsed item into revision content: plain-text headline and teaser, sanitized body, cleaned metadata.
 * Items beyond the size limits are refused with the reason, never cut: a cut story would be published half-done.
 */
public final class ArticleNormalizer {
    private static final int DERIVED_HEADLINE_WORDS = 14;
    static final int LONGEST_HEADLINE = 1_000;
    static final int LONGEST_TEASER = 10_000;
    static final int LONGEST_BODY = 1 << 20;
    static final int MOST_SUBJECTS = 100;

    /** The content, or why the item is skipped. */
    public record Normalized(RevisionContent content, String skipReason) {
        static Normalized skipped(String reason) {
            return new Normalized(null, reason);
        }
    }

    /** Empty when the item is skipped (see {@link #normalizeOrExplain}). */
    public Optional<RevisionContent> normalize(Item item, ParsedFeed feed, SourceConfig source) {
        return Optional.ofNullable(normalizeOrExplain(item, feed, source).content());
    }

    /** The content, or the reason it cannot be stored: no title and no text, or a field over its limit. */
    public Normalized normalizeOrExplain(Item item, ParsedFeed feed, SourceConfig source) {
        if (item.title() != null && item.title().length() > 20 * LONGEST_HEADLINE) {
            return Normalized.skipped("headline longer than " + LONGEST_HEADLINE + " characters");
        }
        String base = firstNonNull(
                item.contentBase(),
                item.url(),
                item.link(),
                feed.link(),
                source.findUrl().map(URI::toString).orElse(null));
        boolean hasContent = item.contentHtml() != null && !item.contentHtml().isBlank();
        String summaryHtml = ArticleHtml.unescapedIfEscapedTwice(item.summaryHtml());
        String bodyHtml = ArticleHtml.sanitize(
                ArticleHtml.paragraphsIfPlainText(
                        hasContent ? ArticleHtml.unescapedIfEscapedTwice(item.contentHtml()) : summaryHtml),
                base);
        String headline = ArticleHtml.plainText(item.title());
        String language = findLanguage(item, feed, source);
        boolean headlineDerived = headline.isEmpty();
        if (headlineDerived) {
            headline = firstWords(ArticleHtml.plainText(bodyHtml), language == null ? "en" : language);
        }
        if (headline.isEmpty()) {
            return Normalized.skipped("no title and no text");
        }
        String teaser = hasContent ? ArticleHtml.plainText(summaryHtml) : "";
        if (teaser.isEmpty() || isBodyText(teaser, bodyHtml)) {
            teaser = null;
        }
        if (headline.length() > LONGEST_HEADLINE) {
            return Normalized.skipped("headline longer than " + LONGEST_HEADLINE + " characters");
        }
        if (teaser != null && teaser.length() > LONGEST_TEASER) {
            return Normalized.skipped("teaser longer than " + LONGEST_TEASER + " characters");
        }
        if (bodyHtml.length() > LONGEST_BODY) {
            return Normalized.skipped("body larger than " + (LONGEST_BODY >> 10) + " KiB");
        }
        if (item.categories().size() > MOST_SUBJECTS) {
            return Normalized.skipped("more than " + MOST_SUBJECTS + " subjects");
        }
        return new Normalized(
                RevisionContent.builder()
                        .headline(headline)
                        .teaser(teaser)
                        .bodyHtml(bodyHtml)
                        .byline(
                                item.authors().isEmpty()
                                        ? null
                                        : ArticleHtml.plainText(String.join(", ", item.authors())))
                        .dateline(item.dateline() == null ? null : ArticleHtml.plainText(item.dateline()))
                        .language(language)
                        .sourcePublished(item.published())
                        .sourceUpdated(item.updated())
                        .sourceVersion(item.version())
                        .pubStatus(item.pubStatus())
                        .subjects(item.categories().stream()
                                .map(ArticleHtml::withoutControlCharacters)
                                .toList())
                        .images(safeImages(item.images()))
                        .embargoed(item.embargoed())
                        .correction(item.correction())
                        .rights(item.rights() == null ? null : ArticleHtml.plainText(item.rights()))
                        .slugline(item.slugline() == null ? null : ArticleHtml.plainText(item.slugline()))
                        .urgency(item.urgency())
                        .headlineDerived(headlineDerived)
                        .build(),
                null);
    }

    /**
     * Whether the teaser is the body's text (a feed sending its text twice). The body is read with the HTML parser
     * only when the two have the same characters apart from whitespace, which is rare.
     */
    private static boolean isBodyText(String teaser, String bodyHtml) {
        return sameApartFromWhitespace(teaser, ArticleHtml.textForWords(bodyHtml))
                && teaser.equals(ArticleHtml.plainText(bodyHtml));
    }

    private static boolean sameApartFromWhitespace(String first, String second) {
        int i = 0;
        int j = 0;
        while (true) {
            while (i < first.length() && isSpace(first.charAt(i))) {
                i++;
            }
            while (j < second.length() && isSpace(second.charAt(j))) {
                j++;
            }
            if (i == first.length() || j == second.length()) {
                return i == first.length() && j == second.length();
            }
            if (first.charAt(i++) != second.charAt(j++)) {
                return false;
            }
        }
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /**
     * The item's link when it is a web address; anything else ({@code javascript:}, {@code data:}) is dropped. As a
     * browser reads an address: tabs and line breaks inside it are removed, spaces written as {@code %20} (CMS
     * links with a space in a file name), so that the page, the feeds and the sitemap carry a valid address.
     */
    public static String webLink(String link) {
        if (link == null) {
            return null;
        }
        String trimmed = ArticleHtml.withoutControlCharacters(link).strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
            return null;
        }
        return trimmed.replaceAll("[\\t\\n\\r]", "").replace(" ", "%20");
    }

    /** Primary language subtag, lower case: "en-US" → "en". The item wins over the feed, the feed over config. */
    private static final Pattern LANGUAGE_SUBTAG = Pattern.compile("[-_]");

    private static final Pattern PRIMARY_LANGUAGE = Pattern.compile("[a-z]{2,3}");

    static String findLanguage(Item item, ParsedFeed feed, SourceConfig source) {
        String language = firstNonNull(item.language(), feed.language(), source.language());
        if (language == null || language.isBlank()) {
            return null;
        }
        String primary = LANGUAGE_SUBTAG.split(language.trim(), 2)[0].toLowerCase(Locale.ROOT);
        return PRIMARY_LANGUAGE.matcher(primary).matches() ? primary : null;
    }

    private static List<ItemImage> safeImages(List<ItemImage> images) {
        return images.stream()
                .filter(image ->
                        image.url().startsWith("https://") || image.url().startsWith("http://"))
                .map(image -> new ItemImage(
                        image.url(), image.caption() == null ? null : ArticleHtml.plainText(image.caption())))
                .distinct()
                .toList();
    }

    /** The first sentence when it is short enough, else its first words and an ellipsis. */
    private static String firstWords(String text, String language) {
        String head = text.length() > 1000 ? text.substring(0, 1000) : text;
        List<String> sentences = Sentences.split(head, language);
        if (sentences.size() > 1 && sentences.get(0).split("\\s+").length <= DERIVED_HEADLINE_WORDS) {
            return sentences.get(0);
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
