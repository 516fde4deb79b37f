package org.feedwerk.postedit;

import java.util.Locale;
import java.util.Map;

/**
 * The translation's length is within the bounds learnt for the language pair. For English → German the bounds
 * come from the WMT22 test set: across the 1,361 source lines of at least 60 characters, the human reference is
 * 1.17 times as long on average, between 0.80 and 1.62 for 99 % of the lines; the bounds below widen that
 * slightly. Texts shorter than 60 characters are not judged.
 */
final class LengthRatioCheck implements QualityCheck {
    static final String NAME = "length-ratio";
    private static final int SHORTEST = 60;
    /**
     * What a language pair's translations measure against their source: the whole text's shortest and longest
     * ratio, and the shortest ratio of one long segment ({@link SegmentsCheck}; its general cut-off where
     * the pair has not been measured).
     */
    record PairBounds(double shortest, double longest, double shortestLongSegment) {}

    private static final Map<String, PairBounds> BOUNDS = Map.of("en-de", new PairBounds(0.75, 1.75, 0.78));
    private static final PairBounds DEFAULT_BOUNDS = new PairBounds(0.5, 2.5, SegmentsCheck.SHORTEST_RATIO);
    /**
     * Characters a language needs for what English says in one, where that is far from one: Chinese writes a word
     * in one or two characters, Japanese mixes those with kana, Korean writes syllable blocks (translations of
     * news text into them are about 0.3, 0.4 and 0.5 times as long as the English). Without this, every correct
     * translation into them was held as "cut short".
     */
    private static final Map<String, Double> CHARACTERS_PER_ENGLISH_CHARACTER =
            Map.of("zh", 0.32, "ja", 0.42, "ko", 0.5);

    static PairBounds boundsFor(String sourceLanguage, String targetLanguage) {
        PairBounds measured = BOUNDS.get(sourceLanguage + "-" + targetLanguage);
        if (measured != null) {
            return measured;
        }
        double expected = expectedRatio(sourceLanguage, targetLanguage);
        return new PairBounds(
                DEFAULT_BOUNDS.shortest() * expected,
                DEFAULT_BOUNDS.longest() * expected,
                DEFAULT_BOUNDS.shortestLongSegment() * expected);
    }

    /** How long a translation is expected to be against its source, by the writing of the two languages. */
    static double expectedRatio(String sourceLanguage, String targetLanguage) {
        return density(targetLanguage) / density(sourceLanguage);
    }

    private static double density(String language) {
        String primary =
                language == null ? "" : language.toLowerCase(Locale.ROOT).split("[-_]")[0];
        return CHARACTERS_PER_ENGLISH_CHARACTER.getOrDefault(primary, 1.0);
    }

    @Override
    public CheckResult check(QaInput input) {
        int sourceLength = input.sourceText().length();
        if (sourceLength < SHORTEST) {
            return CheckResult.pass(NAME, Severity.BLOCKING);
        }
        double ratio = (double) input.targetText().length() / sourceLength;
        PairBounds bounds = boundsFor(input.sourceLanguage(), input.targetLanguage());
        if (ratio < bounds.shortest() || ratio > bounds.longest()) {
            return CheckResult.fail(
                    NAME,
                    Severity.BLOCKING,
                    String.format(
                            Locale.ROOT,
                            "translation is %.2f times as long as the source (expected %.2f–%.2f)",
                            ratio,
                            bounds.shortest(),
                            bounds.longest()));
        }
        return CheckResult.pass(NAME, Severity.BLOCKING);
    }
}
