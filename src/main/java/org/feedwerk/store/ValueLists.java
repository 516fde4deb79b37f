package org.feedwerk.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * A query for rows whose column is one of many values, bound as one parameter so that the statement's text is the
 * same whatever the number of values: PostgreSQL gets {@code = ANY(?)} with an array, SQLite gets
 * {@code IN (SELECT value FROM json_each(?))} with a JSON array. (An {@code IN (?, ?, …)} list of thousands of
 * placeholders was a new statement for every list length, which Jdbi parsed and the database planned every time:
 * more time than the near-duplicate lookup itself.)
 */
final class ValueLists {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ValueLists() {}

    /** @param sql contains {@code IN (<name>)} once */
    static Query whereIn(Handle handle, Database database, String sql, String name, List<String> values) {
        return whereIn(handle, database, sql, name, String.class, values);
    }

    /** @param sql contains {@code IN (<name>)} once; {@code type} is {@code String} or {@code Long} */
    static <T> Query whereIn(Handle handle, Database database, String sql, String name, Class<T> type, List<T> values) {
        String inList = "IN (<" + name + ">)";
        if (!sql.contains(inList)) {
            throw new IllegalArgumentException("no " + inList + " in " + sql);
        }
        if (!database.isSqlite()) {
            return handle.createQuery(sql.replace(inList, "= ANY(:" + name + ")"))
                    .bindArray(name, type, values);
        }
        return handle.createQuery(sql.replace(inList, "IN (SELECT value FROM json_each(:" + name + "))"))
                .bind(name, json(values));
    }

    /** {@code values} cut into consecutive groups of at most {@code size}, for one query each. */
    static <T> List<List<T>> groups(List<T> values, int size) {
        List<List<T>> groups = new ArrayList<>();
        for (int from = 0; from < values.size(); from += size) {
            groups.add(values.subList(from, Math.min(values.size(), from + size)));
        }
        return groups;
    }

    private static String json(List<?> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("values not writable as JSON", e);
        }
    }
}
