package org.feedwerk.article;

import org.feedwerk.FeedwerkException;

/** Items of a document could not be stored; the others were, and the document is read again later. */
public final class IngestException extends FeedwerkException {
    public IngestException(String message) {
        super(message);
    }
}
