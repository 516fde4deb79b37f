package org.feedwerk.translate;

import java.util.List;
import java.util.Map;

/** The configured glossaries by language pair ({@code en-de}), with the names that are never translated. */
public final class GlossaryBook {
    public static final GlossaryBook EMPTY = new GlossaryBook(Map.of(), List.of());

    private final Map<String, Map<String, String>> terms;
    private final List<String> doNotTranslate;

    public GlossaryBook(Map<String, Map<String, String>> terms, List<String> doNotTranslate) {
        this.terms = Map.copyOf(terms);
        this.doNotTranslate = List.copyOf(doNotTranslate);
    }

    public Glossary forPair(String sourceLanguage, String targetLanguage) {
        return new Glossary(terms.getOrDefault(sourceLanguage + "-" + targetLanguage, Map.of()), doNotTranslate);
    }
}
