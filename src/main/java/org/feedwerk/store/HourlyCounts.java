package org.feedwerk.store;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** Rows per hour since a time, keyed by hours since the epoch, for the console's throughput chart. */
final class HourlyCounts {
    private HourlyCounts() {}

    /** @param table and {@code timeColumn} (epoch milliseconds) are names from this package, never input */
    static Map<Long, Integer> count(HandleSource handles, String table, String timeColumn, Instant since) {
        Map<Long, Integer> counts = new TreeMap<>();
        handles.with(handle -> handle.createQuery("SELECT " + timeColumn + " / 3600000, COUNT(*) FROM " + table
                                + " WHERE " + timeColumn + " >= :since GROUP BY " + timeColumn + " / 3600000")
                        .bind("since", since)
                        .map((row, context) -> Map.entry(row.getLong(1), row.getInt(2)))
                        .list())
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }
}
