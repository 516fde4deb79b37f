package org.feedwerk.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Instants are stored as epoch milliseconds; these helpers read and write them, null-safe. */
final class Times {
    private Times() {}

    static Long toMillis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        Long millis = nullableLong(row, column);
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
