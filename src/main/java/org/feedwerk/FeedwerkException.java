package org.feedwerk;

/** Base of the one unchecked exception each stage throws when an I/O or library call fails. */
public class FeedwerkException extends RuntimeException {
    public FeedwerkException(String message) {
        super(message);
    }

    public FeedwerkException(String message, Throwable cause) {
        super(message, cause);
    }
}
