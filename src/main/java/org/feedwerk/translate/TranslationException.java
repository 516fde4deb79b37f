package org.feedwerk.translate;

import org.feedwerk.FeedwerkException;

/**
 * An engine could not translate. {@link Kind} says what the chain should do: retry later, skip the engine for a
 * while, or report a configuration problem.
 */
public class TranslationException extends FeedwerkException {
    /** What went wrong, as far as the caller needs to know. */
    public enum Kind {
        /** Timeout, refused connection, 429, 5xx: worth retrying. */
        TRANSIENT,
        /** The account's quota is used up (DeepL 456): the engine is unavailable until the next day. */
        QUOTA,
        /** Missing or rejected key, wrong URL: a human must act. */
        CONFIGURATION,
        /** The engine answered, but the answer is unusable (markup broken, segments missing). */
        BAD_OUTPUT
    }

    private final Kind kind;

    public TranslationException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public TranslationException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
