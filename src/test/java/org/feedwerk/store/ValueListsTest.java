package org.feedwerk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.feedwerk.testing.TestDatabases;
import org.feedwerk.testing.TestDatabases.Kind;
import org.junit.jupiter.api.AfterEach;
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void everyAwkwardValueIsFoundAndNothingElse(Kind kind) {
        database = Database.open(TestDatabases.fresh(kind), dataDir, TestDatabases.password(kind));
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

        List<String> storedTexts = database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT text_value FROM probe WHERE text_value <> 'other'")
                        .mapTo(String.class)
                        .list());
        List<String> foundTexts = database.jdbi()
                .withHandle(handle -> ValueLists.whereIn(
                                handle,
                                database,
                                "SELECT text_value FROM probe WHERE text_value IN (<values>)",
                                "values",
                                storedTexts)
                        .mapTo(String.class)
                        .list());
        assertThat(foundTexts).containsExactlyInAnyOrderElementsOf(storedTexts);

        List<Long> storedNumbers = database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT number_value FROM probe WHERE number_value <> 42")
                        .mapTo(Long.class)
                        .list());
        List<Long> foundNumbers = database.jdbi()
                .withHandle(handle -> ValueLists.whereIn(
                                handle,
                                database,
                                "SELECT number_value FROM probe WHERE number_value IN (<values>)",
                                "values",
                                Long.class,
                                storedNumbers)
                        .mapTo(Long.class)
                        .list());
        assertThat(foundNumbers).containsExactlyInAnyOrderElementsOf(storedNumbers);
    }
}
