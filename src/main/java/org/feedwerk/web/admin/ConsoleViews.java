package org.feedwerk.web.admin;

import java.util.List;
import org.feedwerk.web.site.SiteViews;

/** What the console templates show. */
public final class ConsoleViews {
    private ConsoleViews() {}

    /** Parts of every console page: the site frame, the CSRF token for forms, a message after an action. */
    public record Page(SiteViews.Frame frame, String csrf, String active, String notice) {}

    public record LoginPage(SiteViews.Frame frame, String error) {}

    public record SourceRow(
            String id,
            String kind,
            String location,
            String lastSuccess,
            String lastError,
            String lastErrorAt,
            int failures,
            String nextFetch,
            boolean paused,
            int articles24h) {}

    public record SourcesPage(Page page, List<SourceRow> sources) {}

    public record StatusRow(String status, int count, String oldest) {}

    public record WaitingArticle(String id, String headline, String status, String reason, String qa, String retryAt) {}

    public record PipelinePage(
            Page page,
            List<StatusRow> statuses,
            String chartSvg,
            List<WaitingArticle> held,
            List<WaitingArticle> failed) {}

    public record EngineRow(
            String name,
            String type,
            String availability,
            String budget,
            long usedToday,
            int errors,
            String lastError) {}

    public record UsageRow(String day, String engine, long sent, long reused, String saved, int translations) {}

    public record EnginesPage(Page page, List<EngineRow> engines, List<UsageRow> usage) {}

    public record ArticleRow(String id, String headline, String status, String source, String updated) {}

    public record ArticlesPage(Page page, String query, List<ArticleRow> articles) {}

    public record RevisionRow(int number, String time, String hash, String sourceVersion) {}

    public record TranslationRow(
            int revision,
            String language,
            String engine,
            String status,
            long sent,
            long reused,
            String postEdits,
            String qa) {}

    public record PublicationRow(
            long position,
            String language,
            int sequence,
            int revision,
            String time,
            String contentSha,
            String previousSha) {}

    public record AuditRow(long position, String time, String action, String detail, String sha) {}

    public record ArticlePage(
            Page page,
            ArticleRow article,
            String statusReason,
            String link,
            List<RevisionRow> revisions,
            List<TranslationRow> translations,
            List<PublicationRow> publications,
            List<AuditRow> audit,
            boolean withdrawable) {}
}
