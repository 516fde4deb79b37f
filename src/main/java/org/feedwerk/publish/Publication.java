package org.feedwerk.publish;

/**
 * One entry of the publication chain: version {@code sequence} of an article's page in one language, with the
 * SHA-256 of its exact content and of the previous entry. {@code content} is the stored canonical JSON.
 */
public record Publication(
        long position,
        PublishedContent content,
        String contentJson,
        String contentSha256,
        String previousSha256,
        String entrySha256,
        Columns columns) {

    /**
     * The row's own columns, which decide what the site shows (which article, language and version); they must
     * say what the hashed content says.
     */
    public record Columns(String articleId, String language, int sequence, int revision, String engine) {
        public static Columns of(PublishedContent content) {
            return new Columns(
                    content.articleId(), content.language(), content.sequence(), content.revision(), content.engine());
        }
    }

    public Publication(
            long position,
            PublishedContent content,
            String contentJson,
            String contentSha256,
            String previousSha256,
            String entrySha256) {
        this(
                position,
                content,
                contentJson,
                contentSha256,
                previousSha256,
                entrySha256,
                content == null ? null : Columns.of(content));
    }
}
