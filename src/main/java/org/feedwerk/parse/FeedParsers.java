package org.feedwerk.parse;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.feedwerk.config.SourceFormat;

/**
 * Chooses the parser for a payload: the configured format, or the sniffed one for {@code auto}. Relative item links
 * are then made absolute against the feed's link or the payload's address ({@link ItemLinks}).
 */
public final class FeedParsers {
    private final FormatSniffer sniffer = new FormatSniffer();
    private final Map<FeedFormat, FeedParser> parsers = new EnumMap<>(FeedFormat.class);

    public FeedParsers() {
        for (FeedParser parser : List.of(
                new RssParser(), new AtomParser(), new JsonFeedParser(), new NewsMlG2Parser(), new NinjsParser())) {
            parsers.put(parser.format(), parser);
        }
    }

    public ParsedFeed parse(Payload payload, SourceFormat configured) {
        FeedFormat format = switch (configured) {
            case AUTO -> sniffer.sniff(payload);
            case RSS -> FeedFormat.RSS;
            case ATOM -> FeedFormat.ATOM;
            case JSONFEED -> FeedFormat.JSON_FEED;
            case NEWSML -> FeedFormat.NEWSML_G2;
            case NINJS -> FeedFormat.NINJS;
        };
        return ItemLinks.resolve(parsers.get(format).parse(payload), payload.origin());
    }
}
