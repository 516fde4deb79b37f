package org.feedwerk.translate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Whether an engine may be used now, shared by all engines: a key the configuration names must be set; a used-up
 * quota makes the engine unavailable until the next UTC day; a configuration error (rejected key, wrong URL) until
 * restart.
 */
final class EngineAvailability {
    private final String engineName;
    private final String keyVariable;
    private final boolean keyMissing;
    private final Clock clock;
    private volatile Instant unavailableUntil = Instant.MIN;
    private volatile String unavailableBecause;

    /** @param keyVariable the environment variable of the key, or null when the engine needs none */
    EngineAvailability(String engineName, String keyVariable, boolean keyMissing, Clock clock) {
        this.engineName = engineName;
        this.keyVariable = keyVariable;
        this.keyMissing = keyMissing;
        this.clock = clock;
    }

    Optional<String> reason() {
        if (keyMissing) {
            return Optional.of(engineName + ": environment variable " + keyVariable + " is not set");
        }
        return clock.instant().isBefore(unavailableUntil) ? Optional.of(unavailableBecause) : Optional.empty();
    }

    /** Fails fast with the reason when the engine may not be used. */
    void require() {
        reason().ifPresent(reason -> {
            throw new TranslationException(TranslationException.Kind.CONFIGURATION, reason);
        });
    }

    /** Takes the engine out of the chain after a quota or configuration failure; other failures change nothing. */
    void record(TranslationException failure) {
        if (failure.kind() == TranslationException.Kind.QUOTA) {
            unavailableUntil = LocalDate.now(clock.withZone(ZoneOffset.UTC))
                    .plusDays(1)
                    .atStartOfDay()
                    .toInstant(ZoneOffset.UTC);
            unavailableBecause = failure.getMessage() + "; unavailable until " + unavailableUntil;
        } else if (failure.kind() == TranslationException.Kind.CONFIGURATION) {
            unavailableUntil = Instant.MAX;
            unavailableBecause = failure.getMessage() + (keyVariable == null ? "" : " (check " + keyVariable + ")")
                    + "; unavailable until restart";
        }
    }
}
