package org.feedwerk.source;

import java.util.ArrayList;
import java.util.List;

/**
 * An older page of a paged feed that could not be read when the feed was followed back: the stories on it may be
 * missing, so it is read again on the source's next polls, at most {@value #MOST_ATTEMPTS} times in all.
 *
 * @param attempts how many times reading it has failed
 */
public record PageDue(String address, int attempts) {
    public static final int MOST_ATTEMPTS = 5;

    /** How the pages are stored in one column: a line per page, attempts and address separated by a tab. */
    public static String lines(List<PageDue> pages) {
        if (pages.isEmpty()) {
            return null;
        }
        StringBuilder lines = new StringBuilder();
        for (PageDue page : pages) {
            lines.append(page.attempts()).append('\t').append(page.address()).append('\n');
        }
        return lines.toString();
    }

    /** The pages {@link #lines} wrote; none for a null column. */
    public static List<PageDue> fromLines(String lines) {
        List<PageDue> pages = new ArrayList<>();
        if (lines == null) {
            return pages;
        }
        for (String line : lines.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                pages.add(new PageDue(line.substring(tab + 1), Integer.parseInt(line.substring(0, tab))));
            }
        }
        return pages;
    }

    /** This page after one more failed attempt. */
    public PageDue failedAgain() {
        return new PageDue(address, attempts + 1);
    }

    public boolean isLastAttempt() {
        return attempts >= MOST_ATTEMPTS;
    }
}
