package org.feedwerk.article;

import java.util.Locale;

/**
 * Where an article is in its life: {@code fetched → translating → translated → published}, with the side exits
 * {@code held}, {@code failed} and {@code withdrawn}; {@code withheld} and {@code canceled} follow the source's
 * publication status. {@code duplicate} marks an article whose content is
 * already present under another id (its cluster); it is kept but not translated or published twice.
 */
public enum ArticleStatus {
    FETCHED,
    DUPLICATE,
    TRANSLATING,
    TRANSLATED,
    HELD,
    FAILED,
    PUBLISHED,
    WITHDRAWN,
    /** The source withholds the current version (NewsML-G2 stat:withheld): off the site until a usable one. */
    WITHHELD,
    /** The source canceled the story; the publish stage withdraws it ("canceled by source"). */
    CANCELED;

    /** The lower-case name used in the database, the API and the command line. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ArticleStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
