package org.feedwerk.store;

import java.util.function.Consumer;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Runs repository calls either on the handle of an open transaction or on a fresh handle, and turns Jdbi's
 * exceptions into {@link StoreException}.
 */
final class HandleSource {
    private final Jdbi jdbi;
    private final Handle transactionHandle;

    HandleSource(Jdbi jdbi, Handle transactionHandle) {
        this.jdbi = jdbi;
        this.transactionHandle = transactionHandle;
    }

    boolean isInTransaction() {
        return transactionHandle != null;
    }

    <T> T with(Function<Handle, T> work) {
        try {
            return transactionHandle != null ? work.apply(transactionHandle) : jdbi.withHandle(work::apply);
        } catch (JdbiException e) {
            throw new StoreException("database error: " + Database.rootMessage(e), e);
        }
    }

    <T> T inTransaction(Function<Handle, T> work) {
        if (transactionHandle != null) {
            return work.apply(transactionHandle);
        }
        try {
            return jdbi.inTransaction(work::apply);
        } catch (JdbiException e) {
            throw new StoreException("database error: " + Database.rootMessage(e), e);
        }
    }

    void use(Consumer<Handle> work) {
        with(handle -> {
            work.accept(handle);
            return null;
        });
    }
}
