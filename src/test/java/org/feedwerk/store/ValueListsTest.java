package org.feedwerk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.feedwerk.testing.TestDatabases;
import org.feedwerk.testing.TestDatabases.Kind;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Many values bound as one parameter find exactly the rows holding them, whatever the values look like. */
class ValueListsTest {
    private static final List<String> TEXTS = List.of(
            "plain",
            "",
            "He said \"no\"",
            "back\\slash",
            "line\nbreak",
            "tab\there",
            "\u00e4\u00df\u20ac \ud83d\ude00",
            "[1, 2]",
            "null",
            "' OR 1=1 --");
    private static final List<Long> NUMBERS =
            List.of(Long.MIN_VALUE, -1L, 0L, 1L, 1L << 53, (1L << 53) + 1, Long.MAX_VALUE);

    @TempDir
    Path dataDir;

    static List<Kind> databases() {
        return TestDatabases.kinds().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void everyAwkwardValueIsFoundAndNothingElse(Kind kind) {
        try (Database database = Database.open(TestDatabases.fresh(kind), dataDir, TestDatabases.password(kind))) {
            database.jdbi().useHandle(handle -> {
                handle.execute("CREATE TABLE probe (text_value VARCHAR(100), number_value BIGINT)");
                for (int index = 0; index < Math.max(TEXTS.size(), NUMBERS.size()); index++) {
                    handle.execute(
                            "INSERT INTO probe (text_value, number_value) VALUES (?, ?)",
                            TEXTS.get(index % TEXTS.size()) + "|" + index,
                            NUMBERS.get(index % NUMBERS.size()));
                }
                handle.execute("INSERT INTO probe (text_value, number_value) VALUES ('other', 42)");
            });

            assertFoundExactly(database, "text_value", String.class, "other");
            assertFoundExactly(database, "number_value", Long.class, 42L);
        }
    }

    /** Every stored value but {@code left out}, looked up at once, finds exactly those rows. */
    private static <T> void assertFoundExactly(Database database, String column, Class<T> type, T leftOut) {
        List<T> stored = database
                .jdbi()
                .withHandle(handle -> handle.createQuery("SELECT " + column + " FROM probe")
                        .mapTo(type)
                        .list())
                .stream()
                .filter(value -> !value.equals(leftOut))
                .toList();
        List<T> found = database.jdbi()
                .withHandle(handle -> ValueLists.whereIn(
                                handle,
                                database,
                                "SELECT " + column + " FROM probe WHERE " + column + " IN (<values>)",
                                "values",
                                type,
                                stored)
                        .mapTo(type)
                        .list());
        assertThat(found).containsExactlyInAnyOrderElementsOf(stored);
    }
}
