package org.feedwerk.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.feedwerk.FeedwerkException;
import org.feedwerk.config.ConfigLoader;
import org.feedwerk.config.EngineConfig;
import org.feedwerk.config.FeedwerkConfig;
import org.feedwerk.translate.EngineFactory;
import org.feedwerk.translate.Sleeper;
import org.feedwerk.translate.TranslationEngine;

/** The engine a command names, built from the configuration, or one clear reason why it cannot be used. */
final class ConfiguredEngine {
    private ConfiguredEngine() {}

    /** @throws FeedwerkException naming the missing engine, key or configuration problem */
    static TranslationEngine usable(Path configFile, String engineName, Map<String, String> environment, Clock clock) {
        FeedwerkConfig loaded = new ConfigLoader(environment).load(configFile);
        EngineConfig engineConfig = loaded.translation().engines().stream()
                .filter(candidate -> candidate.name().equals(engineName))
                .findFirst()
                .orElseThrow(() -> new FeedwerkException("no engine named '" + engineName + "' in " + configFile));
        // A command waits for a model download instead of starting it in the background.
        TranslationEngine engine = new EngineFactory(
                        environment,
                        clock,
                        Sleeper.REAL,
                        loaded.models().directory(loaded.dataDir()),
                        loaded.models(),
                        Runnable::run)
                .create(engineConfig);
        // A model the first call pulled is loaded by the second.
        engine.prepare().flatMap(first -> engine.prepare()).ifPresent(reason -> {
            throw new FeedwerkException(reason);
        });
        return engine;
    }
}
