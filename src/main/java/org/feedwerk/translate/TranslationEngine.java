package org.feedwerk.translate;

import java.util.Optional;

/**
 * One machine-translation service behind a common interface. Adding an engine (Google, Azure, a local model)
 * means one new class. Implementations are thread-safe.
 */
public interface TranslationEngine extends AutoCloseable {
    /** The configured name, shown on pages and in the API. */
    String name();

    boolean supports(String sourceLanguage, String targetLanguage);

    /** True when the engine keeps inline HTML itself; otherwise markup travels as placeholders. */
    boolean handlesHtml();

    /** True when the engine applies a request's glossary itself (DeepL glossaries); otherwise terms are protected. */
    default boolean appliesGlossaries() {
        return false;
    }

    /**
     * Why the engine cannot be used right now (quota used up, key missing, model not installed), or empty when it
     * can. Only reports: asking has no side effects (readiness and the console ask often).
     */
    Optional<String> unavailableReason();

    /**
     * Makes the engine ready if it can (loads its model, starts a download) and then says why it cannot be used, as
     * {@link #unavailableReason()}. The translator calls this before it uses an engine.
     */
    default Optional<String> prepare() {
        return unavailableReason();
    }

    /**
     * Translates all texts of the request; the result has one text per request text, in order.
     *
     * @throws TranslationException when the engine fails after its own retries
     */
    EngineResult translate(EngineRequest request);

    /** Releases what the engine holds (an offline engine's model sessions); HTTP engines hold nothing. */
    @Override
    default void close() {}
}
