package org.feedwerk.article;

import java.util.Map;
import java.util.TreeMap;

/**
 * What ingesting one document did: new articles, new revisions, items unchanged, items skipped as unusable (with
 * how many for each reason), and packages (NewsML-G2 groupings) stored.
 */
public record IngestCounts(
        int newArticles, int newRevisions, int unchanged, int skipped, int packages, Map<String, Integer> skipReasons) {
    public static final IngestCounts NONE = new IngestCounts(0, 0, 0, 0, 0, Map.of());

    public IngestCounts {
        skipReasons = Map.copyOf(skipReasons);
    }

    public IngestCounts(int newArticles, int newRevisions, int unchanged, int skipped) {
        this(newArticles, newRevisions, unchanged, skipped, 0, Map.of());
    }

    public IngestCounts plus(IngestCounts other) {
        Map<String, Integer> reasons = new TreeMap<>(skipReasons);
        other.skipReasons.forEach((reason, count) -> reasons.merge(reason, count, Integer::sum));
        return new IngestCounts(
                newArticles + other.newArticles,
                newRevisions + other.newRevisions,
                unchanged + other.unchanged,
                skipped + other.skipped,
                packages + other.packages,
                reasons);
    }

    public boolean changedAnything() {
        return newArticles > 0 || newRevisions > 0;
    }

    /** {@code 2 skipped (no title and no text: 2)}, or null when nothing was skipped. */
    public String skipSummary() {
        if (skipped == 0) {
            return null;
        }
        StringBuilder summary = new StringBuilder().append(skipped).append(" skipped (");
        String separator = "";
        for (Map.Entry<String, Integer> reason : new TreeMap<>(skipReasons).entrySet()) {
            summary.append(separator).append(reason.getKey()).append(": ").append(reason.getValue());
            separator = "; ";
        }
        return summary.append(')').toString();
    }
}
