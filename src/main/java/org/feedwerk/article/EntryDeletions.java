package org.feedwerk.article;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.feedwerk.parse.DeletedEntry;
import org.feedwerk.parse.PubStatus;

/**
 * A publisher's tombstones (RFC 6721): the stored article with that entry id gets a revision that is its current
 * content canceled by the source, dated when the entry was deleted, so that the publish stage withdraws it ("canceled
 * by source") and a stale copy of the entry read later is older and cannot bring it back. An entry that was
 * republished after its tombstone (its latest date is later) stays; an id never stored, or a guid the feed reuses
 * for different stories, is left alone.
 */
final class EntryDeletions {
    private EntryDeletions() {}

    /** @return how many articles were canceled */
    static int cancel(
            ArticleStore tx,
            String sourceId,
            List<DeletedEntry> deleted,
            Set<String> reusedGuids,
            Supplier<PayloadRef> payload,
            Instant now) {
        tx.transactionTick(); // an ingest transaction takes its turn on the clock first, as every other does
        int canceled = 0;
        for (DeletedEntry entry : deleted) {
            if (reusedGuids.contains(entry.ref())) {
                continue;
            }
            String id = ArticleKeys.articleId(sourceId, entry.ref());
            Optional<Article> article = tx.findArticle(id);
            if (article.isEmpty()) {
                continue;
            }
            Revision current =
                    tx.findRevision(id, article.get().currentRevision()).orElseThrow();
            if (current.content().pubStatus() == PubStatus.CANCELED) {
                continue;
            }
            RevisionContent content = RevisionContentBuilder.builder(current.content())
                    .pubStatus(PubStatus.CANCELED)
                    .sourceUpdated(
                            entry.when() != null
                                    ? entry.when()
                                    : current.content().sourceUpdated())
                    .build();
            if (entry.when() != null && CopyAge.isOlder(content, current.content(), now)) {
                continue;
            }
            ArticleIngestor.appendRevision(
                    tx,
                    article.get(),
                    content,
                    content.contentHash(),
                    Optional.empty(),
                    ArticleIngestor.recorded(tx, payload),
                    now);
            canceled++;
        }
        return canceled;
    }
}
