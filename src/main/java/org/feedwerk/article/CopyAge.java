package org.feedwerk.article;

import java.time.Duration;
import java.time.Instant;
import org.feedwerk.parse.Item;

/**
 * Which of two copies of one story the source made earlier: one rule for two copies in one document and for a copy
 * fetched after the stored one (a stale cache, a late delivery). The lower version is older when both copies have
 * one; otherwise the copy whose latest own date (update or publication time, whichever is later) is earlier. A date
 * more than a day ahead of the clock (an item dated 2099) proves nothing, or every later correction would look
 * older than it. Without versions or dates neither copy is older.
 */
final class CopyAge {
    static final Duration CLOCK_TOLERANCE = Duration.ofDays(1);

    private CopyAge() {}

    static boolean isOlder(Item copy, Item other, Instant now) {
        return isOlder(
                copy.version(),
                latest(copy.published(), copy.updated()),
                other.version(),
                latest(other.published(), other.updated()),
                now);
    }

    static boolean isOlder(RevisionContent copy, RevisionContent other, Instant now) {
        return isOlder(
                copy.sourceVersion(),
                latest(copy.sourcePublished(), copy.sourceUpdated()),
                other.sourceVersion(),
                latest(other.sourcePublished(), other.sourceUpdated()),
                now);
    }

    private static boolean isOlder(Long version, Instant date, Long otherVersion, Instant otherDate, Instant now) {
        if (version != null && otherVersion != null) {
            return version < otherVersion;
        }
        return date != null
                && otherDate != null
                && !otherDate.isAfter(now.plus(CLOCK_TOLERANCE))
                && date.isBefore(otherDate);
    }

    private static Instant latest(Instant published, Instant updated) {
        if (updated == null) {
            return published;
        }
        return published == null || updated.isAfter(published) ? updated : published;
    }
}
