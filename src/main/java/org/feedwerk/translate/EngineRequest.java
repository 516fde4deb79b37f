package org.feedwerk.translate;

import java.util.List;

/**
 * Segments to translate in one call, all in the same language pair and format. {@code glossary} is for engines
 * that apply glossaries themselves; for the others its terms are already protected in the texts.
 */
public record EngineRequest(
        String sourceLanguage, String targetLanguage, TextFormat format, List<String> texts, Glossary glossary) {
    public EngineRequest {
        texts = List.copyOf(texts);
        glossary = glossary == null ? Glossary.EMPTY : glossary;
    }

    public EngineRequest(String sourceLanguage, String targetLanguage, TextFormat format, List<String> texts) {
        this(sourceLanguage, targetLanguage, format, texts, Glossary.EMPTY);
    }

    public long characters() {
        return texts.stream()
                .mapToLong(text -> text.codePointCount(0, text.length()))
                .sum();
    }
}
