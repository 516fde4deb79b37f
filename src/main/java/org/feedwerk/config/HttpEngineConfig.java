package org.feedwerk.config;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An engine reached over HTTP: DeepL, LibreTranslate, an OpenAI-compatible chat API ({@code model} required) or
 * Apertium's APy. The API key is never in the file: {@code apiKeyEnv} names the environment variable that holds it.
 */
@RecordBuilder
public record HttpEngineConfig(
        String name,
        EngineType type,
        String apiKeyEnv,
        URI url,
        String model,
        Duration timeout,
        Integer maxAttempts,
        List<String> pairs,
        Long dailyCharBudget)
        implements EngineConfig {

    public HttpEngineConfig {
        if (type == EngineType.ONNX) {
            throw new IllegalArgumentException("an onnx engine is an OnnxEngineConfig");
        }
        timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
        maxAttempts = maxAttempts == null ? 3 : maxAttempts;
        pairs = pairs == null ? List.of() : List.copyOf(pairs);
    }

    /** Built by name (the builder is generated): unset values take the defaults above. */
    public static HttpEngineConfigBuilder builder() {
        return HttpEngineConfigBuilder.builder();
    }

    public Optional<URI> findUrl() {
        return Optional.ofNullable(url);
    }

    public Optional<String> findApiKeyEnv() {
        return Optional.ofNullable(apiKeyEnv).filter(value -> !value.isBlank());
    }
}
