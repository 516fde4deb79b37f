package org.feedwerk.store;

import java.sql.Types;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

/**
 * Instants are stored as epoch milliseconds ({@code BIGINT}) on both databases. Registered once on the
 * {@link Jdbi} of {@link Database}: an {@link Instant} is bound and read as such everywhere, and the conversion
 * lives here. A value that may be null is bound with {@code bindByType(name, value, Instant.class)}, so that it
 * goes in as a typed null.
 */
final class EpochMillis extends AbstractArgumentFactory<Instant> {
    private EpochMillis() {
        super(Types.BIGINT);
    }

    static void register(Jdbi jdbi) {
        jdbi.registerArgument(new EpochMillis());
        jdbi.registerColumnMapper(Instant.class, (row, column, context) -> {
            long millis = row.getLong(column);
            return row.wasNull() ? null : Instant.ofEpochMilli(millis);
        });
    }

    @Override
    protected Argument build(Instant value, ConfigRegistry config) {
        return (position, statement, context) -> statement.setLong(position, value.toEpochMilli());
    }
}
