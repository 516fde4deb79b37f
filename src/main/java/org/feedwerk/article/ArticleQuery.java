package org.feedwerk.article;

import java.util.Optional;

/** Which articles to list, newest first: optionally one status and one source, at most {@code limit}. */
public record ArticleQuery(ArticleStatus status, String sourceId, int limit) {
    public Optional<ArticleStatus> findStatus() {
        return Optional.ofNullable(status);
    }

    public Optional<String> findSourceId() {
        return Optional.ofNullable(sourceId);
    }
}
