package org.feedwerk.config;

import org.feedwerk.FeedwerkException;

/** A configuration that cannot be used; the message names the file, the line and the problem. */
public class ConfigException extends FeedwerkException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
