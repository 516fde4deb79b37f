package org.feedwerk.search;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.ca.CatalanAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.gl.GalicianAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/**
 * Each edition's text analyzed in its own language (stop words, stemming): a field is named
 * {@code <name>_<language>} ({@code body_es}), and the analyzer is chosen by that suffix; languages without a
 * Lucene analyzer get the standard one.
 */
final class LanguageAnalyzers extends DelegatingAnalyzerWrapper {
    private final Map<String, Analyzer> byLanguage = new ConcurrentHashMap<>();

    LanguageAnalyzers() {
        super(PER_FIELD_REUSE_STRATEGY);
    }

    static String field(String name, String language) {
        return name + "_" + language;
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
        int underscore = fieldName.lastIndexOf('_');
        String language = underscore < 0 ? "" : fieldName.substring(underscore + 1);
        return byLanguage.computeIfAbsent(language.split("-")[0], LanguageAnalyzers::create);
    }

    private static Analyzer create(String language) {
        return switch (language) {
            case "de" -> new GermanAnalyzer();
            case "en" -> new EnglishAnalyzer();
            case "es" -> new SpanishAnalyzer();
            case "ca" -> new CatalanAnalyzer();
            case "fr" -> new FrenchAnalyzer();
            case "gl" -> new GalicianAnalyzer();
            case "it" -> new ItalianAnalyzer();
            case "nl" -> new DutchAnalyzer();
            case "pt" -> new PortugueseAnalyzer();
            default -> new StandardAnalyzer();
        };
    }

    @Override
    public void close() {
        byLanguage.values().forEach(Analyzer::close);
        super.close();
    }
}
