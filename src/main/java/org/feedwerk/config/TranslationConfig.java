package org.feedwerk.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Target languages, the engine chain (tried in order for each pair they support), how many articles are
 * translated at once, the languages the detector may recognize when a feed's language is missing or wrong,
 * glossaries by language pair ({@code en-de: {sovereign wealth fund: Staatsfonds}}) and names never to translate.
 */
public record TranslationConfig(
        List<String> targets,
        List<EngineConfig> engines,
        Integer workers,
        Duration maxHoldBackoff,
        List<String> detectLanguages,
        Map<String, Map<String, String>> glossary,
        List<String> doNotTranslate) {

    public TranslationConfig {
        targets = targets == null ? List.of("de") : List.copyOf(targets);
        engines = engines == null ? List.of() : List.copyOf(engines);
        workers = workers == null ? 2 : workers;
        maxHoldBackoff = maxHoldBackoff == null ? Duration.ofHours(1) : maxHoldBackoff;
        detectLanguages = detectLanguages == null
                ? List.of("en", "de", "fr", "es", "it", "nl", "pt")
                : List.copyOf(detectLanguages);
        glossary = glossary == null ? Map.of() : Map.copyOf(glossary);
        doNotTranslate = doNotTranslate == null ? List.of() : List.copyOf(doNotTranslate);
    }

    /** Without glossary settings. */
    public TranslationConfig(
            List<String> targets,
            List<EngineConfig> engines,
            Integer workers,
            Duration maxHoldBackoff,
            List<String> detectLanguages) {
        this(targets, engines, workers, maxHoldBackoff, detectLanguages, null, null);
    }

    /** The same settings with relative engine paths made absolute against {@code base}. */
    TranslationConfig resolvedAgainst(Path base) {
        return new TranslationConfig(
                targets,
                engines.stream().map(engine -> engine.resolvedAgainst(base)).toList(),
                workers,
                maxHoldBackoff,
                detectLanguages,
                glossary,
                doNotTranslate);
    }

    static TranslationConfig defaults() {
        return new TranslationConfig(null, null, null, null, null, null, null);
    }
}
