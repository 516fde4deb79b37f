package org.feedwerk.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One engine of the translation chain; {@code dailyCharBudget} caps the characters sent per UTC day. The API key
 * is never in the file: {@code apiKeyEnv} names the environment variable that holds it. {@code pairs} (e.g.
 * {@code [en-de]}) restricts the engine to some language pairs.
 *
 * <p>The offline engine ({@code type: onnx}) reads a model: {@code model} names one under the models folder
 * ({@code opus-mt-en-de}), or {@code path} points at a folder in the same layout; {@code threads}, {@code beams},
 * {@code maxLength} and {@code quantized} tune it (unset: all cores, the model's generation config, quantized).
 */
public record EngineConfig(
        String name,
        EngineType type,
        String apiKeyEnv,
        URI url,
        String model,
        Duration timeout,
        Integer maxAttempts,
        List<String> pairs,
        Long dailyCharBudget,
        Path path,
        Integer threads,
        Integer beams,
        Integer maxLength,
        Boolean quantized) {

    /** Without a daily budget. */
    public EngineConfig(
            String name,
            EngineType type,
            String apiKeyEnv,
            URI url,
            String model,
            Duration timeout,
            Integer maxAttempts,
            List<String> pairs) {
        this(name, type, apiKeyEnv, url, model, timeout, maxAttempts, pairs, null);
    }

    /** An HTTP engine. */
    public EngineConfig(
            String name,
            EngineType type,
            String apiKeyEnv,
            URI url,
            String model,
            Duration timeout,
            Integer maxAttempts,
            List<String> pairs,
            Long dailyCharBudget) {
        this(
                name,
                type,
                apiKeyEnv,
                url,
                model,
                timeout,
                maxAttempts,
                pairs,
                dailyCharBudget,
                null,
                null,
                null,
                null,
                null);
    }

    public EngineConfig {
        timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
        maxAttempts = maxAttempts == null ? 3 : maxAttempts;
        pairs = pairs == null ? List.of() : List.copyOf(pairs);
        quantized = quantized == null || quantized;
    }

    public Optional<URI> findUrl() {
        return Optional.ofNullable(url);
    }

    public Optional<String> findApiKeyEnv() {
        return Optional.ofNullable(apiKeyEnv).filter(value -> !value.isBlank());
    }

    public Optional<Path> findPath() {
        return Optional.ofNullable(path);
    }

    /** The same engine with a relative {@code path} made absolute against {@code base}. */
    EngineConfig resolvedAgainst(Path base) {
        return path == null
                ? this
                : new EngineConfig(
                        name,
                        type,
                        apiKeyEnv,
                        url,
                        model,
                        timeout,
                        maxAttempts,
                        pairs,
                        dailyCharBudget,
                        base.resolve(path).normalize(),
                        threads,
                        beams,
                        maxLength,
                        quantized);
    }
}
