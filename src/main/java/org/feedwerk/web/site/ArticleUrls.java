package org.feedwerk.web.site;

import java.text.Normalizer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.feedwerk.publish.PublishedContent;

/**
 * Stable, readable page paths: {@code /de/2026/11/29/hafenbehoerde-genehmigt-faehrterminal-<id>}. Date and slug
 * come from the first version, so an update never moves the page; the id at the end is what finds it.
 */
public final class ArticleUrls {
    private static final Pattern ARTICLE_ID = Pattern.compile("-([0-9a-f]{16})$");
    private static final DateTimeFormatter DATE_PATH = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    private static final int SLUG_CHARS = 80;

    private final ZoneId zone;

    public ArticleUrls(ZoneId zone) {
        this.zone = zone;
    }

    public String path(PublishedContent first) {
        return "/" + first.language() + "/"
                + DATE_PATH.format(first.firstPublishedAt().atZone(zone)) + "/" + slug(first.headline()) + "-"
                + first.articleId();
    }

    public static Optional<String> findArticleId(String path) {
        Matcher matcher = ARTICLE_ID.matcher(path);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    static String slug(String headline) {
        String german = headline.toLowerCase(Locale.GERMAN)
                .replace("ä", "ae")
                .replace("ö", "oe")
                .replace("ü", "ue")
                .replace("ß", "ss");
        String ascii = Normalizer.normalize(german, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (slug.length() > SLUG_CHARS) {
            slug = slug.substring(0, SLUG_CHARS);
            int lastDash = slug.lastIndexOf('-');
            slug = lastDash > SLUG_CHARS / 2 ? slug.substring(0, lastDash) : slug;
        }
        return slug.isEmpty() ? "artikel" : slug;
    }
}
