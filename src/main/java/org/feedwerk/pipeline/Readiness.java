package org.feedwerk.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.feedwerk.config.SourceConfig;
import org.feedwerk.translate.EngineChain;
import org.feedwerk.translate.EngineMonitor;
import org.feedwerk.translate.TranslationEngine;

/**
 * Whether the pipeline can do its work: the store reachable, and for every target language an engine that can
 * serve it from the configured sources' languages (not unavailable, not over budget, not failing on its last
 * attempt within ten minutes). Asking has no side effects.
 */
public final class Readiness {
    private final BooleanSupplier storeReachable;
    private final List<SourceConfig> sources;
    private final List<String> targets;
    private final EngineChain chain;
    private final EngineMonitor monitor;

    public Readiness(
            BooleanSupplier storeReachable,
            List<SourceConfig> sources,
            List<String> targets,
            EngineChain chain,
            EngineMonitor monitor) {
        this.storeReachable = storeReachable;
        this.sources = List.copyOf(sources);
        this.targets = List.copyOf(targets);
        this.chain = chain;
        this.monitor = monitor;
    }

    /** What keeps the service from being ready; empty when it is. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!storeReachable.getAsBoolean()) {
            problems.add("store unreachable");
        }
        Set<String> sourceLanguages = new TreeSet<>();
        sources.forEach(source -> sourceLanguages.add(source.language() == null ? "en" : source.language()));
        for (String target : targets) {
            for (String sourceLanguage : sourceLanguages) {
                if (!sourceLanguage.equals(target)) {
                    missingEngine(sourceLanguage, target).ifPresent(problems::add);
                }
            }
        }
        return problems;
    }

    private Optional<String> missingEngine(String source, String target) {
        List<String> reasons = new ArrayList<>();
        for (TranslationEngine engine : chain.enginesFor(source, target)) {
            Optional<String> reason = monitor.whyNotReady(engine);
            if (reason.isEmpty()) {
                return Optional.empty();
            }
            reasons.add(reason.get());
        }
        return Optional.of("no engine available for " + source + "→" + target
                + (reasons.isEmpty() ? " (none configured)" : ": " + String.join("; ", reasons)));
    }
}
