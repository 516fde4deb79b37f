package org.feedwerk.pipeline;

import java.util.Optional;
import org.feedwerk.article.IngestCounts;

/**
 * What one run of one source did. {@code notModified} when the source had nothing new (304 or same body);
 * {@code error} is the reason when the source, one of its files, or an older page of a paged feed failed;
 * {@code notice} what the operator should act on although nothing failed (a feed that moved permanently).
 */
public record SourceRunReport(String sourceId, IngestCounts counts, boolean notModified, String error, String notice) {
    public SourceRunReport(String sourceId, IngestCounts counts, boolean notModified, String error) {
        this(sourceId, counts, notModified, error, null);
    }

    public Optional<String> findError() {
        return Optional.ofNullable(error);
    }

    public boolean isFailure() {
        return error != null;
    }

    /** One line for the command line: {@code harbour-world  3 new, 1 revised, 12 unchanged}. */
    public String summary() {
        String counted = counts.newArticles() + " new, " + counts.newRevisions() + " revised, "
                + counts.unchanged() + " unchanged" + (counts.skipped() > 0 ? ", " + counts.skipSummary() : "")
                + (notModified ? " (not modified)" : "");
        String noted = notice == null ? counted : counted + "; note: " + notice;
        return error == null ? noted : noted + "; error: " + error;
    }
}
