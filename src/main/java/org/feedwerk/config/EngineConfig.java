package org.feedwerk.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One engine of the translation chain; {@code dailyCharBudget} caps the characters sent per UTC day. The API key is never in the file: {@code apiKeyEnv} names the environment
 * variable that holds it. {@code pairs} (e.g. {@code [en-de]}) restricts the engine to some language pairs.
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
        Long dailyCharBudget) {

    /** Without a daily budget. */
    public EngineConfig(String name, EngineType type, String apiKeyEnv, URI url, String model, Duration timeout,
            Integer maxAttempts, List<String> pairs) {
        this(name, type, apiKeyEnv, url, model, timeout, maxAttempts, pairs, null);
    }

    public EngineConfig {
        timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
        maxAttempts = maxAttempts == null ? 3 : maxAttempts;
        pairs = pairs == null ? List.of() : List.copyOf(pairs);
    }

    public Optional<URI> findUrl() {
        return Optional.ofNullable(url);
    }

    public Optional<String> findApiKeyEnv() {
        return Optional.ofNullable(apiKeyEnv).filter(value -> !value.isBlank());
    }
}
