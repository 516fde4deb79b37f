package org.feedwerk.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.feedwerk.article.Article;
import org.feedwerk.article.ArticleQuery;
import org.feedwerk.article.ArticleStatus;
import org.feedwerk.article.Revision;
import org.feedwerk.store.Database;
import org.feedwerk.testing.SiteFixture;
import org.feedwerk.testing.TestClock;
import org.feedwerk.testing.TestDatabases;
import org.feedwerk.testing.TestDatabases.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The proof chain as a store written with the real clock leaves it (sub-millisecond times), the columns and
 * withdrawal rows that decide what the site shows, cross-checked by verify; and a withdrawal that stays a
 * withdrawal, whatever ingest, the live query or an export do around it.
 */
class ProofChainTest {
    @TempDir
    Path dataDir;

    @TempDir
    Path inbox;

    private SiteFixture site;

    static List<Kind> databases() {
        return TestDatabases.kinds().toList();
    }

    @AfterEach
    void close() {
        if (site != null) {
            site.close();
        }
    }

    private SiteFixture open(Kind kind, TestClock clock) {
        site = SiteFixture.on(kind, dataDir, inbox, clock);
        return site;
    }

    private String articleId(String guid) {
        return site.app().articles().listArticles(new ArticleQuery(null, null, 50)).stream()
                .filter(article -> article.guid().equals(guid))
                .map(Article::id)
                .findFirst()
                .orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aStoreWrittenWithTheSystemClockVerifies(Kind kind) throws Exception {
        open(kind, TestClock.system());
        site.deliver("a.xml", "s-1", "Storm warning", "Gusts.", "<p>Gusts of up to 110 km/h.</p>");
        site.deliver("b.xml", "s-2", "Ferry cancelled", "No service.", "<p>No ferries on Tuesday.</p>");
        site.clock().advance(Duration.ofMinutes(3));
        site.deliver("c.xml", "s-1", "Storm warning", "Gusts.", "<p>Gusts of up to 130 km/h.</p>");
        site.app().publisher().withdraw(articleId("s-2"), "withdrawn by the agency", "test");
        site.app().recordConfiguration("sources: []\n");

        ChainVerifier.Report report = site.app().verify();

        assertThat(report.problems()).isEmpty();
        assertThat(report.publications()).isEqualTo(3);
        assertThat(report.auditEntries()).isGreaterThanOrEqualTo(4);
        assertThat(site.app().publications().listAudit())
                .extracting(entry -> entry.at().getNano() % 1_000_000)
                .as("stored and hashed at millisecond precision")
                .containsOnly(0);
    }

    @Test
    void verifyCrossChecksTheColumnsThatDecideWhatIsShown() throws Exception {
        open(Kind.SQLITE, new TestClock(Instant.parse("2026-11-30T09:00:00.123456789Z")));
        site.deliver("a.xml", "s-1", "Storm warning", "Gusts.", "<p>Gusts of up to 110 km/h.</p>");
        try (Database database = Database.open(site.app().config().database(), dataDir, null)) {
            database.jdbi().useHandle(handle -> handle.execute("UPDATE publication SET language = 'en', sequence = 2"));
        }

        assertThat(site.app().verify().problems())
                .singleElement()
                .asString()
                .startsWith("publication 1: columns")
                .contains("language=en")
                .contains("(the row was changed)");
    }

    @Test
    void verifyFindsWithdrawalRowsRemovedOrAddedOutsideFeedwerk() throws Exception {
        open(Kind.SQLITE, TestClock.system());
        site.deliver("a.xml", "s-1", "Storm warning", "Gusts.", "<p>Gusts of up to 110 km/h.</p>");
        site.deliver("b.xml", "s-2", "Ferry cancelled", "No service.", "<p>No ferries on Tuesday.</p>");
        String withdrawn = articleId("s-1");
        String other = articleId("s-2");
        site.app().publisher().withdraw(withdrawn, "legal request", "test");
        assertThat(site.app().verify().problems()).isEmpty();

        try (Database database = Database.open(site.app().config().database(), dataDir, null)) {
            database.jdbi().useHandle(handle -> {
                handle.execute("DELETE FROM withdrawal WHERE article_id = ?", withdrawn);
                handle.execute(
                        "INSERT INTO withdrawal (article_id, reason, actor, withdrawn_at) VALUES (?, 'x', 'y', 0)",
                        other);
            });
        }

        assertThat(site.app().verify().problems())
                .containsExactlyInAnyOrder(
                        "withdrawal of " + other + ": no audit entry (added outside Feedwerk)",
                        "withdrawal of " + withdrawn
                                + " is in the audit log but its row is missing (the article may be shown " + "again)");
    }

    private Article article() {
        return site.app()
                .articles()
                .listArticles(new ArticleQuery(null, null, 5))
                .get(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anIngestThatReadTheArticleBeforeTheWithdrawalDoesNotBringItBack(Kind kind) throws Exception {
        open(kind, TestClock.system())
                .deliver("a.xml", "s-1", "Storm warning", "Gusts.", "<p>Gusts of up to 110 km/h.</p>");
        Article before = article();
        Revision current = site.app().articles().findRevision(before.id(), 1).orElseThrow();

        site.app().publisher().withdraw(before.id(), "legal request", "test");
        // What an ingest that read the article just before the withdrawal then writes: a new revision, "fetched".
        site.app()
                .articles()
                .appendRevision(
                        new Revision(
                                before.id(),
                                2,
                                "f".repeat(64),
                                current.content(),
                                current.payloadHash(),
                                Instant.now()),
                        Optional.empty(),
                        ArticleStatus.FETCHED,
                        Instant.now());

        assertThat(article().status()).isEqualTo(ArticleStatus.WITHDRAWN);
        assertThat(article().statusReason()).isEqualTo("legal request");
        site.runPipeline();
        assertThat(site.app().publications().listLive("de", null, 10, 0)).isEmpty();
    }

    @Test
    void theLiveListConsultsTheWithdrawalsThemselves() throws Exception {
        open(Kind.SQLITE, TestClock.system())
                .deliver("a.xml", "s-1", "Storm warning", "Gusts.", "<p>Gusts of up to 110 km/h.</p>");
        String id = article().id();
        site.app().publisher().withdraw(id, "legal request", "test");
        try (Database database = Database.open(site.app().config().database(), dataDir, null)) {
            database.jdbi()
                    .useHandle(handle -> handle.execute("UPDATE article SET status = 'published' WHERE id = ?", id));
        }

        assertThat(site.app().publications().listLive("de", null, 10, 0)).isEmpty();
    }

    @Test
    void exportingAgainRemovesTheWithdrawnArticlesPagesAndNothingElse(@TempDir Path export) throws Exception {
        open(Kind.SQLITE, TestClock.system())
                .deliver("a.xml", "s-1", "Storm warning", "Gusts.", "<p>Gusts of up to 110 km/h.</p>");
        site.deliver("b.xml", "s-2", "Ferry cancelled", "No service.", "<p>No ferries on Tuesday.</p>");
        Files.writeString(export.resolve("robots.txt"), "User-agent: *\n");
        site.app().exportSite(export);
        assertThat(pagesMentioning(export, "GUSTS OF UP TO")).isNotEmpty();

        String storm = site.app().articles().listArticles(new ArticleQuery(null, null, 5)).stream()
                .filter(article -> article.guid().equals("s-1"))
                .findFirst()
                .orElseThrow()
                .id();
        site.app().publisher().withdraw(storm, "legal request", "test");
        site.app().exportSite(export);

        assertThat(pagesMentioning(export, "GUSTS OF UP TO")).isEmpty();
        assertThat(pagesMentioning(export, "NO FERRIES ON TUESDAY")).isNotEmpty();
        assertThat(export.resolve("robots.txt")).exists();
    }

    private static List<Path> pagesMentioning(Path root, String text) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> {
                        try {
                            return Files.readString(file).contains(text);
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .toList();
        }
    }
}
