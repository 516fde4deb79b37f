package org.feedwerk.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The offline engine ({@code type: onnx}): an OPUS-MT model run in process. {@code model} names one under the
 * models folder ({@code opus-mt-en-de}), or {@code path} points at a folder in the same layout; {@code threads},
 * {@code beams}, {@code maxLength} and {@code quantized} tune it (unset: all cores, the model's generation config,
 * quantized).
 */
@JsonIgnoreProperties(value = "type", allowGetters = true)
public record OnnxEngineConfig(
        String name,
        String model,
        Path path,
        List<String> pairs,
        Long dailyCharBudget,
        Integer threads,
        Integer beams,
        Integer maxLength,
        Boolean quantized)
        implements EngineConfig {

    public OnnxEngineConfig {
        pairs = pairs == null ? List.of() : List.copyOf(pairs);
        quantized = quantized == null || quantized;
    }

    @Override
    @JsonProperty("type")
    public EngineType type() {
        return EngineType.ONNX;
    }

    public Optional<Path> findPath() {
        return Optional.ofNullable(path);
    }

    @Override
    public OnnxEngineConfig resolvedAgainst(Path base) {
        return path == null
                ? this
                : new OnnxEngineConfig(
                        name,
                        model,
                        base.resolve(path).normalize(),
                        pairs,
                        dailyCharBudget,
                        threads,
                        beams,
                        maxLength,
                        quantized);
    }
}
