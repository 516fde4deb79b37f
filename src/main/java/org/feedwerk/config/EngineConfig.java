package org.feedwerk.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.nio.file.Path;
import java.util.List;

/**
 * One engine of the translation chain, of one kind: an HTTP service ({@link HttpEngineConfig}: DeepL,
 * LibreTranslate, OpenAI-compatible, Apertium) or the in-process model ({@link OnnxEngineConfig}). Its
 * {@code type} in {@code feedwerk.yml} decides the kind, so each kind carries only the settings it has.
 */
@JsonTypeInfo(
        use = JsonTypeInfo.Id.NAME,
        include = JsonTypeInfo.As.EXISTING_PROPERTY,
        property = "type",
        visible = true)
@JsonSubTypes({
    @JsonSubTypes.Type(
            value = HttpEngineConfig.class,
            names = {"deepl", "libretranslate", "openai", "apertium"}),
    @JsonSubTypes.Type(value = OnnxEngineConfig.class, name = "onnx")
})
public sealed interface EngineConfig permits HttpEngineConfig, OnnxEngineConfig {
    String name();

    EngineType type();

    /** The language pairs the engine is used for (e.g. {@code en-de}); empty: all it offers. */
    List<String> pairs();

    /** Characters sent per UTC day at most; null: no cap. */
    Long dailyCharBudget();

    /** The same engine with relative paths made absolute against {@code base}. */
    default EngineConfig resolvedAgainst(Path base) {
        return this;
    }
}
