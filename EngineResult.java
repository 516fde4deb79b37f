package org.feedwerk.translate;

import java.util.List;

/** The translations, in request order, and what the engine billed for them (characters, or tokens for LLMs). */
public record EngineResult(List<String> texts, long billedCharacters) {
    public EngineResult {
        texts = List.copyOf(texts);
    }
}
