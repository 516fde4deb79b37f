package org.feedwerk.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Reads epoch-millisecond columns in hand-written row mappers, null-safe; statements bind and Jdbi maps
 * {@link Instant} through {@link EpochMillis}.
 */
final class Times {
    private Times() {}

    static Instant instant(ResultSet row, String column) throws SQLException {
        Long millis = nullableLong(row, column);
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
