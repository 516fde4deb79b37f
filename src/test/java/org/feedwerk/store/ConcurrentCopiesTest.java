package org.feedwerk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.feedwerk.article.Article;
import org.feedwerk.article.ArticleIngestor;
import org.feedwerk.article.ArticleKeys;
import org.feedwerk.article.ArticleNormalizer;
import org.feedwerk.article.ArticleStatus;
import org.feedwerk.article.ArticleStore;
import org.feedwerk.article.PayloadRef;
import org.feedwerk.config.SourceConfig;
import org.feedwerk.parse.FeedFormat;
import org.feedwerk.parse.Item;
import org.feedwerk.parse.ParsedFeed;
import org.feedwerk.testing.Stories;
import org.feedwerk.testing.TestClock;
import org.feedwerk.testing.TestDatabases;
import org.feedwerk.testing.TestDatabases.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two sources deliver the same story at the same moment (in a scale-out, to two processes): it must be published
 * once. Each test makes the other source's copy commit exactly inside the window where a lookup has been made and
 * its result not yet stored — the interleaving that published it twice before the ingest clock.
 */
class ConcurrentCopiesTest {
    private static final SourceConfig WIRE = new SourceConfig(
            "wire", URI.create("https://wire.example.org/feed"), null, null, "en", null, "Wire", null, null, null);
    private static final SourceConfig PORTAL = new SourceConfig(
            "portal",
            URI.create("https://portal.example.org/feed"),
            null,
            null,
            "en",
            null,
            "Portal",
            null,
            null,
            null);
    private static final String STORY = "<p>" + Stories.FERRY_TERMINAL + "</p>";
    private static final String NEAR_COPY = STORY.replace("on Sunday", "on Sunday evening");

    @TempDir
    Path dataDir;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-29T12:00:00Z"));
    private Database database;
    private JdbiArticleStore store;

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    static Stream<Arguments> databasesAndCopies() {
        return TestDatabases.kinds()
                .flatMap(kind -> Stream.of(Arguments.of(kind, "near copy"), Arguments.of(kind, "exact copy")));
    }

    static List<Kind> databases() {
        return TestDatabases.kinds().toList();
    }

    /**
     * A large document's near duplicates are looked up before its transaction, while the previous chunk is stored.
     * The wire's story commits right after that lookup: the portal's copy must still join it.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aCopyStoredAfterTheAdvanceLookupOfALargeDocumentIsStillFound(Kind kind) {
        open(kind);
        AtomicBoolean wireDelivered = new AtomicBoolean();
        ArticleStore portalStore = intercepted(store, (lookup, inTransaction) -> {
            if (!inTransaction && wireDelivered.compareAndSet(false, true)) {
                ingest(store, WIRE, item("w-1", STORY));
            }
        });
        List<Item> document = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            document.add(item("filler-" + i, "<p>High water at " + i + " o'clock.</p>"));
        }
        document.add(50, item("p-1", NEAR_COPY));

        ingest(portalStore, PORTAL, document.toArray(Item[]::new));

        assertThat(wireDelivered)
                .as("the document took the advance-lookup path")
                .isTrue();
        Article wire = article(WIRE, "w-1");
        Article portal = article(PORTAL, "p-1");
        assertThat(wire.status()).isEqualTo(ArticleStatus.FETCHED);
        assertThat(portal.status()).isEqualTo(ArticleStatus.DUPLICATE);
        assertThat(portal.clusterId()).isEqualTo(wire.id());
        assertThat(portal.statusReason()).startsWith("nearly the same text as article " + wire.id());
    }

    /**
     * A small document looks its copies up inside its transaction. The wire's ingest starts right after the
     * portal's lookup and is given time to finish before the portal commits: it must wait for the portal's
     * transaction (on PostgreSQL, READ COMMITTED would let both see no copy) and then find the portal's story.
     */
    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("databasesAndCopies")
    void twoSourcesStoringTheSameStoryAtOnceMakeOneLeader(Kind kind, String copy) throws Exception {
        open(kind);
        String wireBody = copy.equals("exact copy") ? STORY : NEAR_COPY;
        AtomicBoolean wireStarted = new AtomicBoolean();
        List<CompletableFuture<Void>> wire = new ArrayList<>();
        ArticleStore portalStore = intercepted(store, (lookup, inTransaction) -> {
            if (inTransaction && wireStarted.compareAndSet(false, true)) {
                wire.add(CompletableFuture.runAsync(() -> ingest(store, WIRE, item("w-1", wireBody))));
                awaitAtMost(wire.get(0), 1_500);
            }
        });

        ingest(portalStore, PORTAL, item("p-1", STORY));
        wire.get(0).get(30, TimeUnit.SECONDS);

        assertThat(wireStarted)
                .as("the portal looked its copies up in its transaction")
                .isTrue();
        Article portal = article(PORTAL, "p-1");
        Article wireArticle = article(WIRE, "w-1");
        assertThat(portal.status()).as("the portal committed first").isEqualTo(ArticleStatus.FETCHED);
        assertThat(wireArticle.status()).isEqualTo(ArticleStatus.DUPLICATE);
        assertThat(wireArticle.clusterId()).isEqualTo(portal.id());
    }

    /**
     * When only the document's own earlier chunk committed between a chunk's advance lookup and its transaction, no
     * second look is needed. Forced: the second chunk's lookup reads the clock while the first chunk's transaction
     * is open.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aDocumentsOwnChunksNeedNoSecondLook(Kind kind) throws Exception {
        open(kind);
        AtomicInteger clockReads = new AtomicInteger();
        AtomicInteger secondLooks = new AtomicInteger();
        AtomicBoolean firstTransaction = new AtomicBoolean(true);
        CountDownLatch firstTransactionOpen = new CountDownLatch(1);
        CountDownLatch secondClockRead = new CountDownLatch(1);
        ArticleStore portalStore = intercepted(
                store,
                (lookup, inTransaction) -> {
                    if (lookup.equals("findClustersWithSimilarTextStoredAfter")) {
                        secondLooks.incrementAndGet();
                    }
                },
                new Interleaving() {
                    @Override
                    public long readClock(ArticleStore real) throws InterruptedException {
                        if (clockReads.incrementAndGet() != 2) {
                            return real.ingestTick();
                        }
                        assertThat(firstTransactionOpen.await(10, TimeUnit.SECONDS))
                                .isTrue();
                        long tick = real.ingestTick();
                        secondClockRead.countDown();
                        return tick;
                    }

                    @Override
                    public void transactionOpened() throws InterruptedException {
                        if (firstTransaction.compareAndSet(true, false)) {
                            firstTransactionOpen.countDown();
                            assertThat(secondClockRead.await(10, TimeUnit.SECONDS))
                                    .isTrue();
                        }
                    }
                });
        List<Item> document = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            document.add(item("p-" + i, "<p>Story " + i + ". " + Stories.BUS_LANE + "</p>"));
        }

        ingest(portalStore, PORTAL, document.toArray(Item[]::new));

        assertThat(clockReads).as("one advance lookup per chunk").hasValue(2);
        assertThat(secondLooks)
                .as("revisions stored since the lookup were the document's own")
                .hasValue(0);
        assertThat(article(PORTAL, "p-599").status()).isEqualTo(ArticleStatus.FETCHED);
    }

    private void open(Kind kind) {
        database = Database.open(TestDatabases.fresh(kind), dataDir, TestDatabases.password(kind));
        store = new JdbiArticleStore(database);
    }

    private Article article(SourceConfig source, String guid) {
        return store.findArticle(ArticleKeys.articleId(source.id(), guid)).orElseThrow();
    }

    private void ingest(ArticleStore into, SourceConfig source, Item... items) {
        new ArticleIngestor(into, new ArticleNormalizer(), clock)
                .ingest(
                        source,
                        new ParsedFeed(FeedFormat.RSS, source.id(), null, "en", List.of(items)),
                        () -> new PayloadRef(
                                "payload-" + source.id(),
                                source.id(),
                                source.url().toString(),
                                "application/rss+xml",
                                10,
                                clock.instant()));
    }

    private static Item item(String guid, String body) {
        return Item.builder()
                .guid(guid)
                .title("Ferry terminal approved")
                .contentHtml(body)
                .build();
    }

    private static void awaitAtMost(CompletableFuture<Void> future, long millis) {
        try {
            future.get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Waiting for our transaction, as it should.
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Called after each near-duplicate lookup, telling whether it ran inside a transaction. */
    private interface AfterLookup {
        void run(String lookup, boolean inTransaction);
    }

    /** Where a test holds one thread until another gets somewhere. */
    private interface Interleaving {
        long readClock(ArticleStore real) throws InterruptedException;

        void transactionOpened() throws InterruptedException;
    }

    private static final Interleaving AS_IT_COMES = new Interleaving() {
        @Override
        public long readClock(ArticleStore real) {
            return real.ingestTick();
        }

        @Override
        public void transactionOpened() {}
    };

    /** {@code real}, calling {@code hook} after each of its near-duplicate lookups (and its transactions' ones). */
    private static ArticleStore intercepted(ArticleStore real, AfterLookup hook) {
        return intercepted(real, hook, AS_IT_COMES);
    }

    private static ArticleStore intercepted(ArticleStore real, AfterLookup hook, Interleaving interleaving) {
        return intercepted(real, hook, interleaving, false);
    }

    @SuppressWarnings("unchecked")
    private static ArticleStore intercepted(
            ArticleStore real, AfterLookup hook, Interleaving interleaving, boolean inTransaction) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("inTransaction")) {
                Function<ArticleStore, Object> work = (Function<ArticleStore, Object>) args[0];
                return real.inTransaction(tx -> {
                    try {
                        interleaving.transactionOpened();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return work.apply(intercepted(tx, hook, interleaving, true));
                });
            }
            if (method.getName().equals("ingestTick")) {
                return interleaving.readClock(real);
            }
            Object result;
            try {
                result = method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (method.getName().startsWith("findClustersWithSimilarText")) {
                hook.run(method.getName(), inTransaction);
            }
            return result;
        };
        return (ArticleStore) Proxy.newProxyInstance(
                ArticleStore.class.getClassLoader(), new Class<?>[] {ArticleStore.class}, handler);
    }
}
