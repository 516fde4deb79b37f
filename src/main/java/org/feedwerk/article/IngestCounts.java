package org.feedwerk.article;

/**
 * What ingesting one document did: new articles, new revisions, items unchanged, items skipped as unusable, and
 * packages (NewsML-G2 groupings) stored.
 */
public record IngestCounts(int newArticles, int newRevisions, int unchanged, int skipped, int packages) {
    public static final IngestCounts NONE = new IngestCounts(0, 0, 0, 0, 0);

    public IngestCounts(int newArticles, int newRevisions, int unchanged, int skipped) {
        this(newArticles, newRevisions, unchanged, skipped, 0);
    }

    public IngestCounts plus(IngestCounts other) {
        return new IngestCounts(newArticles + other.newArticles, newRevisions + other.newRevisions,
                unchanged + other.unchanged, skipped + other.skipped, packages + other.packages);
    }

    public boolean changedAnything() {
        return newArticles > 0 || newRevisions > 0;
    }
}
