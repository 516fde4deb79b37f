package org.feedwerk.pipeline;

import java.time.Instant;
import org.feedwerk.article.ArticleIngestor;
import org.feedwerk.article.IngestCounts;
import org.feedwerk.article.PayloadRef;
import org.feedwerk.config.SourceConfig;
import org.feedwerk.parse.FeedParsers;
import org.feedwerk.parse.ParsedFeed;
import org.feedwerk.parse.Payload;
import org.feedwerk.store.PayloadArchive;

/** Parses and stores one document; the payload is archived only if an item changed. */
public final class DocumentIngestor {
    private final FeedParsers parsers;
    private final ArticleIngestor ingestor;
    private final PayloadArchive archive;

    public DocumentIngestor(FeedParsers parsers, ArticleIngestor ingestor, PayloadArchive archive) {
        this.parsers = parsers;
        this.ingestor = ingestor;
        this.archive = archive;
    }

    /** What storing one document did, and the address of the feed's next (older) page, or null. */
    record Ingested(IngestCounts counts, String nextPage) {}

    Ingested ingest(SourceConfig source, Payload payload, Instant fetchedAt) {
        ParsedFeed feed = parsers.parse(payload, source.format());
        IngestCounts counts = ingestor.ingest(
                source,
                feed,
                () -> new PayloadRef(
                        archive.store(payload.body()),
                        source.id(),
                        payload.origin(),
                        payload.contentType(),
                        payload.body().length,
                        fetchedAt));
        return new Ingested(counts, feed.nextPage());
    }
}
