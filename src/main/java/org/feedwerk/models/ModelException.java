package org.feedwerk.models;

import org.feedwerk.FeedwerkException;

/** A model could not be downloaded, found or verified; the message says which file and why. */
public class ModelException extends FeedwerkException {
    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
