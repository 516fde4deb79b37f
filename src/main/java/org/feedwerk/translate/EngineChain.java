package org.feedwerk.translate;

import java.util.List;
import java.util.Optional;

/** The configured engines in order; each link may be restricted to some language pairs. */
public final class EngineChain {
    /** An engine and the pairs it is configured for (empty: every pair the engine supports). */
    public record Link(TranslationEngine engine, List<String> pairs) {
        public boolean serves(String sourceLanguage, String targetLanguage) {
            return (pairs.isEmpty() || pairs.contains(sourceLanguage + "-" + targetLanguage))
                    && engine.supports(sourceLanguage, targetLanguage);
        }
    }

    private final List<Link> links;

    public EngineChain(List<Link> links) {
        this.links = List.copyOf(links);
    }

    /** The engines that serve the pair, in chain order. */
    public List<TranslationEngine> enginesFor(String sourceLanguage, String targetLanguage) {
        return links.stream()
                .filter(link -> link.serves(sourceLanguage, targetLanguage))
                .map(Link::engine)
                .toList();
    }

    public Optional<TranslationEngine> findEngine(String name) {
        return links.stream()
                .map(Link::engine)
                .filter(engine -> engine.name().equals(name))
                .findFirst();
    }

    public List<TranslationEngine> engines() {
        return links.stream().map(Link::engine).toList();
    }
}
