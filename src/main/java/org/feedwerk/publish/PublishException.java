package org.feedwerk.publish;

import org.feedwerk.FeedwerkException;

/** Publishing or verifying failed. */
public class PublishException extends FeedwerkException {
    public PublishException(String message) {
        super(message);
    }

    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
