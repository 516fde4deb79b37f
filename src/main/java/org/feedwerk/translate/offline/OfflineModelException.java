package org.feedwerk.translate.offline;

import org.feedwerk.FeedwerkException;

/** A model folder that cannot be loaded or a model that fails while running. */
public class OfflineModelException extends FeedwerkException {
    public OfflineModelException(String message) {
        super(message);
    }

    public OfflineModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
