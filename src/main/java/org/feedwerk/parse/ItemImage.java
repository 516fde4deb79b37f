package org.feedwerk.parse;

/** An image that belongs to an item (enclosure, media content, JSON Feed image); caption may be null. */
public record ItemImage(String url, String caption) {}
