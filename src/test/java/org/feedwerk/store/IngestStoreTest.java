package org.feedwerk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.feedwerk.article.Article;
import org.feedwerk.article.ArticleIngestor;
import org.feedwerk.article.ArticleKeys;
import org.feedwerk.article.ArticleNormalizer;
import org.feedwerk.article.ArticleQuery;
import org.feedwerk.article.ArticleStatus;
import org.feedwerk.article.IngestCounts;
import org.feedwerk.article.IngestException;
import org.feedwerk.article.PayloadRef;
import org.feedwerk.article.Revision;
import org.feedwerk.article.RevisionContent;
import org.feedwerk.article.TextFingerprint;
import org.feedwerk.config.SourceConfig;
import org.feedwerk.parse.FeedFormat;
import org.feedwerk.parse.Item;
import org.feedwerk.parse.ParsedFeed;
import org.feedwerk.pipeline.Housekeeping;
import org.feedwerk.source.DroppedFile;
import org.feedwerk.source.PageDue;
import org.feedwerk.source.SourceState;
import org.feedwerk.testing.Stories;
import org.feedwerk.testing.TestClock;
import org.feedwerk.testing.TestDatabases;
import org.feedwerk.testing.TestDatabases.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Dedupe, revisions and transactions of the normalize stage against real SQLite and PostgreSQL. */
class IngestStoreTest {
    private static final SourceConfig WIRE = new SourceConfig(
            "wire", URI.create("https://wire.example.org/feed"), null, null, "en", null, "Wire", null, null, null);
    private static final SourceConfig OTHER = new SourceConfig(
            "other", URI.create("https://other.example.org/feed"), null, null, "en", null, "Other", null, null, null);

    @TempDir
    Path dataDir;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-29T12:00:00Z"));
    private Database database;
    private JdbiArticleStore store;
    private ArticleIngestor ingestor;
    private final AtomicInteger archived = new AtomicInteger();

    private void open(Kind kind) {
        database = Database.open(TestDatabases.fresh(kind), dataDir, TestDatabases.password(kind));
        store = new JdbiArticleStore(database);
        ingestor = new ArticleIngestor(store, new ArticleNormalizer(), clock);
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    static List<Kind> databases() {
        return TestDatabases.kinds().toList();
    }

    private Supplier<PayloadRef> payload(String hash) {
        return () -> {
            archived.incrementAndGet();
            return new PayloadRef(
                    hash, "wire", "https://wire.example.org/feed", "application/rss+xml", 10, clock.instant());
        };
    }

    private IngestCounts ingest(SourceConfig source, String payloadHash, Item... items) {
        return ingestor.ingest(
                source, new ParsedFeed(FeedFormat.RSS, "Wire", null, "en", List.of(items)), payload(payloadHash));
    }

    private static Item item(String guid, String link, String title, String body) {
        return Item.builder()
                .guid(guid)
                .link(link)
                .title(title)
                .contentHtml(body)
                .authors(List.of("Desk"))
                .categories(List.of("News"))
                .build();
    }

    private static Item updatedItem(String guid, String body, Instant updated) {
        return Item.builder()
                .guid(guid)
                .title("Title")
                .contentHtml(body)
                .updated(updated)
                .build();
    }

    /**
     * A real statement fails for one item (a trigger refuses its revision): the item leaves nothing behind, the
     * items before and after it in the same document are stored, and the run fails so that the document is read
     * again (on PostgreSQL a failed statement aborts the transaction unless its savepoint is rolled back).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anItemThatCannotBeStoredLosesNeitherTheOthersNorItself(Kind kind) {
        open(kind);
        installFailingRevisionTrigger(kind); // the article row is written, then its revision fails
        Item before = item("g-1", null, "Ferry terminal approved", "<p>One.</p>");
        Item poisoned = item("g-2", null, "POISON", "<p>Two.</p>");
        Item after = item("g-3", null, "Harbour reopens", "<p>Three.</p>");

        assertThatThrownBy(() -> ingest(WIRE, "p1", before, poisoned, after))
                .hasMessageContaining("1 of 3 items could not be stored")
                .hasMessageContaining("poisoned revision");

        assertThat(store.findArticle(ArticleKeys.articleId("wire", "g-1"))).isPresent();
        assertThat(store.findArticle(ArticleKeys.articleId("wire", "g-2"))).isEmpty();
        assertThat(store.findArticle(ArticleKeys.articleId("wire", "g-3"))).isPresent();
        assertThat(store.listRevisions(ArticleKeys.articleId("wire", "g-3"))).hasSize(1);
    }

    /**
     * Large batches go to PostgreSQL as one {@code COPY}: a failing row there fails the whole chunk, which is then
     * stored again item by item — the poisoned item alone is lost, and reported.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anItemThatCannotBeStoredInALargeDocumentLosesOnlyItself(Kind kind) {
        open(kind);
        installFailingRevisionTrigger(kind);
        Item[] items = new Item[3 * RowBatch.COPY_FROM];
        for (int i = 0; i < items.length; i++) {
            items[i] = item("g-" + i, null, i == 50 ? "POISON" : "Harbour notice " + i, "<p>Notice " + i + ".</p>");
        }

        assertThatThrownBy(() -> ingest(WIRE, "p1", items))
                .hasMessageContaining("1 of " + items.length + " items could not be stored");

        assertThat(store.findArticle(ArticleKeys.articleId("wire", "g-50"))).isEmpty();
        assertThat(store.findArticle(ArticleKeys.articleId("wire", "g-49"))).isPresent();
        assertThat(store.findArticle(ArticleKeys.articleId("wire", "g-" + (items.length - 1))))
                .isPresent();
    }

    /**
     * Whatever a feed's text holds — quotes, commas, line breaks, backslashes, a line that is only {@code \.},
     * an empty teaser next to a missing one — it is stored as it was, in a single row and in a large batch.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void awkwardTextIsStoredExactlyInSmallAndLargeBatches(Kind kind) {
        open(kind);
        String awkward =
                "He said \"no\", then: 'maybe'\\n\r\n\\.\n\\.\r\nC:\\temp; a,b;\t\u00e4\u00df \ud83d\ude00 NULL \\N";
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < RowBatch.COPY_FROM + 1; i++) {
            items.add(Item.builder()
                    .guid("a-" + i)
                    .title("Headline " + i + " " + awkward)
                    .summaryHtml(i % 2 == 0 ? "" : null)
                    .contentHtml("<p>" + awkward.replace("\n", "<br>") + "</p>")
                    .authors(List.of(awkward))
                    .categories(List.of(awkward, ""))
                    .build());
        }
        ingest(WIRE, "p1", items.get(0));
        ingest(WIRE, "p2", items.subList(1, items.size()).toArray(Item[]::new));

        for (int i = 0; i < items.size(); i++) {
            String id = ArticleKeys.articleId("wire", "a-" + i);
            Article article = store.findArticle(id).orElseThrow();
            RevisionContent content = store.listRevisions(id).get(0).content();
            RevisionContent expected = new ArticleNormalizer()
                    .normalize(items.get(i), new ParsedFeed(FeedFormat.RSS, "Wire", null, "en", List.of()), WIRE)
                    .orElseThrow();
            assertThat(article.headline()).isEqualTo(expected.headline());
            assertThat(content).as("item %d", i).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aLargeDocumentIsStoredInSeveralTransactions(Kind kind) {
        open(kind);
        ingestor = new ArticleIngestor(store, new ArticleNormalizer(), clock, 1_200);
        Item[] items = new Item[1_201];
        for (int i = 0; i < items.length; i++) {
            items[i] = item("g-" + i, null, "Harbour notice " + i, "<p>Notice number " + i + " for the port.</p>");
        }
        IngestCounts counts = ingest(WIRE, "p1", items);
        assertThat(counts.newArticles()).isEqualTo(1_200);
        assertThat(counts.skipReasons()).containsEntry("more than 1200 items in one document", 1);
        assertThat(store.findArticle(ArticleKeys.articleId("wire", "g-1199"))).isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void sameItemTwiceIsOneArticleAndChangedContentIsANewRevision(Kind kind) {
        open(kind);
        Item original = item("g-1", "https://wire.example.org/1", "Ferry terminal approved", "<p>First.</p>");

        assertThat(ingest(WIRE, "p1", original)).isEqualTo(new IngestCounts(1, 0, 0, 0));
        assertThat(ingest(WIRE, "p1", original)).isEqualTo(new IngestCounts(0, 0, 1, 0));
        clock.advance(Duration.ofMinutes(5));
        Item edited = item("g-1", "https://wire.example.org/1", "Ferry terminal approved", "<p>First.</p><p>More.</p>");
        assertThat(ingest(WIRE, "p2", edited)).isEqualTo(new IngestCounts(0, 1, 0, 0));

        String id = ArticleKeys.articleId("wire", "g-1");
        Article article = store.findArticle(id).orElseThrow();
        assertThat(article.currentRevision()).isEqualTo(2);
        assertThat(article.status()).isEqualTo(ArticleStatus.FETCHED);
        assertThat(article.headline()).isEqualTo("Ferry terminal approved");
        List<Revision> revisions = store.listRevisions(id);
        assertThat(revisions).extracting(Revision::number).containsExactly(1, 2);
        assertThat(revisions).extracting(Revision::payloadHash).containsExactly("p1", "p2");
        assertThat(revisions.get(1).content().bodyHtml()).isEqualTo("<p>First.</p><p>More.</p>");
        assertThat(revisions.get(1).content().subjects()).containsExactly("News");
        assertThat(archived).as("unchanged documents are not archived").hasValue(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void olderCopyNeverRollsTheStoryBack(Kind kind) {
        open(kind);
        Instant later = Instant.parse("2026-11-29T11:00:00Z");
        ingest(WIRE, "p1", updatedItem("g-2", "<p>New text.</p>", later));

        IngestCounts stale = ingest(WIRE, "p0", updatedItem("g-2", "<p>Old text.</p>", later.minusSeconds(3600)));

        assertThat(stale).isEqualTo(new IngestCounts(0, 0, 1, 0));
        assertThat(store.findArticle(ArticleKeys.articleId("wire", "g-2"))
                        .orElseThrow()
                        .currentRevision())
                .isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aStaleCopyKnownOnlyByItsPublicationTimeDoesNotRollTheStoryBack(Kind kind) {
        open(kind);
        Instant republished = Instant.parse("2026-11-29T11:00:00Z");
        Item current = Item.builder()
                .guid("g-3")
                .title("Title")
                .contentHtml("<p>Edited text.</p>")
                .published(republished)
                .build();
        ingest(WIRE, "p1", current);

        IngestCounts stale = ingest(
                WIRE,
                "p0",
                current.withContentHtml("<p>First text.</p>").withPublished(republished.minusSeconds(1800)));
        IngestCounts edited = ingest(
                WIRE,
                "p2",
                current.withContentHtml("<p>Edited again.</p>").withPublished(republished.plusSeconds(600)));

        assertThat(stale).isEqualTo(new IngestCounts(0, 0, 1, 0));
        assertThat(edited).isEqualTo(new IngestCounts(0, 1, 0, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void reusedGuidFallsBackToGuidAndLinkAndIsRemembered(Kind kind) {
        open(kind);
        Item one = item("same", "https://wire.example.org/1", "Story one", "<p>One.</p>");
        Item two = item("same", "https://wire.example.org/2", "Story two", "<p>Two.</p>");

        assertThat(ingest(WIRE, "p1", one, two)).isEqualTo(new IngestCounts(2, 0, 0, 0));
        assertThat(ingest(WIRE, "p2", two))
                .as("alone in a later document, still the same article")
                .isEqualTo(new IngestCounts(0, 0, 1, 0));
        assertThat(store.findReusedGuids("wire")).containsExactly("same");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void sameContentFromAnotherSourceJoinsTheClusterAsDuplicate(Kind kind) {
        open(kind);
        ingest(WIRE, "p1", item("w-1", "https://wire.example.org/1", "Storm warning", "<p>Gusts.</p>"));
        clock.advance(Duration.ofSeconds(1));
        ingest(OTHER, "p2", item("o-9", "https://other.example.org/9", "Storm warning", "<p>Gusts.</p>"));

        Article duplicate =
                store.findArticle(ArticleKeys.articleId("other", "o-9")).orElseThrow();
        String leader = ArticleKeys.articleId("wire", "w-1");
        assertThat(duplicate.status()).isEqualTo(ArticleStatus.DUPLICATE);
        assertThat(duplicate.clusterId()).isEqualTo(leader);
        assertThat(duplicate.statusReason()).contains(leader);
    }

    private static final String STORY = "<p>" + Stories.FERRY_TERMINAL + "</p>";

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theSameStoryWithSmallEditsFromAnotherSourceIsANearDuplicate(Kind kind) {
        open(kind);
        ingest(WIRE, "p1", item("w-1", "https://wire.example.org/1", "Ferry terminal approved", STORY));
        clock.advance(Duration.ofMinutes(3));
        String edited = STORY.replace("on Sunday", "on Sunday evening") + "<p>(Reporting by the Wire desk)</p>";
        ingest(OTHER, "p2", item("o-1", "https://other.example.org/1", "Ferry terminal approved", edited));
        ingest(
                WIRE,
                "p3",
                item(
                        "w-2",
                        "https://wire.example.org/2",
                        "Ferry terminal approved",
                        edited + "<p>Updated with the opening year.</p>"));
        ingest(
                OTHER,
                "p4",
                item(
                        "o-2",
                        "https://other.example.org/2",
                        "Council plans bus lane",
                        "<p>" + Stories.BUS_LANE + "</p>"));

        String leader = ArticleKeys.articleId("wire", "w-1");
        Article copy = store.findArticle(ArticleKeys.articleId("other", "o-1")).orElseThrow();
        assertThat(copy.status()).isEqualTo(ArticleStatus.DUPLICATE);
        assertThat(copy.clusterId()).isEqualTo(leader);
        assertThat(copy.statusReason())
                .contains("nearly the same text as article " + leader)
                .contains("% of word groups in common");
        assertThat(store.findArticle(ArticleKeys.articleId("wire", "w-2"))
                        .orElseThrow()
                        .status())
                .as("the same source sending it again under a new id is a new story")
                .isEqualTo(ArticleStatus.FETCHED);
        assertThat(store.findArticle(ArticleKeys.articleId("other", "o-2"))
                        .orElseThrow()
                        .status())
                .as("another story on the same topic")
                .isEqualTo(ArticleStatus.FETCHED);

        clock.advance(Duration.ofDays(8));
        assertThat(new Housekeeping(store, clock).runOnce())
                .as("the band keys of the four texts long enough to have them")
                .isEqualTo(4 * TextFingerprint.BANDS);
        assertThat(store.forgetTextBandsBefore(clock.instant())).isZero();
        ingest(
                OTHER,
                "p5",
                item(
                        "o-3",
                        "https://other.example.org/3",
                        "Ferry terminal approved",
                        STORY.replace("on Sunday", "on Sunday night")));
        assertThat(store.findArticle(ArticleKeys.articleId("other", "o-3"))
                        .orElseThrow()
                        .status())
                .as("a week later it is news again")
                .isEqualTo(ArticleStatus.FETCHED);
    }

    /**
     * The copies of a document's new items are looked up together: each item must still get its own leader (the
     * ferry copy the ferry story, the bus-lane copy the bus-lane story), and an item whose content an earlier item
     * of the same document has joins that one.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void inOneLargeDocumentEachNewItemFindsItsOwnCopy(Kind kind) {
        open(kind);
        String busLane = "<p>" + Stories.BUS_LANE + "</p>";
        ingest(
                WIRE,
                "p1",
                item("w-1", null, "Ferry terminal approved", STORY),
                item("w-2", null, "Council plans bus lane", busLane));
        clock.advance(Duration.ofMinutes(3));
        List<Item> document = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            document.add(item("filler-" + i, null, "Tide table " + i, "<p>High water at " + i + " o'clock.</p>"));
        }
        document.add(20, item("o-1", null, "Ferry terminal approved", STORY.replace("on Sunday", "on Sunday evening")));
        document.add(40, item("o-2", null, "Council plans bus lane", busLane.replace("wants", "would like")));
        document.add(60, item("o-3", null, "Tide table extra", "<p>High water at noon, twice.</p>"));
        document.add(80, item("o-4", null, "Tide table extra", "<p>High water at noon, twice.</p>"));

        assertThat(ingest(OTHER, "p2", document.toArray(Item[]::new)).newArticles())
                .isEqualTo(104);

        Article ferry = store.findArticle(ArticleKeys.articleId("other", "o-1")).orElseThrow();
        Article bus = store.findArticle(ArticleKeys.articleId("other", "o-2")).orElseThrow();
        Article first = store.findArticle(ArticleKeys.articleId("other", "o-3")).orElseThrow();
        Article second =
                store.findArticle(ArticleKeys.articleId("other", "o-4")).orElseThrow();
        assertThat(ferry.clusterId()).isEqualTo(ArticleKeys.articleId("wire", "w-1"));
        assertThat(ferry.statusReason()).startsWith("nearly the same text as article");
        assertThat(bus.clusterId()).isEqualTo(ArticleKeys.articleId("wire", "w-2"));
        assertThat(bus.status()).isEqualTo(ArticleStatus.DUPLICATE);
        assertThat(first.status()).isEqualTo(ArticleStatus.FETCHED);
        assertThat(first.clusterId()).isEqualTo(first.id());
        assertThat(second.status()).isEqualTo(ArticleStatus.DUPLICATE);
        assertThat(second.clusterId()).isEqualTo(first.id());
        assertThat(second.statusReason()).isEqualTo("same content as article " + first.id());
        assertThat(store.findArticle(ArticleKeys.articleId("other", "filler-7"))
                        .orElseThrow()
                        .status())
                .isEqualTo(ArticleStatus.FETCHED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void databaseErrorLeavesNoPartialArticle(Kind kind) {
        open(kind);
        installFailingRevisionTrigger(kind);

        assertThatThrownBy(() -> ingest(WIRE, "p1", item("g-poison", null, "POISON", "<p>x</p>")))
                .isInstanceOf(IngestException.class)
                .hasMessageContaining("poisoned revision");

        assertThat(store.findArticle(ArticleKeys.articleId("wire", "g-poison"))).isEmpty();
        assertThat(store.listArticles(new ArticleQuery(null, null, 10))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void listsNewestFirstByStatusAndSource(Kind kind) {
        open(kind);
        ingest(WIRE, "p1", item("a", null, "First", "<p>a</p>"));
        clock.advance(Duration.ofMinutes(1));
        ingest(WIRE, "p2", item("b", null, "Second", "<p>b</p>"));
        clock.advance(Duration.ofMinutes(1));
        ingest(OTHER, "p3", item("c", null, "Third", "<p>c</p>"));

        assertThat(store.listArticles(new ArticleQuery(null, null, 10)))
                .extracting(Article::headline)
                .containsExactly("Third", "Second", "First");
        assertThat(store.listArticles(new ArticleQuery(ArticleStatus.FETCHED, "wire", 1)))
                .extracting(Article::headline)
                .containsExactly("Second");
        assertThat(store.listArticles(new ArticleQuery(ArticleStatus.PUBLISHED, null, 10)))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void sourceStateAndDroppedFilesRoundTrip(Kind kind) {
        open(kind);
        JdbiSourceStateStore states = new JdbiSourceStateStore(database);
        Instant now = clock.instant();
        SourceState state = SourceState.initial("wire")
                .failed(now, now.plusSeconds(60), "HTTP 500")
                .succeeded(now, now.plusSeconds(300), "\"e\"", "Sun, 29 Nov 2026 10:00:00 GMT", "abc");
        states.saveState(state);
        states.saveState(state.failed(now, now.plusSeconds(90), "timed out"));
        DroppedFile file = new DroppedFile("inbox", "a.xml", 12, now, "ff", null, now);
        states.saveDroppedFile(file);

        SourceState loaded = states.findState("wire").orElseThrow();
        assertThat(loaded.failures()).isEqualTo(1);
        assertThat(loaded.lastError()).isEqualTo("timed out");
        assertThat(loaded.etag()).isEqualTo("\"e\"");
        assertThat(loaded.lastSuccess()).isEqualTo(now);
        assertThat(loaded.nextFetch()).isEqualTo(now.plusSeconds(90));
        assertThat(states.listStates()).hasSize(1);
        assertThat(states.findDroppedFile("inbox", "a.xml")).contains(file);

        List<PageDue> due = List.of(
                new PageDue("https://wire.example.org/feed?page=2", 1),
                new PageDue("https://wire.example.org/feed?page=7&x=1", 4));
        states.saveState(loaded.withOlderPagesDue(due));
        assertThat(states.findState("wire").orElseThrow().olderPagesDue()).isEqualTo(due);
        states.saveState(loaded.withOlderPagesDue(List.of()));
        assertThat(states.findState("wire").orElseThrow().olderPagesDue()).isEmpty();
    }

    private void installFailingRevisionTrigger(Kind kind) {
        database.jdbi().useHandle(handle -> {
            if (kind == Kind.SQLITE) {
                handle.execute("""
                        CREATE TRIGGER poison BEFORE INSERT ON revision WHEN NEW.headline = 'POISON'
                        BEGIN SELECT RAISE(ABORT, 'poisoned revision'); END""");
            } else {
                handle.execute("""
                        CREATE FUNCTION poison() RETURNS trigger AS $$
                        BEGIN IF NEW.headline = 'POISON' THEN RAISE EXCEPTION 'poisoned revision'; END IF;
                        RETURN NEW; END $$ LANGUAGE plpgsql""");
                handle.execute(
                        "CREATE TRIGGER poison BEFORE INSERT ON revision FOR EACH ROW EXECUTE FUNCTION poison()");
            }
        });
    }
}
