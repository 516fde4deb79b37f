package org.feedwerk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.feedwerk.config.DatabaseConfig;
import org.feedwerk.testing.TestDatabases;
import org.feedwerk.testing.TestDatabases.Kind;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/** Version 12 rebuilds {@code text_band} without its foreign key: the band keys stored before are kept. */
class TextBandMigrationTest {
    @TempDir
    Path dataDir;

    static List<Kind> databases() {
        return TestDatabases.kinds().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void bandKeysStoredBeforeTheUpgradeAreKeptAndStillFound(Kind kind) {
        DatabaseConfig config = TestDatabases.fresh(kind);
        DataSource dataSource = dataSource(kind, config);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .target("11")
                .load()
                .migrate();
        Jdbi jdbi = Jdbi.create(dataSource);
        jdbi.useHandle(handle -> {
            handle.execute("INSERT INTO article (id, source_id, cluster_id, headline, status, current_revision, "
                    + "created_at, updated_at) VALUES ('a1', 'wire', 'a1', 'Ferry', 'fetched', 1, 1, 1)");
            handle.execute("INSERT INTO text_band (article_id, revision, band, band_key) VALUES ('a1', 1, 7, 42)");
        });

        try (Database database = Database.open(config, dataDir, TestDatabases.password(kind))) {
            long kept = database.jdbi()
                    .withHandle(handle -> handle.createQuery(
                                    "SELECT COUNT(*) FROM text_band WHERE band_key = 42 AND band = 7 AND article_id = 'a1'")
                            .mapTo(Long.class)
                            .one());
            assertThat(kept).isEqualTo(1);
        }
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
