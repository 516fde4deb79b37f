package org.feedwerk.article;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.feedwerk.config.SourceConfig;
import org.feedwerk.parse.Item;
import org.feedwerk.parse.ParsedFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores the items of a parsed document as articles and revisions: one article per stable id, a new revision
 * only when the normalized content changed, never a rollback to an older copy. Each item is stored in its own
 * transaction, so a failure leaves no partial article.
 */
public final class ArticleIngestor {
    private static final Logger log = LoggerFactory.getLogger(ArticleIngestor.class);

    private enum Outcome { NEW_ARTICLE, NEW_REVISION, UNCHANGED }

    /** Each item of a document is translated, i.e. paid for: a document with more is read up to this many. */
    static final int MOST_ITEMS = 2_000;
    /** Source times further ahead than this are not trusted for ordering revisions (an item dated 2099). */
    static final Duration CLOCK_TOLERANCE = Duration.ofDays(1);

    private final ArticleStore store;
    private final ArticleNormalizer normalizer;
    private final Clock clock;

    public ArticleIngestor(ArticleStore store, ArticleNormalizer normalizer, Clock clock) {
        this.store = store;
        this.normalizer = normalizer;
        this.clock = clock;
    }

    /**
     * @param payload archives the document on first use and returns its reference; called only when an item
     *                changes something, so unchanged documents are not archived again
     */
    public IngestCounts ingest(SourceConfig source, ParsedFeed feed, Supplier<PayloadRef> archiver) {
        Supplier<PayloadRef> payload = new OnceSupplier<>(archiver);
        Set<String> reusedGuids = rememberReusedGuids(source, feed);
        int newArticles = 0;
        int newRevisions = 0;
        int unchanged = 0;
        Map<String, Integer> skipped = new TreeMap<>();
        int position = 0;
        for (Item item : feed.items()) {
            if (++position > MOST_ITEMS) {
                skipped.merge("more than " + MOST_ITEMS + " items in one document", 1, Integer::sum);
                continue;
            }
            ArticleNormalizer.Normalized normalized = normalizer.normalizeOrExplain(item, feed, source);
            if (normalized.content() == null) {
                log.atInfo().addKeyValue("source_id", source.id()).addKeyValue("guid", item.guid())
                        .addKeyValue("reason", normalized.skipReason()).log("item skipped");
                skipped.merge(normalized.skipReason(), 1, Integer::sum);
                continue;
            }
            RevisionContent content = normalized.content();
            String key = ArticleKeys.keyFor(item, reusedGuids, content);
            switch (store(source, item, key, content, payload)) {
                case NEW_ARTICLE -> newArticles++;
                case NEW_REVISION -> newRevisions++;
                case UNCHANGED -> unchanged++;
            }
        }
        feed.packages().forEach(itemPackage -> store.savePackage(source.id(), itemPackage));
        int skippedItems = skipped.values().stream().mapToInt(Integer::intValue).sum();
        return new IngestCounts(newArticles, newRevisions, unchanged, skippedItems, feed.packages().size(), skipped);
    }

    private Set<String> rememberReusedGuids(SourceConfig source, ParsedFeed feed) {
        Set<String> seenNow = ArticleKeys.findReusedGuids(feed.items());
        Set<String> known = new HashSet<>(store.findReusedGuids(source.id()));
        if (!known.containsAll(seenNow)) {
            store.rememberReusedGuids(source.id(), seenNow);
            known.addAll(seenNow);
        }
        return known;
    }

    /**
     * How far back a near duplicate is looked for. Only other sources count: a source that sends a story again
     * under a new id (a write-through) means a new story, not a copy.
     */
    public static final Duration NEAR_DUPLICATE_WINDOW = Duration.ofDays(7);

    private Outcome store(SourceConfig source, Item item, String key, RevisionContent content,
            Supplier<PayloadRef> payload) {
        String id = ArticleKeys.articleId(source.id(), key);
        String hash = content.contentHash();
        return store.inTransaction(tx -> {
            Instant now = clock.instant();
            Optional<Article> existing = tx.findArticle(id);
            if (existing.isEmpty()) {
                PayloadRef ref = recorded(tx, payload);
                Optional<TextFingerprint> fingerprint = TextFingerprint.of(content);
                String cluster = tx.findClusterWithContent(hash, id).orElse(id);
                String reason = cluster.equals(id) ? null : "same content as article " + cluster;
                if (reason == null) {
                    Optional<ArticleStore.NearDuplicate> near = fingerprint.flatMap(signature ->
                            tx.findClusterWithSimilarText(signature, source.id(), now.minus(NEAR_DUPLICATE_WINDOW)));
                    if (near.isPresent()) {
                        cluster = near.get().clusterId();
                        reason = "nearly the same text as article " + cluster + " ("
                                + Math.round(near.get().similarity() * 100) + " % of word groups in common)";
                    }
                }
                ArticleStatus status = statusFor(content,
                        reason == null ? ArticleStatus.FETCHED : ArticleStatus.DUPLICATE);
                Article article = new Article(id, source.id(), item.guid(), ArticleNormalizer.webLink(item.link()),
                        cluster, content.headline(),
                        status, status == ArticleStatus.DUPLICATE ? reason : null, 1, content.language(), 0, now, now);
                tx.insertArticle(article, new Revision(id, 1, hash, content, ref.hash(), now), fingerprint);
                return Outcome.NEW_ARTICLE;
            }
            Article article = existing.get();
            Revision current = tx.findRevision(id, article.currentRevision()).orElseThrow();
            if (current.contentHash().equals(hash) || isOlderCopy(content, current.content(), now)) {
                return Outcome.UNCHANGED;
            }
            PayloadRef ref = recorded(tx, payload);
            Revision next = new Revision(id, article.currentRevision() + 1, hash, content, ref.hash(), now);
            tx.appendRevision(next, TextFingerprint.of(content), statusFor(content, statusAfterChange(article.status())),
                    now);
            return Outcome.NEW_REVISION;
        });
    }

    private static PayloadRef recorded(ArticleStore tx, Supplier<PayloadRef> payload) {
        PayloadRef ref = payload.get();
        tx.recordPayload(ref);
        return ref;
    }

    /**
     * A copy with an older version or update time than the stored one (a stale cache, a late delivery). A stored
     * time in the future (an item dated 2099) proves nothing, or it would make every later correction look older.
     */
    private static boolean isOlderCopy(RevisionContent incoming, RevisionContent current, Instant now) {
        if (incoming.sourceVersion() != null && current.sourceVersion() != null) {
            return incoming.sourceVersion() < current.sourceVersion();
        }
        Instant latestPlausible = now.plus(CLOCK_TOLERANCE);
        return incoming.sourceUpdated() != null && current.sourceUpdated() != null
                && !current.sourceUpdated().isAfter(latestPlausible)
                && incoming.sourceUpdated().isBefore(current.sourceUpdated());
    }

    /** The source's publication status decides first: withheld and canceled versions are not translated. */
    private static ArticleStatus statusFor(RevisionContent content, ArticleStatus otherwise) {
        if (otherwise == ArticleStatus.WITHDRAWN) {
            return otherwise;
        }
        return switch (content.pubStatus()) {
            case WITHHELD -> ArticleStatus.WITHHELD;
            case CANCELED -> ArticleStatus.CANCELED;
            case USABLE -> otherwise;
        };
    }

    /** A changed article re-enters the pipeline, except where a person or the cluster decided otherwise. */
    private static ArticleStatus statusAfterChange(ArticleStatus status) {
        return switch (status) {
            case WITHDRAWN, DUPLICATE -> status;
            default -> ArticleStatus.FETCHED;
        };
    }

    /** Archives at most once per document, however many of its items change. */
    private static final class OnceSupplier<T> implements Supplier<T> {
        private final Supplier<T> delegate;
        private T value;

        OnceSupplier(Supplier<T> delegate) {
            this.delegate = delegate;
        }

        @Override
        public synchronized T get() {
            if (value == null) {
                value = delegate.get();
            }
            return value;
        }
    }
}
