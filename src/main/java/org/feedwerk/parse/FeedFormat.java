package org.feedwerk.parse;

/** The document formats Feedwerk can parse. */
public enum FeedFormat {
    RSS,
    ATOM,
    JSON_FEED,
    NEWSML_G2,
    NINJS
}
