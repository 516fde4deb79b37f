package org.feedwerk.translate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Watches the engines for the translator and the console: a daily character budget per engine (the chain skips an
 * engine whose budget is spent until midnight UTC), and each engine's errors since start.
 */
public final class EngineMonitor {
    /** Errors of one engine since start, with the last one. */
    public record Errors(int count, String lastError, Instant lastErrorAt) {}

    /** An engine whose last attempt within this window failed counts as failing. */
    private static final Duration FAILING_WINDOW = Duration.ofMinutes(10);

    private final Map<String, Long> budgets;
    private final TranslationStore store;
    private final Clock clock;
    private final BiConsumer<String, TranslationException> onError;
    private final Map<String, Errors> errors = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastSuccess = new ConcurrentHashMap<>();

    public EngineMonitor(
            Map<String, Long> budgets,
            TranslationStore store,
            Clock clock,
            BiConsumer<String, TranslationException> onError) {
        this.budgets = Map.copyOf(budgets);
        this.store = store;
        this.clock = clock;
        this.onError = onError;
    }

    public static EngineMonitor withoutBudgets(TranslationStore store, Clock clock) {
        return new EngineMonitor(Map.of(), store, clock, (engine, error) -> {});
    }

    /**
     * The one answer to "may this engine be used now": why not (no key, unreachable by configuration, model
     * missing, budget spent), or empty. The chain, readiness and the console all ask here.
     */
    public Optional<String> whyUnusable(TranslationEngine engine) {
        return engine.unavailableReason().or(() -> refusal(engine.name()));
    }

    /** As {@link #whyUnusable}, after letting the engine get ready (load a model, start a download): for the chain. */
    public Optional<String> prepare(TranslationEngine engine) {
        return engine.prepare().or(() -> refusal(engine.name()));
    }

    /** As {@link #whyUnusable}, and also down when its last attempt within ten minutes failed: for readiness. */
    public Optional<String> whyNotReady(TranslationEngine engine) {
        return whyUnusable(engine).or(() -> failing(engine.name()));
    }

    /** Why the chain must skip the engine now (its budget is spent), or empty. */
    public Optional<String> refusal(String engine) {
        Long budget = budgets.get(engine);
        if (budget == null) {
            return Optional.empty();
        }
        long used = usedToday(engine);
        return used >= budget
                ? Optional.of(engine + ": daily character budget of " + budget + " is spent (" + used
                        + " today); skipped until midnight UTC")
                : Optional.empty();
    }

    public long usedToday(String engine) {
        return store.charsSentSince(engine, startOfToday());
    }

    public Optional<Long> budget(String engine) {
        return Optional.ofNullable(budgets.get(engine));
    }

    public void failed(String engine, TranslationException error) {
        errors.merge(
                engine,
                new Errors(1, error.getMessage(), clock.instant()),
                (old, fresh) -> new Errors(old.count() + 1, fresh.lastError(), fresh.lastErrorAt()));
        onError.accept(engine, error);
    }

    public void succeeded(String engine) {
        lastSuccess.put(engine, clock.instant());
    }

    /** Why the engine looks down: its last attempt, within the last 10 minutes, failed. Empty when unknown or fine. */
    public Optional<String> failing(String engine) {
        Errors recent = errors(engine);
        if (recent.lastErrorAt() == null
                || recent.lastErrorAt().isBefore(clock.instant().minus(FAILING_WINDOW))) {
            return Optional.empty();
        }
        Instant success = lastSuccess.get(engine);
        return success != null && success.isAfter(recent.lastErrorAt())
                ? Optional.empty()
                : Optional.of(recent.lastError());
    }

    public Errors errors(String engine) {
        return errors.getOrDefault(engine, new Errors(0, null, null));
    }

    private Instant startOfToday() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC)).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
