package org.feedwerk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.feedwerk.article.ArticleStore.NearDuplicate;
import org.feedwerk.article.TextFingerprint;
import org.feedwerk.config.DatabaseConfig;
import org.feedwerk.testing.Stories;
import org.feedwerk.testing.TestDatabases;
import org.feedwerk.testing.TestDatabases.Kind;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/**
 * Version 12 rebuilds {@code text_band} without its foreign key, keeping the band keys stored before; version 13
 * computes the signatures and band keys of revisions inside the near-duplicate window again in their second form.
 */
class TextBandMigrationTest {
    @TempDir
    Path dataDir;

    private DatabaseConfig config;

    static List<Kind> databases() {
        return TestDatabases.kinds().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void bandKeysStoredBeforeTheUpgradeAreKeptAndStillFound(Kind kind) {
        DataSource dataSource = freshAt(kind, "11");
        Jdbi jdbi = Jdbi.create(dataSource);
        jdbi.useHandle(handle -> {
            handle.execute("INSERT INTO article (id, source_id, cluster_id, headline, status, current_revision, "
                    + "created_at, updated_at) VALUES ('a1', 'wire', 'a1', 'Ferry', 'fetched', 1, 1, 1)");
            handle.execute("INSERT INTO text_band (article_id, revision, band, band_key) VALUES ('a1', 1, 7, 42)");
        });

        migrateTo(dataSource, "12");

        long kept = jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM text_band WHERE band_key = 42 AND band = 7 AND article_id = 'a1'")
                .mapTo(Long.class)
                .one());
        assertThat(kept).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void signaturesInsideTheWindowAreComputedAgainAndStillFoundOthersAreDropped(Kind kind) {
        DataSource dataSource = freshAt(kind, "12");
        String oldSignature = "0badc0de".repeat(128);
        Jdbi jdbi = Jdbi.create(dataSource);
        jdbi.useHandle(handle -> {
            for (String id : List.of("inside", "outside")) {
                handle.execute(
                        "INSERT INTO article (id, source_id, cluster_id, headline, status, current_revision, "
                                + "created_at, updated_at) VALUES (?, 'wire', ?, 'Ferry', 'fetched', 1, 1, 1)",
                        id,
                        id);
                handle.execute(
                        "INSERT INTO revision (article_id, number, content_hash, headline, body_html, "
                                + "pub_status, subjects, images, created_at, text_signature) VALUES (?, 1, ?, "
                                + "'Ferry terminal approved', ?, 'usable', '[]', '[]', ?, ?)",
                        id,
                        id + "-hash",
                        "<p>" + Stories.FERRY_TERMINAL + "</p>",
                        System.currentTimeMillis(),
                        oldSignature);
            }
            for (int band = 0; band < 32; band++) {
                handle.execute(
                        "INSERT INTO text_band (article_id, revision, band, band_key) VALUES ('inside', 1, ?, ?)",
                        band,
                        1000L + band);
            }
        });

        try (Database database = Database.open(config, dataDir, TestDatabases.password(kind))) {
            TextFingerprint expected = TextFingerprint.of("Ferry terminal approved", Stories.FERRY_TERMINAL)
                    .orElseThrow();
            Map<String, byte[]> minhashes = new HashMap<>();
            database.jdbi()
                    .useHandle(handle -> handle.createQuery("SELECT article_id, text_minhash FROM revision")
                            .map((row, context) -> Map.entry(row.getString(1), Optional.ofNullable(row.getBytes(2))))
                            .forEach(entry -> minhashes.put(
                                    entry.getKey(), entry.getValue().orElse(null))));
            assertThat(minhashes).containsOnlyKeys("inside", "outside");
            assertThat(minhashes.get("inside")).isEqualTo(expected.toBytes());
            assertThat(minhashes.get("outside")).isNull();
            List<Long> bandKeys = database.jdbi()
                    .withHandle(handle -> handle.createQuery(
                                    "SELECT band_key FROM text_band WHERE article_id = 'inside' ORDER BY band")
                            .mapTo(Long.class)
                            .list());
            assertThat(bandKeys)
                    .containsExactly(Arrays.stream(expected.bandKeys()).boxed().toArray(Long[]::new));

            TextFingerprint edited = TextFingerprint.of(
                            "Ferry terminal approved", Stories.FERRY_TERMINAL + " (Reporting by the Wire desk)")
                    .orElseThrow();
            assertThat(new JdbiArticleStore(database)
                            .findClustersWithSimilarText(List.of(edited), "other", Instant.EPOCH)
                            .get(0))
                    .map(NearDuplicate::clusterId)
                    .contains("inside");
        }
    }

    /** A new database with the schema as an older Feedwerk left it. */
    private DataSource freshAt(Kind kind, String version) {
        config = TestDatabases.fresh(kind);
        DataSource dataSource = dataSource(kind, config);
        migrateTo(dataSource, version);
        return dataSource;
    }

    private static void migrateTo(DataSource dataSource, String version) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .target(version)
                .load()
                .migrate();
    }

    private DataSource dataSource(Kind kind, DatabaseConfig config) {
        if (kind == Kind.SQLITE) {
            SQLiteDataSource sqlite = new SQLiteDataSource();
            sqlite.setUrl("jdbc:sqlite:" + TestDatabases.sqliteFile(dataDir));
            return sqlite;
        }
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setUrl(config.url());
        postgres.setUser(config.user());
        postgres.setPassword(TestDatabases.password(kind));
        return postgres;
    }
}
