package org.feedwerk.parse;

/** Parses one format into the neutral model. Implementations never guess the format: {@link FormatSniffer} does. */
public interface FeedParser {
    FeedFormat format();

    /** @throws ParseException when the document is not readable as this format */
    ParsedFeed parse(Payload payload);
}
