package org.feedwerk.translate;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.feedwerk.config.EngineConfig;

/** Builds the configured engines; keys come from the environment variable each engine names. */
public final class EngineFactory {
    private final Map<String, String> environment;
    private final Clock clock;
    private final Sleeper sleeper;

    public EngineFactory(Map<String, String> environment, Clock clock, Sleeper sleeper) {
        this.environment = Map.copyOf(environment);
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public List<EngineChain.Link> build(List<EngineConfig> configs) {
        return configs.stream().map(config -> new EngineChain.Link(create(config), config.pairs())).toList();
    }

    public TranslationEngine create(EngineConfig config) {
        Optional<String> key = config.findApiKeyEnv().map(environment::get);
        EngineHttp http = new EngineHttp(config.name(), config.timeout(), config.maxAttempts(), sleeper);
        return switch (config.type()) {
            case DEEPL -> new DeeplEngine(config.name(), config.findUrl(), key,
                    config.findApiKeyEnv().orElse("DEEPL_AUTH_KEY"), http, clock);
            case LIBRETRANSLATE -> new LibreTranslateEngine(config.name(),
                    config.findUrl().orElse(URI.create("http://localhost:5000")), key,
                    config.findApiKeyEnv().orElse(null), http, clock);
            case OPENAI -> new OpenAiEngine(config.name(), config.findUrl().orElse(OpenAiEngine.DEFAULT_API),
                    config.model(), key, config.findApiKeyEnv().orElse(null), http, clock);
        };
    }
}
