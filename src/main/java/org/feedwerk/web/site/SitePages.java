package org.feedwerk.web.site;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.feedwerk.article.ArticleStatus;
import org.feedwerk.config.SiteConfig;
import org.feedwerk.config.SourceConfig;
import org.feedwerk.html.BodyImages;
import org.feedwerk.publish.Publication;
import org.feedwerk.publish.PublicationStore;
import org.feedwerk.publish.PublishedContent;
import org.feedwerk.publish.Withdrawal;
import org.feedwerk.search.SearchIndex;
import org.feedwerk.web.Templates;
import org.feedwerk.web.site.PageCache.Page;

/**
 * Renders the public site from published content only: list pages, article pages (every version), the 410 page
 * of a withdrawn article and search results. Templates are precompiled JTE classes.
 */
public final class SitePages {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PublicationStore publications;
    private final SiteConfig site;
    private final String language;
    private final Map<String, SourceConfig> sources;
    private final ArticleUrls urls;
    private final ZoneId zone;
    private final Supplier<SearchIndex> search;
    private final String home;
    private final Messages messages;

    /** {@code search} is opened only when a search is made (exporting needs no index). */
    public SitePages(
            PublicationStore publications,
            SiteConfig site,
            String language,
            Map<String, SourceConfig> sources,
            Supplier<SearchIndex> search) {
        this(publications, site, language, sources, search, "/");
    }

    /** The pages of one edition, whose lists, search and feeds live under {@code home} ({@code /} or {@code /es/}). */
    public SitePages(
            PublicationStore publications,
            SiteConfig site,
            String language,
            Map<String, SourceConfig> sources,
            Supplier<SearchIndex> search,
            String home) {
        this.home = home;
        this.messages = Messages.of(language);
        this.publications = publications;
        this.site = site;
        this.language = language;
        this.sources = Map.copyOf(sources);
        this.zone = ZoneId.of(site.timeZone());
        this.urls = new ArticleUrls(zone);
        this.search = search;
    }

    public ArticleUrls urls() {
        return urls;
    }

    public String home() {
        return home;
    }

    public Messages messages() {
        return messages;
    }

    private SiteViews.Frame frame(String title, String description, String canonical) {
        return new SiteViews.Frame(site.name(), language, title, description, canonical, site.base(), home, messages);
    }

    public Page front(int page) {
        return list(null, site.name(), home, page);
    }

    public Page source(String sourceId, int page) {
        SourceConfig source = sources.get(sourceId);
        if (source == null) {
            return notFound();
        }
        return list(
                sourceId, messages.t("source.heading", source.attributionOrId()), home + "quelle/" + sourceId, page);
    }

    private Page list(String sourceId, String heading, String path, int page) {
        int size = site.pageSize();
        int total = publications.countLive(language, sourceId);
        List<Publication> live = publications.listLive(language, sourceId, size, (page - 1) * size);
        if (live.isEmpty() && page > 1) {
            return notFound();
        }
        String previous = page > 1 ? (page == 2 ? path : pagePath(path, page - 1)) : null;
        String next = page * size < total ? pagePath(path, page + 1) : null;
        String canonical = site.base() + (page == 1 ? path : pagePath(path, page));
        SiteViews.Frame frame = frame(page == 1 ? heading : messages.t("list.page", heading, page), null, canonical);
        return render("list.jte", new SiteViews.ListPage(frame, heading, cards(live), previous, next));
    }

    /** The page path of an article in this site's language, once it is published. */
    public Optional<String> pagePath(String articleId) {
        return publications
                .findFirst(articleId, language)
                .map(Publication::content)
                .map(urls::path);
    }

    /** Page {@code page} of a list: {@code /seite/2}, {@code /quelle/wire/seite/2}. */
    static String pagePath(String listPath, int page) {
        return (listPath.endsWith("/") ? listPath : listPath + "/") + "seite/" + page;
    }

    /** How many pages the list of a source (or all, for null) has. */
    public int pageCount(String sourceId) {
        int total = publications.countLive(language, sourceId);
        return Math.max(1, (total + site.pageSize() - 1) / site.pageSize());
    }

    /** The article page for a path; redirects to the canonical path, 404 for unknown, 410 for withdrawn. */
    public Page article(String path, Integer version) {
        Optional<String> id = ArticleUrls.findArticleId(path);
        if (id.isEmpty()) {
            return notFound();
        }
        Optional<Withdrawal> withdrawal = publications.findWithdrawal(id.get());
        List<Publication> versions = publications.listPublications(id.get()).stream()
                .filter(publication -> publication.content() != null
                        && language.equals(publication.content().language()))
                .toList();
        if (versions.isEmpty()) {
            return notFound();
        }
        String canonicalPath = urls.path(versions.get(0).content());
        if (withdrawal.isPresent()) {
            return gone(withdrawal.get());
        }
        if (publications
                .findArticleState(id.get())
                .filter(state -> state.status() == ArticleStatus.WITHHELD)
                .isPresent()) {
            return withheld();
        }
        if (!canonicalPath.equals(path)) {
            return Page.redirect(canonicalPath + (version == null ? "" : "/fassung/" + version));
        }
        Publication latest = versions.get(versions.size() - 1);
        Publication shown = version == null
                ? latest
                : versions.stream()
                        .filter(publication -> publication.content().sequence() == version)
                        .findFirst()
                        .orElse(null);
        if (shown == null) {
            return notFound();
        }
        return render("article.jte", articlePage(shown, versions, canonicalPath, shown != latest));
    }

    private SiteViews.ArticlePage articlePage(
            Publication shown, List<Publication> versions, String canonicalPath, boolean older) {
        PublishedContent content = shown.content();
        PublishedContent first = versions.get(0).content();
        String canonical = site.base() + canonicalPath;
        List<SiteViews.Version> versionViews = new ArrayList<>();
        for (Publication version : versions) {
            versionViews.add(new SiteViews.Version(
                    version.content().sequence(),
                    canonicalPath + "/fassung/" + version.content().sequence(),
                    dated(version.content().publishedAt()),
                    version == shown));
        }
        List<SiteViews.Alternate> alternates = alternates(content.articleId());
        SiteViews.Frame frame = frame(content.headline() + " – " + site.name(), content.teaser(), canonical);
        boolean updated = content.isUpdate();
        return new SiteViews.ArticlePage(
                frame,
                content.headline(),
                content.teaser(),
                site.embedsImages() ? content.bodyHtml() : BodyImages.asLinks(content.bodyHtml()),
                content.byline(),
                content.dateline(),
                content.attribution(),
                content.licence(),
                content.originalUrl(),
                content.engine(),
                dated(content.translatedAt()),
                dated(first.firstPublishedAt()),
                first.firstPublishedAt().toString(),
                updated ? dated(content.publishedAt()) : null,
                updated ? content.publishedAt().toString() : null,
                site.disclaimerFor(content.language()),
                versionViews,
                alternates,
                content.imageUrl(),
                jsonLd(content, canonical),
                older,
                content.correction(),
                related(content.articleId()),
                new SiteViews.Proof(shown.position(), shown.contentSha256(), shown.entrySha256()));
    }

    /**
     * The ends of the publication chain and the audit log, for anyone who wants to record them: a recorded head is
     * an anchor that {@code feedwerk verify --anchor} checks later.
     */
    String chainHeads() {
        PublicationStore.ChainHead publication = publications.findHead("publication");
        PublicationStore.ChainHead audit = publications.findHead("audit");
        ObjectNode heads = JSON.createObjectNode();
        heads.putObject("publication").put("position", publication.position()).put("sha256", publication.lastSha256());
        heads.putObject("audit").put("position", audit.position()).put("sha256", audit.lastSha256());
        heads.put("check", "feedwerk verify --anchor " + publication.position() + ":" + publication.lastSha256());
        return heads.toString();
    }

    /** Live articles the source grouped with this one in a package. */
    private List<SiteViews.Card> related(String articleId) {
        List<Publication> live = new ArrayList<>();
        for (String mate : publications.findPackageMates(articleId)) {
            boolean visible = publications
                    .findArticleState(mate)
                    .filter(state -> state.status() == ArticleStatus.PUBLISHED)
                    .isPresent();
            if (visible) {
                publications.findLatest(mate, language).ifPresent(live::add);
            }
        }
        return cards(live);
    }

    private List<SiteViews.Alternate> alternates(String articleId) {
        Map<String, String> latestByLanguage = new TreeMap<>();
        for (Publication publication : publications.listPublications(articleId)) {
            if (publication.content() != null && publication.content().sequence() == 1) {
                latestByLanguage.put(publication.content().language(), site.base() + urls.path(publication.content()));
            }
        }
        if (latestByLanguage.size() < 2) {
            return List.of();
        }
        return latestByLanguage.entrySet().stream()
                .map(entry -> new SiteViews.Alternate(
                        entry.getKey(),
                        entry.getValue(),
                        Messages.of(entry.getKey()).t("language.name")))
                .toList();
    }

    private String jsonLd(PublishedContent content, String canonical) {
        ObjectNode node = JSON.createObjectNode();
        node.put("@context", "https://schema.org").put("@type", "NewsArticle");
        node.put(
                "headline",
                content.headline().length() > 110 ? content.headline().substring(0, 110) : content.headline());
        if (content.teaser() != null) {
            node.put("description", content.teaser());
        }
        node.put("inLanguage", content.language()).put("url", canonical).put("mainEntityOfPage", canonical);
        node.put("datePublished", content.firstPublishedAt().toString())
                .put("dateModified", content.publishedAt().toString());
        if (content.imageUrl() != null) {
            node.put("image", content.imageUrl());
        }
        ObjectNode author = node.putObject("author");
        author.put("@type", content.byline() == null ? "Organization" : "Person")
                .put("name", content.byline() == null ? content.attribution() : content.byline());
        node.putObject("publisher").put("@type", "Organization").put("name", site.name());
        node.putObject("sourceOrganization").put("@type", "Organization").put("name", content.attribution());
        if (content.originalUrl() != null) {
            node.put("isBasedOn", content.originalUrl());
        }
        node.putObject("translator").put("@type", "Organization").put("name", content.engine());
        if (!content.subjects().isEmpty()) {
            node.put("keywords", String.join(", ", content.subjects()));
        }
        return node.toString().replace("<", "\\u003c"); // never closes the script element
    }

    private Page gone(Withdrawal withdrawal) {
        SiteViews.Frame frame = frame(messages.t("gone.title") + " – " + site.name(), null, null);
        String body = Templates.render(
                "gone.jte", new SiteViews.GonePage(frame, withdrawal.reason(), dated(withdrawal.withdrawnAt())));
        return Page.html(410, body);
    }

    public Page search(String query) {
        String text = query == null ? "" : query.strip();
        SearchIndex.Results results = search.get().search(text, language, 50);
        List<Publication> found = new ArrayList<>();
        for (SearchIndex.Hit hit : results.hits()) {
            publications.findLatest(hit.articleId(), hit.language()).ifPresent(found::add);
        }
        SiteViews.Frame frame = frame(messages.t("search.title", site.name()), null, null);
        return render("search.jte", new SiteViews.SearchPage(frame, text, cards(found), results.total()));
    }

    private Page withheld() {
        SiteViews.Frame frame = frame(messages.t("withheld.title") + " – " + site.name(), null, null);
        return Page.html(
                404,
                Templates.render(
                        "message.jte",
                        new SiteViews.MessagePage(frame, messages.t("withheld.title"), messages.t("withheld.text"))));
    }

    public Page notFound() {
        SiteViews.Frame frame = frame(messages.t("notfound.title") + " – " + site.name(), null, null);
        return Page.html(
                404,
                Templates.render(
                        "message.jte",
                        new SiteViews.MessagePage(frame, messages.t("notfound.heading"), messages.t("notfound.text"))));
    }

    List<SiteViews.Card> cards(List<Publication> live) {
        List<SiteViews.Card> cards = new ArrayList<>();
        for (Publication publication : live) {
            PublishedContent content = publication.content();
            String path = pagePath(content.articleId()).orElseGet(() -> urls.path(content));
            cards.add(new SiteViews.Card(
                    path,
                    content.headline(),
                    content.teaser(),
                    content.attribution(),
                    dated(content.publishedAt()),
                    content.publishedAt().toString(),
                    content.isUpdate(),
                    messages.t("updated")));
        }
        return cards;
    }

    /** A date and time as this edition writes them. */
    String dated(Instant instant) {
        return messages.date(instant, zone);
    }

    private Page render(String template, Object model) {
        return Page.html(200, Templates.render(template, model));
    }
}
