package org.feedwerk.store;

import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * A query for rows whose column is one of many strings. SQLite gets {@code IN (?, ?, …)}; PostgreSQL gets
 * {@code = ANY(?)} with one array parameter, which it parses and plans once instead of once per list length and
 * binds without hundreds of parameters.
 */
final class ValueLists {
    private ValueLists() {}

    /** @param sql contains {@code IN (<name>)} once */
    static Query whereIn(Handle handle, Database database, String sql, String name, List<String> values) {
        String inList = "IN (<" + name + ">)";
        if (!sql.contains(inList)) {
            throw new IllegalArgumentException("no " + inList + " in " + sql);
        }
        if (!database.isSqlite()) {
            return handle.createQuery(sql.replace(inList, "= ANY(:" + name + ")"))
                    .bindArray(name, String.class, values);
        }
        return handle.createQuery(sql).bindList(name, values);
    }
}
