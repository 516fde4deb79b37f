package org.feedwerk.parse;

/** RSS 0.9x, 1.0 (RDF) and 2.0, through Rome. */
public final class RssParser implements FeedParser {
    private final RomeFeedReader reader = new RomeFeedReader();

    @Override
    public FeedFormat format() {
        return FeedFormat.RSS;
    }

    @Override
    public ParsedFeed parse(Payload payload) {
        return reader.read(payload, FeedFormat.RSS);
    }
}
