package org.feedwerk.translate;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.feedwerk.FeedwerkException;
import org.feedwerk.config.EngineConfig;
import org.feedwerk.config.HttpEngineConfig;
import org.feedwerk.config.ModelsConfig;
import org.feedwerk.config.OnnxEngineConfig;
import org.feedwerk.translate.offline.ModelSource;
import org.feedwerk.translate.offline.OnnxEngine;

/** Builds the configured engines; keys come from the environment variable each engine names. */
public final class EngineFactory {
    private final Map<String, String> environment;
    private final Clock clock;
    private final Sleeper sleeper;

    private final Path modelsDir;
    private final ModelsConfig models;
    private final Executor modelDownloads;

    /** Without offline models: an {@code onnx} engine then needs a {@code path}. */
    public EngineFactory(Map<String, String> environment, Clock clock, Sleeper sleeper) {
        this(environment, clock, sleeper, null, new ModelsConfig(null, null, false), Runnable::run);
    }

    /**
     * @param modelsDir where named offline models are installed
     * @param modelDownloads runs a model download that an offline engine starts on first use
     */
    public EngineFactory(
            Map<String, String> environment,
            Clock clock,
            Sleeper sleeper,
            Path modelsDir,
            ModelsConfig models,
            Executor modelDownloads) {
        this.environment = Map.copyOf(environment);
        this.clock = clock;
        this.sleeper = sleeper;
        this.modelsDir = modelsDir;
        this.models = models;
        this.modelDownloads = modelDownloads;
    }

    /** Background threads for model downloads, one at a time, not keeping the process alive. */
    public static Executor backgroundDownloads() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "model-download");
            thread.setDaemon(true);
            return thread;
        });
    }

    public List<EngineChain.Link> build(List<EngineConfig> configs) {
        return configs.stream()
                .map(config -> new EngineChain.Link(create(config), config.pairs()))
                .toList();
    }

    public TranslationEngine create(EngineConfig engine) {
        if (engine instanceof OnnxEngineConfig onnx) {
            return offline(onnx);
        }
        HttpEngineConfig config = (HttpEngineConfig) engine;
        Optional<String> key = config.findApiKeyEnv().map(environment::get);
        EngineHttp http = new EngineHttp(config.name(), config.timeout(), config.maxAttempts(), sleeper);
        return switch (config.type()) {
            case DEEPL ->
                new DeeplEngine(
                        config.name(),
                        config.findUrl(),
                        key,
                        config.findApiKeyEnv().orElse("DEEPL_AUTH_KEY"),
                        http,
                        clock);
            case LIBRETRANSLATE ->
                new LibreTranslateEngine(
                        config.name(),
                        config.findUrl().orElse(URI.create("http://localhost:5000")),
                        key,
                        config.findApiKeyEnv().orElse(null),
                        http,
                        clock);
            case OPENAI ->
                new OpenAiEngine(
                        config.name(),
                        config.findUrl().orElse(OpenAiEngine.DEFAULT_API),
                        config.model(),
                        key,
                        config.findApiKeyEnv().orElse(null),
                        http,
                        clock);
            case APERTIUM ->
                new ApertiumEngine(config.name(), config.findUrl().orElse(ApertiumEngine.DEFAULT_URL), http, clock);
            case ONNX -> throw new IllegalStateException("an onnx engine is an OnnxEngineConfig");
        };
    }

    private TranslationEngine offline(OnnxEngineConfig config) {
        ModelSource source;
        if (config.findPath().isPresent()) {
            source = new ModelSource.Folder(config.path());
        } else if (modelsDir != null) {
            source = new ModelSource.Named(config.model(), modelsDir, models.baseUrl(), models.autoPull(), clock);
        } else {
            throw new FeedwerkException("engine '" + config.name() + "' needs a models folder or a path");
        }
        OnnxEngine.Settings settings = new OnnxEngine.Settings(
                config.quantized(),
                config.threads() == null ? 0 : config.threads(),
                config.beams(),
                config.maxLength());
        return new OnnxEngine(config.name(), config.pairs(), source, settings, modelDownloads, clock);
    }
}
