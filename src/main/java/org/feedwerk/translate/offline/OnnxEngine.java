package org.feedwerk.translate.offline;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import org.feedwerk.FeedwerkException;
import org.feedwerk.models.ModelLayout;
import org.feedwerk.translate.EngineRequest;
import org.feedwerk.translate.EngineResult;
import org.feedwerk.translate.TranslationEngine;
import org.feedwerk.translate.TranslationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offline engine: an OPUS-MT (Marian) model run in-process with ONNX Runtime. The model is loaded on first
 * use; a missing model is pulled in the background when allowed, and until then the engine is unavailable with
 * one reason that names the command to run, so the chain moves on and nothing is lost.
 *
 * <p>Texts arrive as plain text with inline markup as tokens ({@code ⟦1⟧…⟦/1⟧}), which a Marian model cannot
 * carry; {@link SentencePlan} says how they are put back. Glossary terms are replaced by their required
 * translation before translating (the model copies what it does not know); the terms check afterwards catches the
 * rare case where it does not.
 */
public final class OnnxEngine implements TranslationEngine {
    private static final Logger LOG = LoggerFactory.getLogger(OnnxEngine.class);
    private static final Duration RETRY_AFTER_FAILED_PULL = Duration.ofHours(1);
    private static final Duration RECHECK_MISSING_MODEL = Duration.ofMinutes(1);

    /** How the engine runs: threads (0 = all cores), beams and maxLength (null = the model's own). */
    public record Settings(boolean quantized, int threads, Integer beams, Integer maxLength) {}

    private final String name;
    private final List<String> pairs;
    private final ModelSource source;
    private final Settings settings;
    private final Executor pullExecutor;
    private final Clock clock;
    private final Object state = new Object();
    private final ReentrantLock running = new ReentrantLock();
    private volatile MarianTranslator translator;
    private String problem;
    private Instant retryAt = Instant.MIN;
    private boolean pulling;
    private boolean closed;

    public OnnxEngine(
            String name,
            List<String> pairs,
            ModelSource source,
            Settings settings,
            Executor pullExecutor,
            Clock clock) {
        this.name = name;
        this.pairs = pairs.isEmpty() ? pairFromModelName(source.label()) : List.copyOf(pairs);
        this.source = source;
        this.settings = settings;
        this.pullExecutor = pullExecutor;
        this.clock = clock;
    }

    private static List<String> pairFromModelName(String model) {
        return List.of(ModelLayout.languagePair(model)
                .orElseThrow(() -> new FeedwerkException(
                        "cannot tell the language pair of model " + model + "; set pairs: [xx-yy]")));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean supports(String sourceLanguage, String targetLanguage) {
        return pairs.contains(sourceLanguage + "-" + targetLanguage);
    }

    @Override
    public boolean handlesHtml() {
        return false;
    }

    @Override
    public boolean appliesGlossaries() {
        return true;
    }

    @Override
    public Optional<String> unavailableReason() {
        if (translator != null) {
            return Optional.empty();
        }
        synchronized (state) {
            Optional<Optional<String>> known = knownState();
            if (known.isPresent()) {
                return known.get();
            }
            if (!source.looksInstalled(settings.quantized())) {
                return Optional.of(name + ": model " + source.label() + " is not installed"
                        + (source.canPull()
                                ? " (downloaded on first use; " + source.installHint() + " to do it now)"
                                : "; " + source.installHint()));
            }
            return Optional.empty(); // installed; loaded on first use
        }
    }

    /**
     * What is already decided, under the lock: loaded (an empty reason), shut down, downloading, or a recent
     * problem; empty when the model has still to be looked at.
     */
    private Optional<Optional<String>> knownState() {
        if (translator != null) {
            return Optional.of(Optional.empty());
        }
        if (closed) {
            return Optional.of(Optional.of(name + ": shut down"));
        }
        if (pulling) {
            return Optional.of(downloading());
        }
        if (problem != null && clock.instant().isBefore(retryAt)) {
            return Optional.of(Optional.of(problem));
        }
        return Optional.empty();
    }

    /** Loads the model, or starts its download, and says why the engine cannot be used yet. */
    @Override
    public Optional<String> prepare() {
        if (translator != null) {
            return Optional.empty();
        }
        synchronized (state) {
            Optional<Optional<String>> known = knownState();
            if (known.isPresent()) {
                return known.get();
            }
            Path folder;
            try {
                folder = source.verifiedFolder(settings.quantized());
            } catch (RuntimeException missing) {
                if (source.canPull()) {
                    startPull();
                    return downloading();
                }
                return fail(name + ": " + missing.getMessage() + "; " + source.installHint(), RECHECK_MISSING_MODEL);
            }
            try {
                translator = MarianTranslator.load(
                        folder, settings.quantized(), settings.threads(), settings.beams(), settings.maxLength());
                LOG.info("offline engine {} loaded {} ({} beams)", name, folder, translator.beams());
                problem = null;
                return Optional.empty();
            } catch (RuntimeException broken) {
                return fail(
                        name + ": model " + source.label() + " cannot be loaded: " + broken.getMessage(),
                        RECHECK_MISSING_MODEL);
            }
        }
    }

    private Optional<String> downloading() {
        return Optional.of(
                name + ": downloading model " + source.label() + " (" + source.installHint() + " to do it by hand)");
    }

    private Optional<String> fail(String reason, Duration recheckAfter) {
        problem = reason;
        retryAt = clock.instant().plus(recheckAfter);
        return Optional.of(reason);
    }

    private void startPull() {
        pulling = true;
        LOG.info("offline engine {}: model {} is missing, downloading it", name, source.label());
        pullExecutor.execute(() -> {
            String failure = null;
            try {
                source.pull(settings.quantized());
                LOG.info("offline engine {}: model {} downloaded", name, source.label());
            } catch (RuntimeException e) {
                failure = name + ": model " + source.label() + " is not installed and could not be downloaded ("
                        + e.getMessage() + "); " + source.installHint();
                LOG.warn(failure);
            }
            synchronized (state) {
                pulling = false;
                if (failure != null) {
                    fail(failure, RETRY_AFTER_FAILED_PULL);
                } else {
                    problem = null;
                    retryAt = Instant.MIN;
                }
            }
        });
    }

    @Override
    public EngineResult translate(EngineRequest request) {
        Optional<String> unavailable = prepare();
        if (unavailable.isPresent()) {
            throw new TranslationException(TranslationException.Kind.TRANSIENT, unavailable.get());
        }
        try {
            return translateLoaded(request);
        } catch (TranslationException e) {
            throw e;
        } catch (RuntimeException e) {
            // A failure of the model or of this code must reach the chain as an engine failure with a reason.
            throw new TranslationException(
                    TranslationException.Kind.BAD_OUTPUT,
                    name + ": " + (e instanceof FeedwerkException ? e.getMessage() : e.toString()),
                    e);
        }
    }

    private EngineResult translateLoaded(EngineRequest request) {
        SentenceSplitter splitter = new SentenceSplitter(request.sourceLanguage());
        List<List<Object>> texts = new ArrayList<>();
        List<SentencePlan> plans = new ArrayList<>();
        for (String text : request.texts()) {
            List<Object> parts = new ArrayList<>();
            for (SentenceSplitter.Part part : splitter.split(request.glossary().withRequiredTranslations(text))) {
                if (part.translate()) {
                    SentencePlan plan = new SentencePlan(part.text());
                    plans.add(plan);
                    parts.add(plan);
                } else {
                    parts.add(part.text());
                }
            }
            texts.add(parts);
        }
        Set<String> whole = new LinkedHashSet<>();
        plans.forEach(plan -> plan.collectWhole(whole));
        Map<String, String> translations = run(whole, request.targetLanguage());
        Set<String> runs = new LinkedHashSet<>();
        plans.stream().filter(plan -> !plan.align(translations)).forEach(plan -> plan.collectRuns(runs));
        runs.removeAll(translations.keySet());
        translations.putAll(run(runs, request.targetLanguage()));
        List<String> results = texts.stream()
                .map(parts -> {
                    StringBuilder joined = new StringBuilder();
                    parts.forEach(part -> joined.append(
                            part instanceof SentencePlan plan ? plan.assemble(translations) : (String) part));
                    return joined.toString();
                })
                .toList();
        return new EngineResult(results, request.characters());
    }

    /** Translates the units with the loaded model, one translation at a time. */
    private Map<String, String> run(Set<String> units, String targetLanguage) {
        List<String> sources = new ArrayList<>(units);
        Map<String, String> translations = new HashMap<>();
        if (sources.isEmpty()) {
            return translations;
        }
        List<String> translated;
        running.lock();
        try {
            MarianTranslator loaded = translator;
            if (loaded == null) {
                throw new TranslationException(TranslationException.Kind.TRANSIENT, name + ": shut down");
            }
            translated = loaded.translate(sources, targetLanguage);
        } finally {
            running.unlock();
        }
        for (int index = 0; index < sources.size(); index++) {
            translations.put(sources.get(index), translated.get(index));
        }
        return translations;
    }

    /** What the loaded model has done since it was loaded; nothing before it is. */
    public RuntimeStats runtimeStats() {
        MarianTranslator loaded = translator;
        return loaded == null ? RuntimeStats.NONE : loaded.stats();
    }

    /** Closes the ONNX Runtime sessions, after the translation running now (if any) has finished. */
    @Override
    public void close() {
        running.lock();
        try {
            synchronized (state) {
                closed = true;
                MarianTranslator loaded = translator;
                translator = null;
                if (loaded != null) {
                    loaded.close();
                }
            }
        } finally {
            running.unlock();
        }
    }
}
