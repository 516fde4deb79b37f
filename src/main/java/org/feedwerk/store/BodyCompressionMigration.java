package org.feedwerk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Version 14: on PostgreSQL the article bodies (source, translation, published content) are compressed with lz4
 * instead of the default pglz. A news body of a few kilobytes passes PostgreSQL's compression threshold, and pglz
 * was a third of the time to store a revision of 3.4 KB ({@code bench/RESULTS.md}). A server built without lz4 (or
 * older than PostgreSQL 14) keeps pglz: the change is tried in a savepoint and logged when refused. SQLite does not
 * compress: nothing to do. Applies to rows written from now on; stored rows stay as they are.
 */
final class BodyCompressionMigration extends VersionedJavaMigration {
    private static final Logger log = LoggerFactory.getLogger(BodyCompressionMigration.class);
    private static final List<String> BODY_COLUMNS =
            List.of("revision.body_html", "translation.body_html", "publication.content");

    BodyCompressionMigration() {
        super(14, "article bodies compressed with lz4 on PostgreSQL");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (isSqlite(connection)) {
            return;
        }
        Savepoint before = connection.setSavepoint();
        try (Statement statement = connection.createStatement()) {
            for (String column : BODY_COLUMNS) {
                String[] tableAndColumn = column.split("\\.");
                statement.executeUpdate("ALTER TABLE " + tableAndColumn[0] + " ALTER COLUMN " + tableAndColumn[1]
                        + " SET COMPRESSION lz4");
            }
            connection.releaseSavepoint(before);
        } catch (SQLException e) {
            connection.rollback(before);
            log.warn("article bodies keep PostgreSQL's default compression: {}", e.getMessage());
        }
    }
}
