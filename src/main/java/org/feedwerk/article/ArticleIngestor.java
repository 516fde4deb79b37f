package org.feedwerk.article;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.feedwerk.FeedwerkException;
import org.feedwerk.config.SourceConfig;
import org.feedwerk.parse.Item;
import org.feedwerk.parse.ParsedFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores the items of a parsed document as articles and revisions: one article per stable id, a new revision
 * only when the normalized content changed, never a rollback to an older copy. The items are stored in
 * transactions of up to {@value #ITEMS_PER_TRANSACTION}; when one of them fails, that transaction is rolled back
 * and stored again with each item in a savepoint, so an item that cannot be stored leaves nothing behind and does
 * not lose the others. A crash loses only the uncommitted transaction (the document is read again). When an item
 * could not be stored, the run fails after storing the others, so that the source is retried with backoff and the
 * item is not silently dropped.
 */
public final class ArticleIngestor {
    private static final Logger log = LoggerFactory.getLogger(ArticleIngestor.class);

    private enum Outcome { NEW_ARTICLE, NEW_REVISION, UNCHANGED }

    /** Each item of a document is translated, i.e. paid for: a document with more is read up to this many. */
    static final int MOST_ITEMS = 2_000;
    /** Long enough to spread the commit's cost, short enough not to hold SQLite's write lock for long. */
    static final int ITEMS_PER_TRANSACTION = 500;
    /** From this many items a document is normalized on all cores. */
    private static final int PARALLEL_FROM = 64;
    /** Source times further ahead than this are not trusted for ordering revisions (an item dated 2099). */
    static final Duration CLOCK_TOLERANCE = Duration.ofDays(1);

    private final ArticleStore store;
    private final ArticleNormalizer normalizer;
    private final Clock clock;
    private final int mostItems;

    public ArticleIngestor(ArticleStore store, ArticleNormalizer normalizer, Clock clock) {
        this(store, normalizer, clock, MOST_ITEMS);
    }

    /** {@code mostItems}: items read from one document ({@code fetch.maxItemsPerDocument}). */
    public ArticleIngestor(ArticleStore store, ArticleNormalizer normalizer, Clock clock, int mostItems) {
        this.store = store;
        this.normalizer = normalizer;
        this.clock = clock;
        this.mostItems = mostItems;
    }

    /**
     * @param payload archives the document on first use and returns its reference; called only when an item
     *                changes something, so unchanged documents are not archived again
     */
    public IngestCounts ingest(SourceConfig source, ParsedFeed feed, Supplier<PayloadRef> archiver) {
        Supplier<PayloadRef> payload = new OnceSupplier<>(archiver);
        Set<String> reusedGuids = rememberReusedGuids(source, feed);
        Map<String, Integer> skipped = new TreeMap<>();
        List<Item> items = feed.items();
        if (items.size() > mostItems) {
            skipped.put("more than " + mostItems + " items in one document", items.size() - mostItems);
            items = items.subList(0, mostItems);
        }
        // Normalizing (sanitizing, plain text) is the costly part and independent per item: in parallel for
        // large documents, in document order.
        List<ArticleNormalizer.Normalized> normalized = (items.size() >= PARALLEL_FROM ? items.parallelStream()
                : items.stream()).map(item -> normalizer.normalizeOrExplain(item, feed, source)).toList();
        List<Prepared> prepared = new ArrayList<>();
        for (int index = 0; index < items.size(); index++) {
            Item item = items.get(index);
            RevisionContent content = normalized.get(index).content();
            if (content == null) {
                log.atInfo().addKeyValue("source_id", source.id()).addKeyValue("guid", item.guid())
                        .addKeyValue("reason", normalized.get(index).skipReason()).log("item skipped");
                skipped.merge(normalized.get(index).skipReason(), 1, Integer::sum);
                continue;
            }
            prepared.add(new Prepared(item, ArticleKeys.articleId(source.id(),
                    ArticleKeys.keyFor(item, reusedGuids, content)), content));
        }
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        List<String> failures = new ArrayList<>();
        for (int from = 0; from < prepared.size(); from += ITEMS_PER_TRANSACTION) {
            List<Prepared> chunk = prepared.subList(from, Math.min(prepared.size(), from + ITEMS_PER_TRANSACTION));
            Map<Outcome, Integer> stored;
            try {
                stored = store.inTransaction(tx -> storeChunk(tx, source, chunk, payload));
            } catch (FeedwerkException e) {
                // An item failed and the chunk was rolled back: store it again item by item, each in a savepoint.
                stored = store.inTransaction(tx -> storeChunkCarefully(tx, source, chunk, payload, failures));
            }
            stored.forEach((outcome, count) -> outcomes.merge(outcome, count, Integer::sum));
        }
        if (!failures.isEmpty()) {
            throw new IngestException(failures.size() + " of " + prepared.size() + " items could not be stored ("
                    + failures.get(0) + "); the others were stored, the document will be read again");
        }
        int newArticles = outcomes.getOrDefault(Outcome.NEW_ARTICLE, 0);
        int newRevisions = outcomes.getOrDefault(Outcome.NEW_REVISION, 0);
        int unchanged = outcomes.getOrDefault(Outcome.UNCHANGED, 0);
        feed.packages().forEach(itemPackage -> store.savePackage(source.id(), itemPackage));
        int skippedItems = skipped.values().stream().mapToInt(Integer::intValue).sum();
        return new IngestCounts(newArticles, newRevisions, unchanged, skippedItems, feed.packages().size(), skipped);
    }

    /**
     * The fast path: the chunk's known articles are looked up in one query, the payload is recorded once, and no
     * savepoints are set; any failure rolls the whole chunk back.
     */
    private Map<Outcome, Integer> storeChunk(ArticleStore tx, SourceConfig source, List<Prepared> chunk,
            Supplier<PayloadRef> payload) {
        Set<String> known = new HashSet<>(tx.findExistingArticleIds(chunk.stream().map(Prepared::id).toList()));
        boolean[] payloadRecorded = {false};
        Supplier<PayloadRef> recordOnce = () -> {
            PayloadRef ref = payload.get();
            if (!payloadRecorded[0]) {
                tx.recordPayload(ref);
                payloadRecorded[0] = true;
            }
            return ref;
        };
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        for (Prepared next : chunk) {
            Outcome outcome = store(tx, source, next, recordOnce, known.contains(next.id()));
            known.add(next.id()); // a second item with the same key in this chunk finds the first one
            outcomes.merge(outcome, 1, Integer::sum);
        }
        return outcomes;
    }

    /** Item by item, each in a savepoint: a failing item is undone and reported, the others are stored. */
    private Map<Outcome, Integer> storeChunkCarefully(ArticleStore tx, SourceConfig source, List<Prepared> chunk,
            Supplier<PayloadRef> payload, List<String> failures) {
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        Supplier<PayloadRef> recordEach = () -> recorded(tx, payload);
        for (Prepared next : chunk) {
            try {
                outcomes.merge(tx.inSavepoint(item -> store(item, source, next, recordEach, true)), 1, Integer::sum);
            } catch (FeedwerkException e) {
                log.atWarn().addKeyValue("source_id", source.id()).addKeyValue("guid", next.item().guid())
                        .addKeyValue("reason", e.getMessage()).log("item could not be stored");
                failures.add(e.getMessage());
            }
        }
        return outcomes;
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

    /** An item ready to be stored: normalized, with the id of its article. */
    private record Prepared(Item item, String id, RevisionContent content) {}

    /**
     * @param payload records the document's payload (once per transaction or per savepoint) and returns it
     * @param mayExist false when the chunk's lookup showed the article is new, which saves a query
     */
    private Outcome store(ArticleStore tx, SourceConfig source, Prepared prepared, Supplier<PayloadRef> payload,
            boolean mayExist) {
        Item item = prepared.item();
        RevisionContent content = prepared.content();
        String id = prepared.id();
        String hash = content.contentHash();
        Instant now = clock.instant();
        Optional<Article> existing = mayExist ? tx.findArticle(id) : Optional.empty();
        if (existing.isEmpty()) {
            PayloadRef ref = payload.get();
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
        PayloadRef ref = payload.get();
        Revision next = new Revision(id, article.currentRevision() + 1, hash, content, ref.hash(), now);
        tx.appendRevision(next, TextFingerprint.of(content), statusFor(content, statusAfterChange(article.status())),
                now);
        return Outcome.NEW_REVISION;
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
