package org.feedwerk.translate;

import java.util.List;

/** Segments to translate in one call, all in the same language pair and format. */
public record EngineRequest(String sourceLanguage, String targetLanguage, TextFormat format, List<String> texts) {
    public EngineRequest {
        texts = List.copyOf(texts);
    }

    public long characters() {
        return texts.stream().mapToLong(text -> text.codePointCount(0, text.length())).sum();
    }
}
