package org.feedwerk.article;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
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

    private enum Outcome {
        NEW_ARTICLE,
        NEW_REVISION,
        UNCHANGED
    }

    /** Each item of a document is translated, i.e. paid for: a document with more is read up to this many. */
    static final int MOST_ITEMS = 2_000;
    /** Long enough to spread the commit's cost, short enough not to hold SQLite's write lock for long. */
    static final int ITEMS_PER_TRANSACTION = 500;
    /** From this many items a document is normalized on all cores. */
    private static final int PARALLEL_FROM = 64;

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
        List<Item> items = oncePerKey(feed.items(), reusedGuids, skipped, clock.instant());
        if (items.size() > mostItems) {
            skipped.put("more than " + mostItems + " items in one document", items.size() - mostItems);
            items = items.subList(0, mostItems);
        }
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        List<String> failures = new ArrayList<>();
        int storable = 0;
        // Normalizing (sanitizing, plain text, fingerprint) is the costly part and independent per item: a large
        // document's next chunk is normalized in the background while this one is stored.
        // The ingest clock's ticks of this document's committed transactions: revisions stored by them need no
        // second look for copies from other sources.
        Set<Long> documentTicks = ConcurrentHashMap.newKeySet();
        SharedChunk<Item, NormalizedItem> next = normalizeChunk(items, 0, feed, source, documentTicks);
        for (int from = 0; from < items.size(); from += ITEMS_PER_TRANSACTION) {
            List<NormalizedItem> normalized = next.join();
            if (from + ITEMS_PER_TRANSACTION < items.size()) {
                next = normalizeChunk(items, from + ITEMS_PER_TRANSACTION, feed, source, documentTicks);
            }
            List<Prepared> chunk =
                    prepared(source, items.subList(from, from + normalized.size()), normalized, reusedGuids, skipped);
            storable += chunk.size();
            Map<Outcome, Integer> stored;
            long[] tick = {0};
            try {
                stored = store.inTransaction(tx -> {
                    tick[0] = tx.transactionTick();
                    return storeChunk(tx, source, chunk, payload);
                });
            } catch (FeedwerkException e) {
                // An item failed and the chunk was rolled back: store it again item by item, each in a savepoint.
                stored = store.inTransaction(tx -> {
                    tick[0] = tx.transactionTick();
                    return storeChunkCarefully(tx, source, chunk, payload, failures);
                });
            }
            documentTicks.add(tick[0]); // committed: a rolled-back transaction's tick is taken again by the next
            stored.forEach((outcome, count) -> outcomes.merge(outcome, count, Integer::sum));
        }
        if (!failures.isEmpty()) {
            throw new IngestException(failures.size() + " of " + storable + " items could not be stored ("
                    + failures.get(0) + "); the others were stored, the document will be read again");
        }
        int newArticles = outcomes.getOrDefault(Outcome.NEW_ARTICLE, 0);
        int newRevisions = outcomes.getOrDefault(Outcome.NEW_REVISION, 0);
        if (!feed.deletedEntries().isEmpty()) {
            newRevisions += store.inTransaction(tx -> EntryDeletions.cancel(
                    tx, source.id(), feed.deletedEntries(), reusedGuids, payload, clock.instant()));
        }
        int unchanged = outcomes.getOrDefault(Outcome.UNCHANGED, 0);
        feed.packages().forEach(itemPackage -> store.savePackage(source.id(), itemPackage));
        int skippedItems = skipped.values().stream().mapToInt(Integer::intValue).sum();
        return new IngestCounts(
                newArticles,
                newRevisions,
                unchanged,
                skippedItems,
                feed.packages().size(),
                skipped);
    }

    /**
     * The chunk of {@code items} from {@code from}. A large one is started in the background on the common pool's
     * threads (one fewer than the cores), with its near duplicates looked up when all its items are done; the
     * storing thread normalizes what is left of it when it needs the chunk, so that on two cores one thread
     * normalizes short items while the other stores, and both normalize long ones.
     */
    private SharedChunk<Item, NormalizedItem> normalizeChunk(
            List<Item> items, int from, ParsedFeed feed, SourceConfig source, Set<Long> documentTicks) {
        List<Item> chunk = items.subList(from, Math.min(items.size(), from + ITEMS_PER_TRANSACTION));
        if (chunk.size() < PARALLEL_FROM) {
            return SharedChunk.start(chunk, item -> normalized(item, feed, source), all -> all, Runnable::run, 0);
        }
        return SharedChunk.start(
                chunk,
                item -> normalized(item, feed, source),
                all -> withNearDuplicates(all, source, documentTicks),
                ForkJoinPool.commonPool(),
                ForkJoinPool.getCommonPoolParallelism());
    }

    /**
     * Near duplicates are looked up while the previous chunk is stored, on a connection of their own: only other
     * sources' articles count, so the lookup does not wait for this document's own inserts. What other
     * transactions store after the lookup is checked when the chunk is stored ({@link #insertNew}).
     */
    private List<NormalizedItem> withNearDuplicates(
            List<NormalizedItem> normalized, SourceConfig source, Set<Long> documentTicks) {
        List<NormalizedItem> fingerprinted = normalized.stream()
                .filter(item -> item.fingerprint().isPresent())
                .toList();
        if (fingerprinted.isEmpty()) {
            return normalized;
        }
        long tick = store.ingestTick();
        List<Optional<ArticleStore.NearDuplicate>> found = store.findClustersWithSimilarText(
                fingerprinted.stream()
                        .map(item -> item.fingerprint().orElseThrow())
                        .toList(),
                source.id(),
                clock.instant().minus(NEAR_DUPLICATE_WINDOW));
        // The answers come in the order of the fingerprinted items.
        Iterator<Optional<ArticleStore.NearDuplicate>> answers = found.iterator();
        return normalized.stream()
                .map(item -> item.fingerprint().isPresent()
                        ? item.withAdvanceLookup(new AdvanceLookup(answers.next(), tick, documentTicks))
                        : item)
                .toList();
    }

    private NormalizedItem normalized(Item item, ParsedFeed feed, SourceConfig source) {
        return NormalizedItem.of(normalizer.normalizeOrExplain(item, feed, source));
    }

    /** The chunk's items that can be stored, with their article ids; the others are counted with their reason. */
    private static List<Prepared> prepared(
            SourceConfig source,
            List<Item> items,
            List<NormalizedItem> normalized,
            Set<String> reusedGuids,
            Map<String, Integer> skipped) {
        List<Prepared> prepared = new ArrayList<>();
        for (int index = 0; index < items.size(); index++) {
            Item item = items.get(index);
            RevisionContent content = normalized.get(index).content();
            if (content == null) {
                log.atInfo()
                        .addKeyValue("source_id", source.id())
                        .addKeyValue("guid", item.guid())
                        .addKeyValue("reason", normalized.get(index).skipReason())
                        .log("item skipped");
                skipped.merge(normalized.get(index).skipReason(), 1, Integer::sum);
                continue;
            }
            prepared.add(new Prepared(
                    item,
                    ArticleKeys.articleId(source.id(), ArticleKeys.keyFor(item, reusedGuids, content)),
                    content,
                    normalized.get(index).contentHash(),
                    normalized.get(index).fingerprint(),
                    normalized.get(index).advanceLookup()));
        }
        return prepared;
    }

    /**
     * The fast path: the chunk's known articles are looked up in one query, its new articles are checked for
     * copies and stored in batches, the payload is recorded once, and no savepoints are set; any failure rolls
     * the whole chunk back. Known articles go first in document order, then the new ones, then items that repeat
     * a new article's key (they find it stored).
     */
    private Map<Outcome, Integer> storeChunk(
            ArticleStore tx, SourceConfig source, List<Prepared> chunk, Supplier<PayloadRef> payload) {
        Set<String> known =
                tx.findExistingArticleIds(chunk.stream().map(Prepared::id).toList());
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
        Set<String> freshIds = new HashSet<>();
        List<Prepared> fresh = new ArrayList<>();
        List<Prepared> repeats = new ArrayList<>();
        for (Prepared next : chunk) {
            if (known.contains(next.id())) {
                outcomes.merge(store(tx, source, next, recordOnce), 1, Integer::sum);
            } else if (freshIds.add(next.id())) {
                fresh.add(next);
            } else {
                repeats.add(next);
            }
        }
        if (!fresh.isEmpty()) {
            insertNew(tx, source, fresh, recordOnce.get());
            outcomes.merge(Outcome.NEW_ARTICLE, fresh.size(), Integer::sum);
        }
        for (Prepared next : repeats) {
            outcomes.merge(store(tx, source, next, recordOnce), 1, Integer::sum);
        }
        return outcomes;
    }

    /** Item by item, each in a savepoint: a failing item is undone and reported, the others are stored. */
    private Map<Outcome, Integer> storeChunkCarefully(
            ArticleStore tx,
            SourceConfig source,
            List<Prepared> chunk,
            Supplier<PayloadRef> payload,
            List<String> failures) {
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        Supplier<PayloadRef> recordEach = () -> recorded(tx, payload);
        for (Prepared next : chunk) {
            try {
                outcomes.merge(tx.inSavepoint(item -> store(item, source, next, recordEach)), 1, Integer::sum);
            } catch (FeedwerkException e) {
                log.atWarn()
                        .addKeyValue("source_id", source.id())
                        .addKeyValue("guid", next.item().guid())
                        .addKeyValue("reason", e.getMessage())
                        .log("item could not be stored");
                failures.add(e.getMessage());
            }
        }
        return outcomes;
    }

    static final String SAME_ITEM_TWICE = "the same item twice in one document";

    /**
     * A document that carries one item twice (two versions under one guid, one story listed in two sections) would
     * otherwise store each version over the other on every read — a new revision to translate and publish each
     * time. One occurrence counts: the newest by {@link CopyAge} (version, else its own dates), else the first
     * (feeds list their newest first). Items keyed by their text alone are left as they are: the same key means the same text.
     */
    private static List<Item> oncePerKey(
            List<Item> items, Set<String> reusedGuids, Map<String, Integer> skipped, Instant now) {
        String[] keys = new String[items.size()];
        Map<String, Integer> chosen = new HashMap<>();
        for (int index = 0; index < items.size(); index++) {
            keys[index] = ArticleKeys.keyWithoutText(items.get(index), reusedGuids);
            if (keys[index] != null) {
                chosen.merge(
                        keys[index],
                        index,
                        (first, next) -> CopyAge.isOlder(items.get(first), items.get(next), now) ? next : first);
            }
        }
        List<Item> once = new ArrayList<>(items.size());
        for (int index = 0; index < items.size(); index++) {
            if (keys[index] == null || chosen.get(keys[index]) == index) {
                once.add(items.get(index));
            } else {
                skipped.merge(SAME_ITEM_TWICE, 1, Integer::sum);
            }
        }
        return once.size() == items.size() ? items : once;
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

    /**
     * A near-duplicate lookup made before the item's transaction: what it found, and the ingest clock's tick before
     * it ran (revisions stored by later transactions were not seen).
     */
    private record AdvanceLookup(Optional<ArticleStore.NearDuplicate> found, long tick, Set<Long> documentTicks) {
        /**
         * Whether every transaction that committed between the lookup and {@code transactionTick} (the tick of the
         * transaction now storing the item) was one of this document's: then nothing from another source came in.
         */
        boolean isCurrentAt(long transactionTick) {
            for (long between = tick + 1; between < transactionTick; between++) {
                if (!documentTicks.contains(between)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * An item's normalized content, its hash and text fingerprint (computed together, in parallel, off the thread
     * that stores), or why it is skipped.
     */
    private record NormalizedItem(
            RevisionContent content,
            String contentHash,
            Optional<TextFingerprint> fingerprint,
            String skipReason,
            AdvanceLookup advanceLookup) {
        static NormalizedItem of(ArticleNormalizer.Normalized normalized) {
            RevisionContent content = normalized.content();
            return new NormalizedItem(
                    content,
                    content == null ? null : content.contentHash(),
                    content == null ? Optional.empty() : TextFingerprint.of(content),
                    normalized.skipReason(),
                    null);
        }

        NormalizedItem withAdvanceLookup(AdvanceLookup lookup) {
            return new NormalizedItem(content, contentHash, fingerprint, skipReason, lookup);
        }
    }

    /**
     * An item ready to be stored: normalized, with the id of its article; {@code advanceLookup} is null when its
     * near duplicates were not looked up in advance.
     */
    private record Prepared(
            Item item,
            String id,
            RevisionContent content,
            String contentHash,
            Optional<TextFingerprint> fingerprint,
            AdvanceLookup advanceLookup) {}

    /**
     * Stores an item whose article may exist: a new revision when its content changed, a new article when there
     * is none.
     *
     * @param payload records the document's payload (once per transaction or per savepoint) and returns it
     */
    private Outcome store(ArticleStore tx, SourceConfig source, Prepared prepared, Supplier<PayloadRef> payload) {
        RevisionContent content = prepared.content();
        String id = prepared.id();
        Optional<Article> existing = tx.findArticle(id);
        if (existing.isEmpty()) {
            insertNew(tx, source, List.of(prepared), payload.get());
            return Outcome.NEW_ARTICLE;
        }
        Instant now = clock.instant();
        String hash = prepared.contentHash();
        Article article = existing.get();
        Revision current = tx.findRevision(id, article.currentRevision()).orElseThrow();
        if (current.contentHash().equals(hash) || CopyAge.isOlder(content, current.content(), now)) {
            return Outcome.UNCHANGED;
        }
        appendRevision(tx, article, content, hash, prepared.fingerprint(), payload.get(), now);
        return Outcome.NEW_REVISION;
    }

    /**
     * Stores {@code content} (whose hash the caller has) as the article's next revision, from the document {@code ref}, with the status the
     * change gives the article (the source's pub-status first; a person's or the cluster's decision kept).
     */
    static void appendRevision(
            ArticleStore tx,
            Article article,
            RevisionContent content,
            String contentHash,
            Optional<TextFingerprint> fingerprint,
            PayloadRef ref,
            Instant now) {
        Revision next =
                new Revision(article.id(), article.currentRevision() + 1, contentHash, content, ref.hash(), now);
        tx.appendRevision(next, fingerprint, statusFor(content, statusAfterChange(article.status())), now);
    }

    /**
     * Stores new articles (distinct ids, none stored yet), each in the cluster of an earlier article with the same
     * content or, failing that, with nearly the same text from another source; otherwise it leads its own.
     * Copies are looked up for all of them at once; a later one finds an earlier one with the same content. The
     * transaction has taken its turn on the ingest clock, so these lookups see every article stored before it.
     */
    private void insertNew(ArticleStore tx, SourceConfig source, List<Prepared> fresh, PayloadRef ref) {
        Instant now = clock.instant();
        Map<String, String> clusterByContent = new HashMap<>(tx.findClustersWithContent(
                fresh.stream().map(Prepared::contentHash).toList()));
        List<Prepared> fingerprinted = fresh.stream()
                .filter(next -> next.fingerprint().isPresent() && !clusterByContent.containsKey(next.contentHash()))
                .toList();
        Map<String, ArticleStore.NearDuplicate> nearById =
                nearDuplicates(tx, source, fingerprinted, now.minus(NEAR_DUPLICATE_WINDOW));
        List<ArticleStore.NewArticle> articles = new ArrayList<>();
        for (Prepared next : fresh) {
            RevisionContent content = next.content();
            String hash = next.contentHash();
            String cluster = clusterByContent.get(hash);
            String reason = cluster == null ? null : "same content as article " + cluster;
            ArticleStore.NearDuplicate near = nearById.get(next.id());
            if (reason == null && near != null) {
                cluster = near.clusterId();
                reason = "nearly the same text as article " + cluster + " (" + Math.round(near.similarity() * 100)
                        + " % of word groups in common)";
            }
            if (cluster == null) {
                cluster = next.id();
            }
            clusterByContent.putIfAbsent(hash, cluster);
            ArticleStatus status = statusFor(content, reason == null ? ArticleStatus.FETCHED : ArticleStatus.DUPLICATE);
            Article article = new Article(
                    next.id(),
                    source.id(),
                    next.item().guid(),
                    ArticleNormalizer.webLink(next.item().url()),
                    cluster,
                    content.headline(),
                    status,
                    status == ArticleStatus.DUPLICATE ? reason : null,
                    1,
                    content.language(),
                    0,
                    now,
                    now);
            articles.add(new ArticleStore.NewArticle(
                    article, new Revision(next.id(), 1, hash, content, ref.hash(), now), next.fingerprint()));
        }
        tx.insertArticles(articles);
    }

    /**
     * The near duplicates of these new articles by id: found in advance, or looked up now — in full when there was
     * no advance lookup, among the revisions stored since it when it found nothing.
     */
    private static Map<String, ArticleStore.NearDuplicate> nearDuplicates(
            ArticleStore tx, SourceConfig source, List<Prepared> fingerprinted, Instant since) {
        Map<String, ArticleStore.NearDuplicate> nearById = new HashMap<>();
        Map<Long, List<Prepared>> storedAfter = new TreeMap<>();
        List<Prepared> notLookedUp = new ArrayList<>();
        for (Prepared next : fingerprinted) {
            AdvanceLookup advance = next.advanceLookup();
            if (advance == null) {
                notLookedUp.add(next);
            } else if (advance.found().isPresent()) {
                nearById.put(next.id(), advance.found().get());
            } else if (!advance.isCurrentAt(tx.transactionTick())) {
                storedAfter
                        .computeIfAbsent(advance.tick(), tick -> new ArrayList<>())
                        .add(next);
            }
        }
        collect(nearById, notLookedUp, tx.findClustersWithSimilarText(fingerprints(notLookedUp), source.id(), since));
        storedAfter.forEach((tick, items) -> collect(
                nearById,
                items,
                tx.findClustersWithSimilarTextStoredAfter(fingerprints(items), source.id(), since, tick)));
        return nearById;
    }

    private static List<TextFingerprint> fingerprints(List<Prepared> items) {
        return items.stream().map(next -> next.fingerprint().orElseThrow()).toList();
    }

    private static void collect(
            Map<String, ArticleStore.NearDuplicate> nearById,
            List<Prepared> items,
            List<Optional<ArticleStore.NearDuplicate>> answers) {
        for (int index = 0; index < items.size(); index++) {
            String id = items.get(index).id();
            answers.get(index).ifPresent(near -> nearById.put(id, near));
        }
    }

    static PayloadRef recorded(ArticleStore tx, Supplier<PayloadRef> payload) {
        PayloadRef ref = payload.get();
        tx.recordPayload(ref);
        return ref;
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
