package org.feedwerk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.feedwerk.testing.TestDatabases;
import org.feedwerk.testing.TestDatabases.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Rows written by position, as a prepared insert and (on PostgreSQL, from {@link RowBatch#COPY_FROM} rows) a COPY. */
class RowBatchTest {
    private static final List<String> AWKWARD = List.of(
            "",
            "plain",
            "He said \"no\", then 'maybe'",
            "a,b;c",
            "line\nbreak",
            "carriage\r\nreturn",
            "\\.",
            "\\.\n",
            "end\n\\.\nmore",
            "C:\\temp\\new",
            "\\N",
            "NULL",
            "\t tab \u00e4\u00df\u20ac \ud83d\ude00",
            "\"",
            "\"\"",
            ",",
            " leading and trailing ");

    @TempDir
    Path dataDir;

    private Database database;

    static List<Kind> databases() {
        return TestDatabases.kinds().toList();
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    private void open(Kind kind) {
        database = Database.open(TestDatabases.fresh(kind), dataDir, TestDatabases.password(kind));
        database.jdbi()
                .useHandle(handle -> handle.execute(
                        "CREATE TABLE batch_probe (position BIGINT, text_value VARCHAR(200), number_value BIGINT, "
                                + "bytes_value " + (database.isSqlite() ? "BLOB" : "BYTEA") + ")"));
    }

    /** Bytes as hex, so that rows compare by value; null is no value, "" no bytes. */
    private record Row(long position, String text, Long number, String bytes) {
        Row(long position, String text, Long number) {
            this(position, text, number, null);
        }
    }

    private static final List<String> AWKWARD_BYTES =
            List.of("", "00", "22", "2c", "0a0d", "5c2e0a", "5c4e", "ff00fe", "000102030405060708090a0b0c0d0e0f");

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void everyValueComesBackAsItWasWrittenInSmallAndLargeBatches(Kind kind) {
        open(kind);
        List<Row> rows = new ArrayList<>();
        for (int position = 0; rows.size() < 1 + RowBatch.COPY_FROM + AWKWARD.size(); position++) {
            String text = position % 5 == 4 ? null : AWKWARD.get(position % AWKWARD.size());
            rows.add(new Row(
                    position,
                    text,
                    position % 3 == 0 ? null : (long) position * (position % 2 == 0 ? 1 : -1) * 1_000_000_007L,
                    position % 7 == 6 ? null : AWKWARD_BYTES.get(position % AWKWARD_BYTES.size())));
        }
        write(rows.subList(0, 1));
        write(rows.subList(1, rows.size())); // on PostgreSQL a COPY

        List<Row> read = database.jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT position, text_value, number_value, bytes_value FROM batch_probe ORDER BY position")
                        .map((row, context) -> new Row(
                                row.getLong(1),
                                row.getString(2),
                                row.getObject(3) == null ? null : row.getLong(3),
                                row.getBytes(4) == null ? null : HexFormat.of().formatHex(row.getBytes(4))))
                        .list());
        assertThat(read).isEqualTo(rows);
    }

    /** SQLite does not enforce lengths; PostgreSQL refuses the row, and with it the whole COPY. */
    @Test
    void aFailingRowFailsTheWholeCopyWithTheDatabasesReason() {
        open(Kind.POSTGRESQL);
        String tooLong = "x".repeat(300);
        List<Row> rows = new ArrayList<>(Arrays.asList(new Row(1, "fine", 1L), new Row(2, tooLong, 2L)));
        while (rows.size() < RowBatch.COPY_FROM) {
            rows.add(new Row(rows.size() + 1, "fine", null));
        }
        assertThatThrownBy(() -> write(rows))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot store the probe")
                .hasMessageContaining("too long");
        long stored = database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM batch_probe")
                        .mapTo(Long.class)
                        .one());
        assertThat(stored).isZero();
    }

    private void write(List<Row> rows) {
        database.jdbi().useTransaction(handle -> {
            try (RowBatch batch = RowBatch.open(
                    handle,
                    database,
                    "batch_probe",
                    List.of("position", "text_value", "number_value", "bytes_value"),
                    rows.size(),
                    "the probe")) {
                for (Row row : rows) {
                    batch.number(row.position())
                            .text(row.text())
                            .number(row.number())
                            .bytes(row.bytes() == null ? null : HexFormat.of().parseHex(row.bytes()))
                            .endRow();
                }
                batch.execute();
            }
        });
    }
}
