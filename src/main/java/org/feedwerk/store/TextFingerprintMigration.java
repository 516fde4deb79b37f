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
import org.flywaydb.core.api.migration.Context;

/**
 * Version 13: text fingerprints are computed another way (hashes a vector loop can compute, twelve bands instead
 * of 32) and stored as 512 bytes ({@code revision.text_minhash}) instead of 1,024 hex characters
 * ({@code text_signature}, dropped: it took PostgreSQL's revision rows past the size at which it compresses
 * them). A signature or band key stored before means nothing to one computed after. Revisions that can still be
 * found by band — those inside the near-duplicate window, whose band keys have not been forgotten — get their
 * fingerprint and band keys computed again from their stored headline and body; the others get none, as nothing
 * reads a fingerprint once its bands are gone. Runs inside Flyway's transaction for this version.
 */
final class TextFingerprintMigration extends VersionedJavaMigration {
    private static final int PAGE = 500;

    TextFingerprintMigration() {
        super(13, "text fingerprints computed again in their second form");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        boolean sqlite = isSqlite(connection);
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("ALTER TABLE revision ADD COLUMN text_minhash " + (sqlite ? "BLOB" : "BYTEA"));
            statement.executeUpdate("""
                    CREATE TABLE text_band_next (
                        article_id VARCHAR(32) NOT NULL,
                        revision   INTEGER NOT NULL,
                        band       INTEGER NOT NULL,
                        band_key   BIGINT NOT NULL
                    )""");
        }
        List<RevisionKey> withBands = revisionsWithBands(connection);
        for (int from = 0; from < withBands.size(); from += PAGE) {
            store(
                    connection,
                    fingerprinted(connection, withBands.subList(from, Math.min(withBands.size(), from + PAGE))));
        }
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("ALTER TABLE revision DROP COLUMN text_signature");
            statement.executeUpdate("DROP TABLE text_band");
            statement.executeUpdate("ALTER TABLE text_band_next RENAME TO text_band");
            statement.executeUpdate("CREATE INDEX text_band_key ON text_band (band_key, band)");
        }
    }

    private record RevisionKey(String articleId, int number) {}

    private record Fingerprinted(String articleId, int number, Optional<TextFingerprint> fingerprint) {}

    /** One scan of the band table (it has no index by revision): the revisions inside the window. */
    private static List<RevisionKey> revisionsWithBands(Connection connection) throws SQLException {
        List<RevisionKey> keys = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT DISTINCT article_id, revision FROM text_band")) {
            while (rows.next()) {
                keys.add(new RevisionKey(rows.getString(1), rows.getInt(2)));
            }
        }
        return keys;
    }

    private static List<Fingerprinted> fingerprinted(Connection connection, List<RevisionKey> keys)
            throws SQLException {
        List<Fingerprinted> page = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT headline, body_html FROM revision WHERE article_id = ? AND number = ?")) {
            for (RevisionKey key : keys) {
                query.setString(1, key.articleId());
                query.setInt(2, key.number());
                try (ResultSet rows = query.executeQuery()) {
                    if (rows.next()) {
                        page.add(new Fingerprinted(
                                key.articleId(),
                                key.number(),
                                TextFingerprint.ofSanitized(rows.getString("headline"), rows.getString("body_html"))));
                    }
                }
            }
        }
        return page;
    }

    private static void store(Connection connection, List<Fingerprinted> page) throws SQLException {
        try (PreparedStatement minhash = connection.prepareStatement(
                        "UPDATE revision SET text_minhash = ? WHERE article_id = ? AND number = ?");
                PreparedStatement band = connection.prepareStatement(
                        "INSERT INTO text_band_next (article_id, revision, band, band_key) VALUES (?, ?, ?, ?)")) {
            for (Fingerprinted revision : page) {
                minhash.setBytes(
                        1, revision.fingerprint().map(TextFingerprint::toBytes).orElse(null));
                minhash.setString(2, revision.articleId());
                minhash.setInt(3, revision.number());
                minhash.addBatch();
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
            minhash.executeBatch();
            band.executeBatch();
        }
    }
}
