package org.feedwerk.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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

/** A withdrawal stays a withdrawal, whatever ingest, the live query or an export do around it. */
class WithdrawalRaceTest {
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

    private SiteFixture open(Kind kind) {
        site = SiteFixture.on(kind, dataDir, inbox, TestClock.system());
        return site;
    }

    private Article article() {
        return site.app().articles().listArticles(new ArticleQuery(null, null, 5)).get(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anIngestThatReadTheArticleBeforeTheWithdrawalDoesNotBringItBack(Kind kind) throws Exception {
        open(kind).deliver("a.xml", "s-1", "Storm warning", "Gusts.", "<p>Gusts of up to 110 km/h.</p>");
        Article before = article();
        Revision current = site.app().articles().findRevision(before.id(), 1).orElseThrow();

        site.app().publisher().withdraw(before.id(), "legal request", "test");
        // What an ingest that read the article just before the withdrawal then writes: a new revision, "fetched".
        site.app().articles().appendRevision(new Revision(before.id(), 2, "f".repeat(64), current.content(),
                current.payloadHash(), Instant.now()), Optional.empty(), ArticleStatus.FETCHED, Instant.now());

        assertThat(article().status()).isEqualTo(ArticleStatus.WITHDRAWN);
        assertThat(article().statusReason()).isEqualTo("legal request");
        site.runPipeline();
        assertThat(site.app().publications().listLive("de", null, 10, 0)).isEmpty();
    }

    @Test
    void theLiveListConsultsTheWithdrawalsThemselves() throws Exception {
        open(Kind.SQLITE).deliver("a.xml", "s-1", "Storm warning", "Gusts.", "<p>Gusts of up to 110 km/h.</p>");
        String id = article().id();
        site.app().publisher().withdraw(id, "legal request", "test");
        try (Database database = Database.open(site.app().config().database(), dataDir, null)) {
            database.jdbi().useHandle(handle -> handle.execute("UPDATE article SET status = 'published' WHERE id = ?",
                    id));
        }

        assertThat(site.app().publications().listLive("de", null, 10, 0)).isEmpty();
    }

    @Test
    void exportingAgainRemovesTheWithdrawnArticlesPagesAndNothingElse(@TempDir Path export) throws Exception {
        open(Kind.SQLITE).deliver("a.xml", "s-1", "Storm warning", "Gusts.", "<p>Gusts of up to 110 km/h.</p>");
        site.deliver("b.xml", "s-2", "Ferry cancelled", "No service.", "<p>No ferries on Tuesday.</p>");
        Files.writeString(export.resolve("robots.txt"), "User-agent: *\n");
        site.app().exportSite(export);
        assertThat(pagesMentioning(export, "GUSTS OF UP TO")).isNotEmpty();

        String storm = site.app().articles().listArticles(new ArticleQuery(null, null, 5)).stream()
                .filter(article -> article.guid().equals("s-1")).findFirst().orElseThrow().id();
        site.app().publisher().withdraw(storm, "legal request", "test");
        site.app().exportSite(export);

        assertThat(pagesMentioning(export, "GUSTS OF UP TO")).isEmpty();
        assertThat(pagesMentioning(export, "NO FERRIES ON TUESDAY")).isNotEmpty();
        assertThat(export.resolve("robots.txt")).exists();
    }

    private static List<Path> pagesMentioning(Path root, String text) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(file -> {
                try {
                    return Files.readString(file).contains(text);
                } catch (java.io.IOException e) {
                    return false;
                }
            }).toList();
        }
    }
}
