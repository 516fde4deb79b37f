package org.feedwerk.translate;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Lingua over a few configured languages, in low-accuracy mode (trigram models only: tens of MB instead of
 * hundreds, and accurate enough on whole articles). Built on first use.
 */
public final class LinguaLanguageDetector implements LanguageDetector {
    private static final double MIN_CONFIDENCE = 0.9;

    private final List<String> languages;
    private volatile com.github.pemistahl.lingua.api.LanguageDetector detector;

    public LinguaLanguageDetector(List<String> languages) {
        this.languages = List.copyOf(languages);
    }

    @Override
    public Optional<String> detect(String text) {
        if (text == null || text.codePoints().filter(Character::isLetter).count() < 20) {
            return Optional.empty();
        }
        SortedMap<Language, Double> confidences = detector().computeLanguageConfidenceValues(text);
        return confidences.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .filter(best -> best.getValue() >= MIN_CONFIDENCE && best.getKey() != Language.UNKNOWN)
                .map(best -> best.getKey().getIsoCode639_1().toString().toLowerCase(Locale.ROOT));
    }

    private com.github.pemistahl.lingua.api.LanguageDetector detector() {
        if (detector == null) {
            synchronized (this) {
                if (detector == null) {
                    IsoCode639_1[] codes = languages.stream()
                            .map(code -> IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT)))
                            .toArray(IsoCode639_1[]::new);
                    detector = LanguageDetectorBuilder.Companion.fromIsoCodes639_1(codes).withLowAccuracyMode().build();
                }
            }
        }
        return detector;
    }
}
