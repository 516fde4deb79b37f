package org.feedwerk.parse;

/** Atom 1.0 (and 0.3), through Rome. */
public final class AtomParser implements FeedParser {
    private final RomeFeedReader reader = new RomeFeedReader();

    @Override
    public FeedFormat format() {
        return FeedFormat.ATOM;
    }

    @Override
    public ParsedFeed parse(Payload payload) {
        return reader.read(payload, FeedFormat.ATOM);
    }
}
