package org.feedwerk.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.stream.Stream;
import org.feedwerk.config.DatabaseConfig;

/**
 * The databases store tests run against: SQLite in a temporary directory, and a real PostgreSQL server. The
 * server is the one named by {@code FEEDWERK_TEST_PG_URL} (CI installs and starts Debian's PostgreSQL and sets
 * it), otherwise an embedded PostgreSQL binary started once per test run. Each test gets a fresh database.
 */
public final class TestDatabases {
    public enum Kind {
        SQLITE,
        POSTGRESQL
    }

    private static EmbeddedPostgres embedded;

    private TestDatabases() {}

    public static Stream<Kind> kinds() {
        return Stream.of(Kind.SQLITE, Kind.POSTGRESQL);
    }

    /** A configuration for a new, empty database of that kind (SQLite lives under {@code dataDir}). */
    public static DatabaseConfig fresh(Kind kind) {
        if (kind == Kind.SQLITE) {
            return new DatabaseConfig(null, null, null);
        }
        Server server = server();
        String name =
                "feedwerk_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(server.adminUrl(), server.user(), server.password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot create test database on " + server.adminUrl() + ": " + e.getMessage(), e);
        }
        String url = server.adminUrl().replaceFirst("/[^/?]*(\\?.*)?$", "/" + name + "$1");
        return new DatabaseConfig(url, server.user(), 4);
    }

    public static String password(Kind kind) {
        return kind == Kind.SQLITE ? null : server().password();
    }

    public static Path sqliteFile(Path dataDir) {
        return dataDir.resolve("feedwerk.db");
    }

    /** Connection data of the PostgreSQL server the tests use. */
    public record Server(String adminUrl, String user, String password) {}

    public static synchronized Server server() {
        String url = System.getenv("FEEDWERK_TEST_PG_URL");
        if (url != null && !url.isBlank()) {
            String user = System.getenv().getOrDefault("FEEDWERK_TEST_PG_USER", "postgres");
            return new Server(url, user, System.getenv("FEEDWERK_TEST_PG_PASSWORD"));
        }
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new IllegalStateException(
                        "cannot start embedded PostgreSQL (set FEEDWERK_TEST_PG_URL to use a " + "running server): "
                                + e.getMessage(),
                        e);
            }
        }
        return new Server(embedded.getJdbcUrl("postgres", "postgres"), "postgres", null);
    }
}
