package org.feedwerk.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.feedwerk.config.DatabaseConfig;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The connection pool, Jdbi and migrations for either database. SQLite (default, a file under the data
 * directory) runs in WAL mode with immediate write transactions so that concurrent writers wait for each other
 * instead of failing; PostgreSQL is used when {@code database.url} names it.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final boolean sqlite;

    private Database(HikariDataSource dataSource, boolean sqlite) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        EpochMillis.register(jdbi);
        this.sqlite = sqlite;
    }

    /** Opens the configured database and brings its schema up to date. */
    public static Database open(DatabaseConfig config, Path dataDir, String password) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("feedwerk");
        boolean sqlite = config.findUrl().isEmpty();
        if (sqlite) {
            Path file = dataDir.resolve("feedwerk.db");
            createDirectories(dataDir);
            hikari.setJdbcUrl("jdbc:sqlite:" + file);
            hikari.addDataSourceProperty("journal_mode", "WAL");
            hikari.addDataSourceProperty("synchronous", "NORMAL");
            // 32 MiB of pages per connection instead of 2: storing a large document touches the index pages of
            // thousands of random keys (ids, content hashes, band keys); with the default cache they are written
            // out and read back within one transaction (news-length ingest 20 % faster, bench/RESULTS.md).
            hikari.addDataSourceProperty("cache_size", "-32768");
            hikari.addDataSourceProperty("busy_timeout", "30000");
            hikari.addDataSourceProperty("foreign_keys", "true");
            hikari.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            hikari.setMaximumPoolSize(Math.min(config.poolSize(), 4));
        } else {
            hikari.setJdbcUrl(config.url());
            // A batch of inserts travels as a few multi-row statements instead of one round trip per row.
            hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
            if (config.user() != null) {
                hikari.setUsername(config.user());
            }
            if (password != null) {
                hikari.setPassword(password);
            }
            hikari.setMaximumPoolSize(config.poolSize());
        }
        hikari.setInitializationFailTimeout(10_000);
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new StoreException(
                    "cannot connect to the database " + describe(config, dataDir) + ": " + rootMessage(e), e);
        }
        Database database = new Database(dataSource, sqlite);
        database.migrate();
        return database;
    }

    private void migrate() {
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .javaMigrations(new TextFingerprintMigration(), new BodyCompressionMigration())
                    .loggers("slf4j")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            throw new StoreException("database migration failed: " + rootMessage(e), e);
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public boolean isSqlite() {
        return sqlite;
    }

    /**
     * A connection of its own, outside the pool, for a session that stays open (PostgreSQL {@code LISTEN}); the
     * caller closes it.
     */
    public Connection openDedicatedConnection() throws SQLException {
        return DriverManager.getConnection(dataSource.getJdbcUrl(), dataSource.getUsername(), dataSource.getPassword());
    }

    /** True when a trivial query succeeds. */
    public boolean isReachable() {
        try {
            return jdbi.withHandle(handle ->
                            handle.createQuery("SELECT 1").mapTo(Integer.class).one())
                    == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static String describe(DatabaseConfig config, Path dataDir) {
        return config.findUrl().orElse("SQLite under " + dataDir);
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException("cannot create data directory " + dir + ": " + e.getMessage(), e);
        }
    }
}
