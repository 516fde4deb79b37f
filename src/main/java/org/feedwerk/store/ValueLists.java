package org.feedwerk.store;

import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.postgresql.PGConnection;

/**
 * A query for rows whose column is one of many strings. SQLite gets {@code IN (?, ?, …)}; PostgreSQL gets
 * {@code = ANY(?)} with one array parameter, which it parses and plans once instead of once per list length and
 * binds without hundreds of parameters.
 */
final class ValueLists {
    private ValueLists() {}

    /** @param sql contains {@code IN (<name>)} once */
    static Query whereIn(Handle handle, String sql, String name, List<String> values) {
        String inList = "IN (<" + name + ">)";
        if (!sql.contains(inList)) {
            throw new IllegalArgumentException("no " + inList + " in " + sql);
        }
        if (isPostgres(handle)) {
            return handle.createQuery(sql.replace(inList, "= ANY(:" + name + ")"))
                    .bindArray(name, String.class, values);
        }
        return handle.createQuery(sql).bindList(name, values);
    }

    private static boolean isPostgres(Handle handle) {
        try {
            return handle.getConnection().isWrapperFor(PGConnection.class);
        } catch (SQLException e) {
            return false;
        }
    }
}
