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
    private static final Map<String, double[]> BOUNDS = Map.of("en-de", new double[] {0.75, 1.75});
    private static final double[] DEFAULT_BOUNDS = {0.5, 2.5};

    @Override
    public CheckResult check(QaInput input) {
        int sourceLength = input.sourceText().length();
        if (sourceLength < SHORTEST) {
            return CheckResult.pass(NAME, Severity.BLOCKING);
        }
        double ratio = (double) input.targetText().length() / sourceLength;
        double[] bounds = BOUNDS.getOrDefault(input.sourceLanguage() + "-" + input.targetLanguage(), DEFAULT_BOUNDS);
        if (ratio < bounds[0] || ratio > bounds[1]) {
            return CheckResult.fail(NAME, Severity.BLOCKING, String.format(Locale.ROOT,
                    "translation is %.2f times as long as the source (expected %.2f–%.2f)", ratio, bounds[0], bounds[1]));
        }
        return CheckResult.pass(NAME, Severity.BLOCKING);
    }
}
