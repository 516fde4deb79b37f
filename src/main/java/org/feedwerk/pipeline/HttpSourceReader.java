package org.feedwerk.pipeline;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.feedwerk.article.IngestCounts;
import org.feedwerk.config.ConfigException;
import org.feedwerk.config.SourceConfig;
import org.feedwerk.parse.Payload;
import org.feedwerk.source.FetchResult;
import org.feedwerk.source.HttpFeedFetcher;
import org.feedwerk.source.PageDue;
import org.feedwerk.source.RequestCredentials;
import org.feedwerk.source.SourceState;
import org.feedwerk.store.PayloadArchive;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP half of {@link SourceRunner}: conditional fetch, body-hash short cut, parse and store, and the older
 * pages of a paged feed when the newest page holds nothing already stored.
 */
public final class HttpSourceReader {
    private static final Logger log = LoggerFactory.getLogger(HttpSourceReader.class);
    private static final HttpFeedFetcher.Validators NO_VALIDATORS = new HttpFeedFetcher.Validators(null, null);

    private final HttpFeedFetcher fetcher;
    private final DocumentIngestor documents;
    private final SourceStateRecorder recorder;
    private final Map<String, String> environment;

    /** @param environment where the secrets of sources' {@code credentials} are read */
    public HttpSourceReader(
            HttpFeedFetcher fetcher,
            DocumentIngestor documents,
            SourceStateRecorder recorder,
            Map<String, String> environment) {
        this.fetcher = fetcher;
        this.documents = documents;
        this.recorder = recorder;
        this.environment = Map.copyOf(environment);
    }

    SourceRunReport read(SourceConfig source, SourceState state, Instant started) {
        var validators = new HttpFeedFetcher.Validators(state.etag(), state.lastModified());
        RequestCredentials credentials;
        try {
            credentials = source.findCredentials()
                    .map(configured -> new RequestCredentials(
                            configured.headers(environment), configured.queryParameters(environment)))
                    .orElse(RequestCredentials.NONE);
        } catch (ConfigException e) {
            return failed(source, state, "credentials: " + e.getMessage(), null);
        }
        URI url = source.findUrl().orElseThrow();
        FetchResult result = fetcher.fetch(url, validators, source.allowPrivateNetwork(), credentials);
        if (result instanceof FetchResult.Fetched fetched) {
            return ingest(source, state, fetched, started, credentials, moved(source, url, fetched.movedTo()));
        }
        if (result instanceof FetchResult.NotModified notModified) {
            OlderPages older = readOlderPages(source, null, null, state.olderPagesDue(), credentials, started);
            String moved = moved(source, url, notModified.movedTo());
            return succeeded(source, state, state.etag(), state.lastModified(), state.bodyHash(), older, true, moved);
        }
        Duration retryAfter = result instanceof FetchResult.RateLimited limited ? limited.retryAfter() : null;
        return failed(source, state, describe(result), retryAfter);
    }

    /**
     * What to tell the operator when the feed has moved permanently (301 or 308): it is read from its new address
     * every time, through the redirect, until the configuration names it; null when it has not moved.
     */
    private static String moved(SourceConfig source, URI configured, String movedTo) {
        if (movedTo == null) {
            return null;
        }
        log.atWarn()
                .addKeyValue("source_id", source.id())
                .addKeyValue("url", configured)
                .addKeyValue("moved_to", movedTo)
                .log("feed moved permanently");
        return "the feed has moved permanently to " + movedTo + " (redirected there from " + configured
                + "); set the source's url to the new address";
    }

    private SourceRunReport failed(SourceConfig source, SourceState state, String reason, Duration retryAfter) {
        recorder.fail(source, state, reason, retryAfter);
        return new SourceRunReport(source.id(), IngestCounts.NONE, false, reason);
    }

    private SourceRunReport ingest(
            SourceConfig source,
            SourceState state,
            FetchResult.Fetched fetched,
            Instant started,
            RequestCredentials credentials,
            String moved) {
        String bodyHash = PayloadArchive.sha256(fetched.body());
        if (bodyHash.equals(state.bodyHash())) {
            OlderPages older = readOlderPages(source, null, null, state.olderPagesDue(), credentials, started);
            return succeeded(source, state, fetched.etag(), fetched.lastModified(), bodyHash, older, true, moved);
        }
        Payload payload = new Payload(fetched.body(), fetched.contentType(), fetched.finalUrl());
        DocumentIngestor.Ingested first = documents.ingest(source, payload, started);
        // A source's first read is not followed back: its archive is not wanted, and every item is paid for.
        OlderPages older = readOlderPages(
                source,
                fetched.finalUrl(),
                state.lastSuccess() == null ? null : first,
                state.olderPagesDue(),
                credentials,
                started);
        OlderPages read = older.withFront(first);
        SourceState skipped = state.withLastSkipped(read.counts().skipSummary());
        return succeeded(source, skipped, fetched.etag(), fetched.lastModified(), bodyHash, read, false, moved);
    }

    /**
     * Records the read; the source shows, without backoff, why an older page was not read and that the feed has
     * moved ({@code moved}, may be null). Only the first is an error of the run: the stories of a moved feed were
     * all read.
     */
    private SourceRunReport succeeded(
            SourceConfig source,
            SourceState state,
            String etag,
            String lastModified,
            String bodyHash,
            OlderPages older,
            boolean frontUnchanged,
            String moved) {
        String shown =
                older.warning() == null ? moved : moved == null ? older.warning() : older.warning() + "; " + moved;
        recorder.succeed(source, state.withOlderPagesDue(older.due()), etag, lastModified, bodyHash, shown);
        boolean nothingRead = frontUnchanged && older.counts().equals(IngestCounts.NONE);
        return new SourceRunReport(source.id(), older.counts(), nothingRead, older.warning(), moved);
    }

    /**
     * What reading a feed's older pages gave: the stories stored, the pages still to read, and why the last of
     * them could not be read (null when all were).
     */
    private record OlderPages(IngestCounts counts, List<PageDue> due, String warning) {
        OlderPages withFront(DocumentIngestor.Ingested front) {
            return new OlderPages(front.counts().plus(counts), due, warning);
        }
    }

    /**
     * A page of nothing but new stories from a source read before means stories may have come and gone between two
     * polls. A paged feed is then followed back ({@code rel="next"}, {@code next_url}) from {@code front} (null:
     * not followed) until a page holds a story already stored, at most {@code fetch.olderPages} pages. An older page
     * that cannot be read ends that walk; the stories already read stay stored, and the page is due: it is read
     * again (and followed back in the same way) on the next polls, until it is read or has failed
     * {@value PageDue#MOST_ATTEMPTS} times, and the source shows why meanwhile.
     */
    private OlderPages readOlderPages(
            SourceConfig source,
            String frontAddress,
            DocumentIngestor.Ingested front,
            List<PageDue> due,
            RequestCredentials credentials,
            Instant started) {
        Set<String> visited = new HashSet<>();
        if (frontAddress != null) {
            visited.add(frontAddress);
        }
        Map<String, PageDue> stillDue = new LinkedHashMap<>();
        IngestCounts counts = IngestCounts.NONE;
        String warning = null;
        for (PageDue page : due) {
            if (!visited.add(page.address())) {
                continue;
            }
            try {
                DocumentIngestor.Ingested read = readPage(source, page.address(), credentials, started);
                counts = counts.plus(read.counts());
                Walk walk = walkBack(source, read, visited, credentials, started);
                counts = counts.plus(walk.counts());
                warning = walk.due(stillDue, warning);
            } catch (RuntimeException e) {
                PageDue again = page.failedAgain();
                warning = notRead(source, again, e.getMessage());
                if (!again.isLastAttempt()) {
                    stillDue.put(again.address(), again);
                }
            }
        }
        if (front != null) {
            Walk walk = walkBack(source, front, visited, credentials, started);
            counts = counts.plus(walk.counts());
            warning = walk.due(stillDue, warning);
            if (allNew(front.counts())
                    && front.nextPage() == null
                    && front.counts().newArticles() > 1) {
                log.atInfo()
                        .addKeyValue("source", source.id())
                        .addKeyValue("new", front.counts().newArticles())
                        .log("every story in the document was new: if the feed is busy, stories may come and go"
                                + " between two polls; poll it more often");
            }
        }
        List<PageDue> kept = List.copyOf(stillDue.values());
        return new OlderPages(
                counts, kept.subList(Math.max(0, kept.size() - fetcher.olderPages()), kept.size()), warning);
    }

    /** The stories of a walk back from one page, and the page it could not read (or null). */
    private record Walk(IngestCounts counts, PageDue failed, String reason) {
        /** Adds the failed page to {@code due}; the warning to show: this walk's, else {@code warning}. */
        String due(Map<String, PageDue> due, String warning) {
            if (failed == null) {
                return warning;
            }
            due.putIfAbsent(failed.address(), failed);
            return reason;
        }
    }

    private Walk walkBack(
            SourceConfig source,
            DocumentIngestor.Ingested from,
            Set<String> visited,
            RequestCredentials credentials,
            Instant started) {
        IngestCounts older = IngestCounts.NONE;
        DocumentIngestor.Ingested page = from;
        int read = 0;
        while (allNew(page.counts()) && page.nextPage() != null) {
            if (read == fetcher.olderPages()) {
                log.atWarn()
                        .addKeyValue("source", source.id())
                        .addKeyValue("pages", read)
                        .log("every story on the older pages read was new, and fetch.olderPages allows no more:"
                                + " stories may have been missed; poll the source more often");
                break;
            }
            String address = credentials.removedFrom(page.nextPage()); // an API may put its key into the link
            if (!visited.add(address)) {
                break; // a feed whose pages link in a circle
            }
            try {
                page = readPage(source, address, credentials, started);
            } catch (RuntimeException e) {
                PageDue failed = new PageDue(address, 1);
                return new Walk(older, failed, notRead(source, failed, e.getMessage()));
            }
            older = older.plus(page.counts());
            read++;
        }
        return new Walk(older, null, null);
    }

    private DocumentIngestor.Ingested readPage(
            SourceConfig source, String address, RequestCredentials credentials, Instant started) {
        URI next = URI.create(address);
        RequestCredentials sent = HttpFeedFetcher.sameOrigin(source.findUrl().orElseThrow(), next)
                ? credentials
                : RequestCredentials.NONE;
        FetchResult result = fetcher.fetch(next, NO_VALIDATORS, source.allowPrivateNetwork(), sent);
        if (!(result instanceof FetchResult.Fetched fetched)) {
            throw new IllegalStateException(describe(result));
        }
        return documents.ingest(
                source, new Payload(fetched.body(), fetched.contentType(), fetched.finalUrl()), started);
    }

    /** Logs an older page that could not be read and returns what the source shows for it. */
    private static String notRead(SourceConfig source, PageDue page, String reason) {
        boolean givenUp = page.isLastAttempt();
        log.atWarn()
                .addKeyValue("source", source.id())
                .addKeyValue("page", page.address())
                .addKeyValue("attempts", page.attempts())
                .addKeyValue("reason", reason)
                .log(
                        givenUp
                                ? "older page of a paged feed not read, given up: stories on it may be missing"
                                : "older page of a paged feed not read; read again on the next poll");
        return "older page " + page.address() + " not read (" + reason + ")"
                + (givenUp
                        ? ", given up after " + page.attempts() + " attempts: stories on it may be missing"
                        : "; read again on the next poll");
    }

    /** New stories and none stored before: the page does not reach back to what the last read saw. */
    private static boolean allNew(IngestCounts counts) {
        return counts.newArticles() > 0 && counts.unchanged() == 0 && counts.newRevisions() == 0;
    }

    /** Why a fetch gave no document. */
    private static String describe(FetchResult result) {
        if (result instanceof FetchResult.Failed failed) {
            return failed.reason();
        }
        if (result instanceof FetchResult.RateLimited limited) {
            return "rate limited (HTTP " + limited.status() + ")";
        }
        return "not modified";
    }
}
