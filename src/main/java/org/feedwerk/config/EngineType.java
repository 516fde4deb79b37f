package org.feedwerk.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The wire protocol of a translation engine, or {@code onnx} for the in-process model. */
public enum EngineType {
    @JsonProperty("deepl")
    DEEPL,
    @JsonProperty("libretranslate")
    LIBRETRANSLATE,
    @JsonProperty("openai")
    OPENAI,
    /** Apertium's HTTP service (apertium-apy): rule-based, local, many pairs without a commercial engine. */
    @JsonProperty("apertium")
    APERTIUM,
    /** In-process OPUS-MT model run with ONNX Runtime: no service, no network. */
    @JsonProperty("onnx")
    ONNX
}
