package org.feedwerk.translate;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.feedwerk.config.ConfigException;

/**
 * Lingua over a few configured languages, in low-accuracy mode (trigram models only: tens of MB instead of
 * hundreds, and accurate enough on whole articles). Built on first use.
 */
public final class LinguaLanguageDetector implements LanguageDetector {
    private static final double MIN_CONFIDENCE = 0.9;

    private final IsoCode639_1[] codes;
    private volatile com.github.pemistahl.lingua.api.LanguageDetector detector;

    /** Checks the languages at once, so that a typo stops start-up instead of every later translation. */
    public LinguaLanguageDetector(List<String> languages) {
        if (languages.size() < 2) {
            throw new ConfigException("translation.detectLanguages needs at least two languages");
        }
        this.codes = languages.stream().map(LinguaLanguageDetector::code).toArray(IsoCode639_1[]::new);
    }

    private static IsoCode639_1 code(String language) {
        try {
            IsoCode639_1 code = IsoCode639_1.valueOf(language.toUpperCase(Locale.ROOT));
            if (Language.getByIsoCode639_1(code) == Language.UNKNOWN) {
                throw new IllegalArgumentException(language);
            }
            return code;
        } catch (IllegalArgumentException e) {
            throw new ConfigException("translation.detectLanguages: '" + language
                    + "' is not a language the detector knows (ISO 639-1 codes such as en, de, fr)");
        }
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
                    detector = LanguageDetectorBuilder.Companion.fromIsoCodes639_1(codes)
                            .withLowAccuracyMode()
                            .build();
                }
            }
        }
        return detector;
    }
}
