package org.feedwerk.parse;

import org.feedwerk.FeedwerkException;

/** A payload that cannot be read as a feed at all; the message is the reason shown to the operator. */
public class ParseException extends FeedwerkException {
    public ParseException(String message) {
        super(message);
    }

    public ParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
