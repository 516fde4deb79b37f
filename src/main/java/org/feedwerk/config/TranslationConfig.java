package org.feedwerk.config;

import java.time.Duration;
import java.util.List;

/**
 * Target languages, the engine chain (tried in order for each pair they support), how many articles are
 * translated at once, and the languages the detector may recognize when a feed's language is missing or wrong.
 */
public record TranslationConfig(
        List<String> targets,
        List<EngineConfig> engines,
        Integer workers,
        Duration maxHoldBackoff,
        List<String> detectLanguages) {

    public TranslationConfig {
        targets = targets == null ? List.of("de") : List.copyOf(targets);
        engines = engines == null ? List.of() : List.copyOf(engines);
        workers = workers == null ? 2 : workers;
        maxHoldBackoff = maxHoldBackoff == null ? Duration.ofHours(1) : maxHoldBackoff;
        detectLanguages = detectLanguages == null ? List.of("en", "de", "fr", "es", "it", "nl", "pt")
                : List.copyOf(detectLanguages);
    }

    static TranslationConfig defaults() {
        return new TranslationConfig(null, null, null, null, null);
    }
}
