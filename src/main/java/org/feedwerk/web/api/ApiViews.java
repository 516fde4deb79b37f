package org.feedwerk.web.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.feedwerk.article.Article;
import org.feedwerk.article.Revision;
import org.feedwerk.config.DurationText;
import org.feedwerk.config.SourceConfig;
import org.feedwerk.source.PageDue;
import org.feedwerk.source.SourceState;
import org.feedwerk.translate.Translation;

/** The JSON shapes of the API. Field names are a contract; add fields, never rename them. */
public final class ApiViews {
    private ApiViews() {}

    record SourceView(
            String id,
            String url,
            String dir,
            String format,
            String language,
            String interval,
            String attribution,
            String licence,
            Instant lastAttempt,
            Instant lastSuccess,
            String lastError,
            Instant lastErrorAt,
            int failures,
            Instant nextFetch,
            boolean paused,
            String lastSkipped,
            List<PageDue> olderPagesDue) {

        static SourceView of(SourceConfig source, SourceState state) {
            return new SourceView(
                    source.id(),
                    source.findUrl().map(Object::toString).orElse(null),
                    source.findDir().map(Object::toString).orElse(null),
                    source.format().name().toLowerCase(),
                    source.language(),
                    DurationText.format(source.interval()),
                    source.attributionOrId(),
                    source.licence(),
                    state.lastAttempt(),
                    state.lastSuccess(),
                    state.lastError(),
                    state.lastErrorAt(),
                    state.failures(),
                    Instant.EPOCH.equals(state.nextFetch()) ? null : state.nextFetch(),
                    state.paused(),
                    state.lastSkipped(),
                    state.olderPagesDue());
        }
    }

    record SourcesView(List<SourceView> sources) {}

    record ArticleSummaryView(
            String id,
            String sourceId,
            String guid,
            String link,
            int revision,
            String status,
            String statusReason,
            String headline,
            String language,
            String clusterId,
            Instant created,
            Instant updated,
            String url) {

        static ArticleSummaryView of(Article article, String url) {
            return new ArticleSummaryView(
                    article.id(),
                    article.sourceId(),
                    article.guid(),
                    article.link(),
                    article.currentRevision(),
                    article.status().wireName(),
                    article.statusReason(),
                    article.headline(),
                    article.language(),
                    article.clusterId(),
                    article.createdAt(),
                    article.updatedAt(),
                    url);
        }
    }

    record ArticlesView(List<ArticleSummaryView> articles) {}

    record RevisionView(int number, Instant time, String contentHash, Instant sourceUpdated, Long sourceVersion) {
        static RevisionView of(Revision revision) {
            return new RevisionView(
                    revision.number(),
                    revision.createdAt(),
                    revision.contentHash(),
                    revision.content().sourceUpdated(),
                    revision.content().sourceVersion());
        }
    }

    /** An article's summary fields, and the current revision's content beside them. */
    record ArticleDetailView(
            @JsonUnwrapped ArticleSummaryView summary,
            boolean headlineDerived,
            String byline,
            String teaser,
            String bodyHtml,
            List<String> subjects,
            String slugline,
            Integer urgency,
            Instant embargoed,
            boolean correction,
            List<String> packageMates,
            List<RevisionView> revisions,
            List<TranslationView> translations) {

        static ArticleDetailView of(
                Article article,
                String url,
                Revision current,
                List<Revision> revisions,
                List<Translation> translations,
                List<String> packageMates) {
            var content = current.content();
            return new ArticleDetailView(
                    ArticleSummaryView.of(article, url),
                    content.headlineDerived(),
                    content.byline(),
                    content.teaser(),
                    content.bodyHtml(),
                    content.subjects(),
                    content.slugline(),
                    content.urgency(),
                    content.embargoed(),
                    content.correction(),
                    packageMates,
                    revisions.stream().map(RevisionView::of).toList(),
                    translations.stream().map(TranslationView::of).toList());
        }
    }

    /** A translation; {@code revision} says which source revision it translates. */
    record TranslationView(
            String language,
            String sourceLanguage,
            String engine,
            String status,
            int revision,
            String headline,
            String teaser,
            String bodyHtml,
            long charsSent,
            long charsReused,
            long billed,
            Instant translatedAt,
            List<String> postEdits,
            @JsonRawValue String qa) {

        static TranslationView of(Translation translation) {
            return new TranslationView(
                    translation.language(),
                    translation.sourceLanguage(),
                    translation.engine(),
                    translation.status().wireName(),
                    translation.revision(),
                    translation.headline(),
                    translation.teaser(),
                    translation.bodyHtml(),
                    translation.charsSent(),
                    translation.charsReused(),
                    translation.billed(),
                    translation.translatedAt(),
                    translation.postEdits(),
                    translation.qaReport());
        }
    }

    /** Quality checks failed per engine and check, for comparing engines. */
    record StatsView(Map<String, Map<String, Integer>> qaFailures) {}

    public record ErrorView(String error) {}
}
