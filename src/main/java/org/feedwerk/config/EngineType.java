package org.feedwerk.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The wire protocol of a translation engine. */
public enum EngineType {
    @JsonProperty("deepl") DEEPL,
    @JsonProperty("libretranslate") LIBRETRANSLATE,
    @JsonProperty("openai") OPENAI
}
