package org.feedwerk.translate;

import java.time.Instant;
import java.util.List;

/**
 * One translation of one revision into one language by one engine ({@code original} when the article already is
 * in that language). {@code charsSent} went to the engine; {@code charsReused} came from the translation memory.
 * {@code postEdits} names the automatic post-edit rules applied, {@code qaReport} is the quality report (JSON).
 */
public record Translation(
        String articleId,
        int revision,
        String language,
        String sourceLanguage,
        String engine,
        TranslationStatus status,
        String headline,
        String teaser,
        String bodyHtml,
        long charsSent,
        long charsReused,
        long billed,
        Instant translatedAt,
        List<String> postEdits,
        String qaReport) {

    public static final String ORIGINAL_ENGINE = "original";

    public Translation {
        postEdits = postEdits == null ? List.of() : List.copyOf(postEdits);
    }

    /** A builder holding this translation's values, to change some of them by name. */
    public Builder toBuilder() {
        return builder()
                .articleId(articleId)
                .revision(revision)
                .language(language)
                .sourceLanguage(sourceLanguage)
                .engine(engine)
                .status(status)
                .headline(headline)
                .teaser(teaser)
                .bodyHtml(bodyHtml)
                .charsSent(charsSent)
                .charsReused(charsReused)
                .billed(billed)
                .translatedAt(translatedAt)
                .postEdits(postEdits)
                .qaReport(qaReport);
    }

    /** Built by name: fifteen positional fields invite swapped arguments; unset lists stay empty. */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String articleId;
        private int revision;
        private String language;
        private String sourceLanguage;
        private String engine;
        private TranslationStatus status;
        private String headline;
        private String teaser;
        private String bodyHtml;
        private long charsSent;
        private long charsReused;
        private long billed;
        private Instant translatedAt;
        private List<String> postEdits;
        private String qaReport;

        private Builder() {}

        public Builder articleId(String articleId) {
            this.articleId = articleId;
            return this;
        }

        public Builder revision(int revision) {
            this.revision = revision;
            return this;
        }

        public Builder language(String language) {
            this.language = language;
            return this;
        }

        public Builder sourceLanguage(String sourceLanguage) {
            this.sourceLanguage = sourceLanguage;
            return this;
        }

        public Builder engine(String engine) {
            this.engine = engine;
            return this;
        }

        public Builder status(TranslationStatus status) {
            this.status = status;
            return this;
        }

        public Builder headline(String headline) {
            this.headline = headline;
            return this;
        }

        public Builder teaser(String teaser) {
            this.teaser = teaser;
            return this;
        }

        public Builder bodyHtml(String bodyHtml) {
            this.bodyHtml = bodyHtml;
            return this;
        }

        public Builder charsSent(long charsSent) {
            this.charsSent = charsSent;
            return this;
        }

        public Builder charsReused(long charsReused) {
            this.charsReused = charsReused;
            return this;
        }

        public Builder billed(long billed) {
            this.billed = billed;
            return this;
        }

        public Builder translatedAt(Instant translatedAt) {
            this.translatedAt = translatedAt;
            return this;
        }

        public Builder postEdits(List<String> postEdits) {
            this.postEdits = postEdits;
            return this;
        }

        public Builder qaReport(String qaReport) {
            this.qaReport = qaReport;
            return this;
        }

        public Translation build() {
            return new Translation(
                    articleId,
                    revision,
                    language,
                    sourceLanguage,
                    engine,
                    status,
                    headline,
                    teaser,
                    bodyHtml,
                    charsSent,
                    charsReused,
                    billed,
                    translatedAt,
                    postEdits,
                    qaReport);
        }
    }
}
