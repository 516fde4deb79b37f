package org.feedwerk.publish;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.feedwerk.article.Article;
import org.feedwerk.article.ArticleNormalizer;
import org.feedwerk.article.ArticleQuery;
import org.feedwerk.article.ArticleStatus;
import org.feedwerk.article.ArticleStore;
import org.feedwerk.article.Revision;
import org.feedwerk.article.RevisionContent;
import org.feedwerk.config.SourceConfig;
import org.feedwerk.translate.Translation;
import org.feedwerk.translate.TranslationStatus;
import org.feedwerk.translate.TranslationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes translated revisions: one new version of the article's page per target language, appended to the
 * hash chain with an audit entry, in one transaction with the article's move to {@code published}. There is no
 * edit operation; the only other change is {@link #withdraw}.
 */
public final class Publisher {
    private static final Logger log = LoggerFactory.getLogger(Publisher.class);
    private static final int BATCH = 100;
    public static final String CANCELED_BY_SOURCE = "canceled by source";

    private final PublicationStore publications;
    private final ArticleStore articles;
    private final TranslationStore translations;
    private final Map<String, SourceConfig> sources;
    private final List<String> targets;
    private final Clock clock;
    private final PublicationListener listener;

    public Publisher(
            PublicationStore publications,
            ArticleStore articles,
            TranslationStore translations,
            Map<String, SourceConfig> sources,
            List<String> targets,
            Clock clock,
            PublicationListener listener) {
        this.publications = publications;
        this.articles = articles;
        this.translations = translations;
        this.sources = Map.copyOf(sources);
        this.targets = List.copyOf(targets);
        this.clock = clock;
        this.listener = listener;
    }

    /**
     * Publishes every translated article whose embargo has passed, and withdraws what the source canceled;
     * returns how many pages got a new version.
     */
    public int publishPending() {
        for (Article canceled : articles.listArticles(new ArticleQuery(ArticleStatus.CANCELED, null, BATCH))) {
            withdrawCanceled(canceled);
        }
        for (Article withheld : articles.listArticles(new ArticleQuery(ArticleStatus.WITHHELD, null, BATCH))) {
            takeOffTheSite(withheld);
        }
        int published = 0;
        for (Article article : articles.listPublishable(clock.instant(), BATCH)) {
            published += publish(article);
        }
        return published;
    }

    /**
     * A withheld article leaves the site (pages, feeds, search) until a usable version is published again; the
     * first time per revision this is recorded in the audit log.
     */
    private void takeOffTheSite(Article article) {
        String detail = "revision=" + article.currentRevision() + " reason=withheld by source";
        List<AuditEntry> history = publications.listAudit(article.id());
        boolean recorded = !history.isEmpty()
                && history.get(history.size() - 1).action().equals("withhold")
                && history.get(history.size() - 1).detail().equals(detail);
        if (recorded || publications.listPublications(article.id()).isEmpty()) {
            return;
        }
        publications.audit(clock.instant(), "withhold", article.id(), detail);
        listener.withheld(article.id());
    }

    private void withdrawCanceled(Article article) {
        if (publications.findWithdrawal(article.id()).isEmpty()) {
            withdraw(article.id(), CANCELED_BY_SOURCE, "source");
        }
    }

    private int publish(Article article) {
        Revision revision =
                articles.findRevision(article.id(), article.currentRevision()).orElseThrow();
        Instant embargo = revision.content().embargoed();
        if (embargo != null && clock.instant().isBefore(embargo)) {
            return 0; // translated, waiting for its embargo to pass
        }
        List<Translation> ready = translations.listTranslations(article.id()).stream()
                .filter(translation -> translation.revision() == revision.number())
                .filter(translation -> translation.status() == TranslationStatus.TRANSLATED)
                .filter(translation -> targets.contains(translation.language()))
                .toList();
        List<Publication> appended = publications.inTransaction(tx -> {
            Optional<PublicationStore.ArticleState> current = tx.lockArticle(article.id());
            if (current.isEmpty()
                    || current.get().status() != ArticleStatus.TRANSLATED
                    || current.get().currentRevision() != revision.number()) {
                return List.<Publication>of(); // changed meanwhile: a newer revision or a withdrawal wins
            }
            List<Publication> added = new ArrayList<>();
            for (String language : targets) {
                ready.stream()
                        .filter(translation -> translation.language().equals(language))
                        .reduce((a, b) -> b)
                        .flatMap(translation -> appendVersion(tx, article, revision, translation))
                        .ifPresent(added::add);
            }
            tx.markPublished(article.id());
            return added;
        });
        appended.forEach(listener::published);
        return appended.size();
    }

    private Optional<Publication> appendVersion(
            PublicationStore tx, Article article, Revision revision, Translation translation) {
        Optional<Publication> latest = tx.findLatest(article.id(), translation.language());
        if (latest.isPresent()
                && latest.get().content() != null
                && latest.get().content().revision() == revision.number()) {
            return Optional.empty(); // this revision is on the page already
        }
        Instant now = clock.instant();
        int sequence =
                latest.map(publication -> publication.content().sequence() + 1).orElse(1);
        Instant first = latest.map(publication -> publication.content().firstPublishedAt())
                .orElse(now);
        PublishedContent content = content(article, revision, translation, sequence, first, now);
        Publication publication = tx.append(content);
        tx.audit(
                now,
                sequence == 1 ? "publish" : "update",
                article.id(),
                "language=" + translation.language() + " sequence=" + sequence + " revision=" + revision.number()
                        + " engine=" + translation.engine() + " sha256=" + publication.contentSha256());
        log.atInfo()
                .addKeyValue("article_id", article.id())
                .addKeyValue("language", translation.language())
                .addKeyValue("sequence", sequence)
                .log("published");
        return Optional.of(publication);
    }

    private PublishedContent content(
            Article article,
            Revision revision,
            Translation translation,
            int sequence,
            Instant firstPublished,
            Instant now) {
        RevisionContent source = revision.content();
        Optional<SourceConfig> sourceConfig = Optional.ofNullable(sources.get(article.sourceId()));
        return PublishedContent.builder()
                .articleId(article.id())
                .language(translation.language())
                .sequence(sequence)
                .revision(revision.number())
                .sourceId(article.sourceId())
                .attribution(sourceConfig.map(SourceConfig::attributionOrId).orElse(article.sourceId()))
                .licence(
                        source.rights() != null
                                ? source.rights()
                                : sourceConfig.map(SourceConfig::licence).orElse(null))
                .originalUrl(ArticleNormalizer.webLink(article.link()))
                .originalLanguage(translation.sourceLanguage())
                .headline(translation.headline())
                .teaser(translation.teaser())
                .bodyHtml(translation.bodyHtml())
                .byline(source.byline())
                .dateline(source.dateline())
                .subjects(source.subjects())
                .imageUrl(
                        source.images().isEmpty()
                                ? null
                                : source.images().get(0).url())
                .engine(translation.engine())
                .translatedAt(translation.translatedAt())
                .sourcePublished(source.sourcePublished())
                .firstPublishedAt(firstPublished)
                .publishedAt(now)
                .correction(source.correction())
                .build();
    }

    static final String WITHDRAW_ACTION = "withdraw";

    /** Records the configuration file's SHA-256 in the audit log when it changed since the last record. */
    public void recordConfiguration(String configurationText) {
        String sha = Hashes.sha256(configurationText);
        List<AuditEntry> history = publications.listAudit("configuration");
        if (history.isEmpty() || !history.get(history.size() - 1).detail().equals("sha256=" + sha)) {
            publications.audit(clock.instant(), "configure", "configuration", "sha256=" + sha);
        }
    }

    /** The audit detail of a withdrawal; {@link ChainVerifier} checks the withdrawal row against it. */
    static String withdrawalDetail(String actor, String reason) {
        return "actor=" + actor + " reason=" + reason;
    }

    /** A withdrawal's reason is stated: at least this many characters, and not more than {@link #LONGEST_REASON}. */
    public static final int SHORTEST_REASON = 3;

    public static final int LONGEST_REASON = 1_000;

    /**
     * Takes an article off the site for good; the reason and the actor go into the audit log. The rules are
     * checked here for every caller: a stated reason, a known article, not withdrawn already.
     *
     * @throws WithdrawalRefused with what is wrong
     */
    public void withdraw(String articleId, String reason, String actor) {
        String stated = reason == null ? "" : reason.strip();
        if (stated.length() < SHORTEST_REASON || stated.length() > LONGEST_REASON) {
            throw new WithdrawalRefused(
                    WithdrawalRefused.Kind.INVALID_REASON,
                    "a reason of " + SHORTEST_REASON + " to " + LONGEST_REASON + " characters is required");
        }
        if (articles.findArticle(articleId).isEmpty()) {
            throw new WithdrawalRefused(WithdrawalRefused.Kind.UNKNOWN_ARTICLE, "no article " + articleId);
        }
        Instant now = clock.instant();
        publications.inTransaction(tx -> {
            if (tx.findWithdrawal(articleId).isPresent()) {
                throw new WithdrawalRefused(
                        WithdrawalRefused.Kind.ALREADY_WITHDRAWN, "article " + articleId + " is already withdrawn");
            }
            tx.saveWithdrawal(new Withdrawal(articleId, stated, actor, now));
            tx.audit(now, WITHDRAW_ACTION, articleId, withdrawalDetail(actor, stated));
            return null;
        });
        listener.withdrawn(articleId);
        log.atInfo()
                .addKeyValue("article_id", articleId)
                .addKeyValue("actor", actor)
                .log("withdrawn");
    }
}
