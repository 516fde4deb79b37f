package org.feedwerk.store;

import org.feedwerk.FeedwerkException;

/** A database or archive operation failed; the cause is attached. */
public class StoreException extends FeedwerkException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
