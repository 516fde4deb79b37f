package org.feedwerk.store;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;

/**
 * Many rows into one table, values given by position in the order of the columns, one row at a time. At
 * thousands of rows per document Jdbi's binding by name costs as much as the inserts: this binds through JDBC
 * directly, and on PostgreSQL sends a large batch as one {@code COPY} (several times faster than multi-row
 * inserts). Either way the rows are part of the handle's transaction; a database error becomes a
 * {@link StoreException} naming what was being stored.
 */
abstract class RowBatch implements AutoCloseable {
    /** From this many rows PostgreSQL gets a {@code COPY}; fewer go as a prepared insert. */
    static final int COPY_FROM = 32;

    private final String what;

    private RowBatch(String what) {
        this.what = what;
    }

    /** @param rows how many rows will be added (decides between insert and {@code COPY}) */
    static RowBatch open(Handle handle, Database database, String table, List<String> columns, int rows, String what) {
        Connection connection = handle.getConnection();
        try {
            if (rows >= COPY_FROM && !database.isSqlite()) {
                return new PostgresCopy(connection.unwrap(PGConnection.class), table, columns, what);
            }
            return new PreparedInsert(connection, table, columns, what);
        } catch (SQLException e) {
            throw new StoreException("cannot store " + what + ": " + e.getMessage(), e);
        }
    }

    abstract RowBatch text(String value);

    abstract RowBatch number(Long value);

    abstract RowBatch bytes(byte[] value);

    RowBatch number(Integer value) {
        return number(value == null ? null : value.longValue());
    }

    /** An instant as epoch milliseconds, as {@link EpochMillis} binds it elsewhere. */
    RowBatch instant(Instant value) {
        return number(value == null ? null : value.toEpochMilli());
    }

    RowBatch flag(boolean value) {
        return number(value ? 1L : 0L);
    }

    abstract void endRow();

    abstract void execute();

    @Override
    public abstract void close();

    StoreException failure(SQLException e) {
        SQLException cause = e.getNextException() != null ? e.getNextException() : e;
        return new StoreException("cannot store " + what + ": " + cause.getMessage(), e);
    }

    /** A JDBC batch of one prepared insert. */
    private static final class PreparedInsert extends RowBatch {
        private final PreparedStatement statement;
        private int parameter;

        PreparedInsert(Connection connection, String table, List<String> columns, String what) throws SQLException {
            super(what);
            this.statement = connection.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", columns)
                    + ") VALUES (" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")");
        }

        @Override
        RowBatch text(String value) {
            return bind(value, Types.VARCHAR, PreparedStatement::setString);
        }

        @Override
        RowBatch number(Long value) {
            return bind(value, Types.BIGINT, PreparedStatement::setLong);
        }

        @Override
        RowBatch bytes(byte[] value) {
            return bind(value, Types.BINARY, PreparedStatement::setBytes);
        }

        private interface Setter<T> {
            void set(PreparedStatement statement, int parameter, T value) throws SQLException;
        }

        /** The next parameter: the value, or NULL of {@code sqlType}. */
        private <T> RowBatch bind(T value, int sqlType, Setter<T> setter) {
            try {
                if (value == null) {
                    statement.setNull(++parameter, sqlType);
                } else {
                    setter.set(statement, ++parameter, value);
                }
                return this;
            } catch (SQLException e) {
                throw failure(e);
            }
        }

        @Override
        void endRow() {
            try {
                statement.addBatch();
                parameter = 0;
            } catch (SQLException e) {
                throw failure(e);
            }
        }

        @Override
        void execute() {
            try {
                statement.executeBatch();
            } catch (SQLException e) {
                throw failure(e);
            }
        }

        @Override
        public void close() {
            try {
                statement.close();
            } catch (SQLException e) {
                throw failure(e);
            }
        }
    }

    /**
     * PostgreSQL's {@code COPY ... FROM STDIN} in CSV: text always quoted (so an empty string stays one), NULL
     * unquoted and empty.
     */
    private static final class PostgresCopy extends RowBatch {
        private final PGConnection connection;
        private final String sql;
        private static final HexFormat HEX = HexFormat.of();
        private final StringBuilder csv = new StringBuilder(1 << 16);
        private boolean rowStarted;

        PostgresCopy(PGConnection connection, String table, List<String> columns, String what) {
            super(what);
            this.connection = connection;
            this.sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN WITH (FORMAT csv)";
        }

        private void separate() {
            if (rowStarted) {
                csv.append(',');
            }
            rowStarted = true;
        }

        @Override
        RowBatch text(String value) {
            separate();
            if (value != null) {
                csv.append('"');
                int copied = 0;
                for (int quote = value.indexOf('"'); quote >= 0; quote = value.indexOf('"', quote + 1)) {
                    csv.append(value, copied, quote + 1).append('"');
                    copied = quote + 1;
                }
                csv.append(value, copied, value.length()).append('"');
            }
            return this;
        }

        @Override
        RowBatch number(Long value) {
            separate();
            if (value != null) {
                csv.append(value.longValue());
            }
            return this;
        }

        /** PostgreSQL's hex form of {@code bytea}: only digits and letters, so unquoted. */
        @Override
        RowBatch bytes(byte[] value) {
            separate();
            if (value != null) {
                csv.append("\\x").append(HEX.formatHex(value));
            }
            return this;
        }

        @Override
        void endRow() {
            csv.append('\n');
            rowStarted = false;
        }

        @Override
        void execute() {
            try {
                connection.getCopyAPI().copyIn(sql, new StringReader(csv.toString()));
            } catch (SQLException e) {
                throw failure(e);
            } catch (IOException e) {
                throw failure(new SQLException(e.getMessage(), e));
            }
        }

        @Override
        public void close() {
            csv.setLength(0);
        }
    }
}
