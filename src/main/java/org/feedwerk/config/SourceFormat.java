package org.feedwerk.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code format} of a source: a named format, or {@code auto} to let the sniffer decide per payload. */
public enum SourceFormat {
    @JsonProperty("auto")
    AUTO,
    @JsonProperty("rss")
    RSS,
    @JsonProperty("atom")
    ATOM,
    @JsonProperty("jsonfeed")
    JSONFEED,
    @JsonProperty("newsml")
    NEWSML,
    @JsonProperty("ninjs")
    NINJS
}
