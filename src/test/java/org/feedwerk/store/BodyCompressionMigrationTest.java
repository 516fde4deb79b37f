package org.feedwerk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.feedwerk.testing.TestDatabases;
import org.feedwerk.testing.TestDatabases.Kind;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Version 14: PostgreSQL compresses article bodies with lz4 when the server has it, and keeps pglz when not. */
class BodyCompressionMigrationTest {
    @TempDir
    Path dataDir;

    @Test
    void articleBodiesAreCompressedWithLz4WhereTheServerHasIt() {
        try (Database database =
                Database.open(TestDatabases.fresh(Kind.POSTGRESQL), dataDir, TestDatabases.password(Kind.POSTGRESQL))) {
            database.jdbi().useHandle(handle -> {
                String expected = serverHasLz4(handle) ? "l" : "";
                for (Map.Entry<String, String> column : Map.of(
                                "revision", "body_html",
                                "translation", "body_html",
                                "publication", "content")
                        .entrySet()) {
                    String method = handle.createQuery("""
                                    SELECT attcompression::text FROM pg_attribute
                                    WHERE attrelid = CAST(:table AS regclass) AND attname = :column""")
                            .bind("table", column.getKey())
                            .bind("column", column.getValue())
                            .mapTo(String.class)
                            .one();
                    assertThat(method).as(column.toString()).isEqualTo(expected);
                }
            });
        }
    }

    private static boolean serverHasLz4(Handle handle) {
        try {
            handle.execute("SET default_toast_compression = lz4");
            handle.execute("RESET default_toast_compression");
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
