package org.feedwerk.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A schema version that SQL alone cannot write on both databases (it computes values in Java, or differs by
 * database). Registered in {@link Database}; runs in Flyway's transaction for its version like the SQL files.
 */
abstract class VersionedJavaMigration implements JavaMigration {
    private final int version;
    private final String description;

    VersionedJavaMigration(int version, String description) {
        this.version = version;
        this.description = description;
    }

    @Override
    public final MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(Integer.toString(version));
    }

    @Override
    public final String getDescription() {
        return description;
    }

    /** The version number: the code of a Java migration is not checksummed like a file. */
    @Override
    public final Integer getChecksum() {
        return version;
    }

    @Override
    public final boolean canExecuteInTransaction() {
        return true;
    }

    static boolean isSqlite(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().equals("SQLite");
    }
}
