package org.feedwerk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.feedwerk.article.TextFingerprint;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jsoup.Jsoup;

/**
 * Version 13: text fingerprints are computed another way (hashes a vector loop can compute, twelve bands instead
 * of 32), so a signature or band key stored before means nothing to one computed after. Revisions that can still
 * be found by band — those inside the near-duplicate window, whose band keys have not been forgotten — get their
 * signature and band keys computed again from their stored headline and body; the others lose their signature,
 * which nothing reads once their bands are gone. Runs inside Flyway's transaction for this version.
 */
final class TextFingerprintMigration implements JavaMigration {
    private static final int PAGE = 500;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("13");
    }

    @Override
    public String getDescription() {
        return "text fingerprints computed again in their second form";
    }

    @Override
    public Integer getChecksum() {
        return 13;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("""
                    UPDATE revision SET text_signature = NULL WHERE text_signature IS NOT NULL
                    AND NOT EXISTS (SELECT 1 FROM text_band b
                                    WHERE b.article_id = revision.article_id AND b.revision = revision.number)""");
            statement.executeUpdate("""
                    CREATE TABLE text_band_next (
                        article_id VARCHAR(32) NOT NULL,
                        revision   INTEGER NOT NULL,
                        band       INTEGER NOT NULL,
                        band_key   BIGINT NOT NULL
                    )""");
        }
        String afterId = "";
        int afterNumber = 0;
        while (true) {
            List<Fingerprinted> page = nextPage(connection, afterId, afterNumber);
            if (page.isEmpty()) {
                break;
            }
            store(connection, page);
            afterId = page.get(page.size() - 1).articleId();
            afterNumber = page.get(page.size() - 1).number();
        }
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DROP TABLE text_band");
            statement.executeUpdate("ALTER TABLE text_band_next RENAME TO text_band");
            statement.executeUpdate("CREATE INDEX text_band_key ON text_band (band_key, band)");
        }
    }

    private record Fingerprinted(String articleId, int number, Optional<TextFingerprint> fingerprint) {}

    /** The next revisions with a signature, in key order after the last one done. */
    private static List<Fingerprinted> nextPage(Connection connection, String afterId, int afterNumber)
            throws SQLException {
        List<Fingerprinted> page = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT article_id, number, headline, body_html FROM revision
                WHERE text_signature IS NOT NULL AND (article_id > ? OR (article_id = ? AND number > ?))
                ORDER BY article_id, number LIMIT ?""")) {
            query.setString(1, afterId);
            query.setString(2, afterId);
            query.setInt(3, afterNumber);
            query.setInt(4, PAGE);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String body = rows.getString("body_html");
                    page.add(new Fingerprinted(
                            rows.getString("article_id"),
                            rows.getInt("number"),
                            TextFingerprint.of(
                                    rows.getString("headline"),
                                    Jsoup.parse(body).text())));
                }
            }
        }
        return page;
    }

    private static void store(Connection connection, List<Fingerprinted> page) throws SQLException {
        try (PreparedStatement signature = connection.prepareStatement(
                        "UPDATE revision SET text_signature = ? WHERE article_id = ? AND number = ?");
                PreparedStatement band = connection.prepareStatement(
                        "INSERT INTO text_band_next (article_id, revision, band, band_key) VALUES (?, ?, ?, ?)")) {
            for (Fingerprinted revision : page) {
                signature.setString(
                        1, revision.fingerprint().map(TextFingerprint::encode).orElse(null));
                signature.setString(2, revision.articleId());
                signature.setInt(3, revision.number());
                signature.addBatch();
                if (revision.fingerprint().isEmpty()) {
                    continue;
                }
                long[] keys = revision.fingerprint().get().bandKeys();
                for (int index = 0; index < keys.length; index++) {
                    band.setString(1, revision.articleId());
                    band.setInt(2, revision.number());
                    band.setInt(3, index);
                    band.setLong(4, keys[index]);
                    band.addBatch();
                }
            }
            signature.executeBatch();
            band.executeBatch();
        }
    }
}
