package org.feedwerk.postedit;

import java.util.HashSet;
import java.util.Set;
import org.feedwerk.text.Abbreviations;
import org.feedwerk.text.Sentences;

/**
 * No segment dropped (empty, far shorter than its source, fewer sentences than its source, or ending in the middle
 * of a sentence, after a title or an ordinal) and no sentence duplicated (a sentence the translation repeats
 * although the source does not).
 */
final class SegmentsCheck implements QualityCheck {
    static final String NAME = "segments";
    private static final double SHORTEST_RATIO = 0.4;
    private static final int LONG_SOURCE = 60;
    private static final int LONG_SENTENCE = 25;

    @Override
    public CheckResult check(QaInput input) {
        if (input.targetSegments().size() != input.sourceSegments().size()) {
            return CheckResult.fail(NAME, Severity.BLOCKING, input.sourceSegments().size() + " segments in the source, "
                    + input.targetSegments().size() + " in the translation");
        }
        for (int index = 0; index < input.sourceSegments().size(); index++) {
            String source = input.sourceSegments().get(index).strip();
            String target = input.targetSegments().get(index).strip();
            boolean dropped = !source.isEmpty() && target.isEmpty()
                    || source.length() >= LONG_SOURCE && target.length() < source.length() * SHORTEST_RATIO;
            int sourceSentences = sentences(source, input.sourceLanguage());
            int targetSentences = sentences(target, input.targetLanguage());
            if (!dropped && sourceSentences >= 2 && targetSentences < sourceSentences) {
                return CheckResult.fail(NAME, Severity.BLOCKING, "segment " + (index + 1) + " has "
                        + targetSentences + " sentences, the source " + sourceSentences);
            }
            if (!dropped && Abbreviations.endsMidSentence(target) && !Abbreviations.endsMidSentence(source)) {
                return CheckResult.fail(NAME, Severity.BLOCKING, "segment " + (index + 1) + " ends in the middle of a "
                        + "sentence (\"…" + target.substring(Math.max(0, target.length() - 30)) + "\")");
            }
            if (dropped) {
                return CheckResult.fail(NAME, Severity.BLOCKING, "segment " + (index + 1) + " is missing or cut short ("
                        + target.length() + " of " + source.length() + " characters)");
            }
        }
        String repeated = firstRepeatedSentence(input.targetText());
        if (repeated != null && firstRepeatedSentence(input.sourceText()) == null) {
            return CheckResult.fail(NAME, Severity.BLOCKING, "sentence repeated: \"" + repeated + "\"");
        }
        return CheckResult.pass(NAME, Severity.BLOCKING);
    }

    static int sentences(String text, String language) {
        return Sentences.count(text, language);
    }

    private static String firstRepeatedSentence(String text) {
        Set<String> seen = new HashSet<>();
        for (String sentence : text.split("(?<=[.!?])\\s+|\\n")) { // exact repeats: no need to know abbreviations
            String normalized = sentence.strip();
            if (normalized.length() >= LONG_SENTENCE && !seen.add(normalized)) {
                return normalized;
            }
        }
        return null;
    }
}
