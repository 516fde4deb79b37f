package org.feedwerk.postedit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.feedwerk.text.Abbreviations;
import org.feedwerk.text.Sentences;

/**
 * No segment dropped (empty, far shorter than its source, fewer sentences than its source, or ending in the middle
 * of a sentence, after a title or an ordinal) and no sentence duplicated (a sentence the translation repeats
 * although the source does not).
 */
final class SegmentsCheck implements QualityCheck {
    static final String NAME = "segments";
    static final double SHORTEST_RATIO = 0.4;
    private static final int LONG_SOURCE = 20;
    /**
     * From this length on a segment's own length is judged by the language pair's bound
     * ({@link LengthRatioCheck.PairBounds#shortestLongSegment}): long sentences vary
     * least, and a translation that split one long sentence in two and lost the second half is shorter than any
     * whole one. English → German on WMT22 (2,037 lines, five systems and the human reference): every segment of
     * ≥ 100 characters under 0.78 of its source that the rest of the gate accepted had lost a clause, and so were
     * 7 of the 11 injected cuts that keep the source's sentence count.
     */
    private static final int LONG_SEGMENT = 100;

    private static final Pattern TRAILING_ELLIPSIS = Pattern.compile("(?:\\.{3}|…)[\"”“’')\\]]*\\s*$");
    private static final int LONG_SENTENCE = 25;
    private static final int SHORT_SENTENCE = 8;
    /**
     * "…maybe they are on 8." — a source ending with a preposition and a bare number lets the translation end with
     * an ordinal ("am 8."); "on December 7." or "until you turn 60." does not.
     */
    private static final Pattern ENDS_WITH_NUMBER =
            Pattern.compile("(?i)\\b(?:on|at|in|to|from|by|of|number|no\\.?)\\s+\\d+[.!?]?[\"”’')]*\\s*$");

    @Override
    public CheckResult check(QaInput input) {
        if (input.targetSegments().size() != input.sourceSegments().size()) {
            return CheckResult.fail(
                    NAME,
                    Severity.BLOCKING,
                    input.sourceSegments().size() + " segments in the source, "
                            + input.targetSegments().size() + " in the translation");
        }
        for (int index = 0; index < input.sourceSegments().size(); index++) {
            String source = input.sourceSegments().get(index).strip();
            String target = input.targetSegments().get(index).strip();
            double shortest = source.length() < LONG_SEGMENT
                    ? SHORTEST_RATIO * LengthRatioCheck.expectedRatio(input.sourceLanguage(), input.targetLanguage())
                    : LengthRatioCheck.boundsFor(input.sourceLanguage(), input.targetLanguage())
                            .shortestLongSegment();
            boolean dropped = !source.isEmpty() && target.isEmpty()
                    || source.length() >= LONG_SOURCE && target.length() < source.length() * shortest;
            int sourceSentences = sentences(source, input.sourceLanguage());
            int targetSentences = sentences(target, input.targetLanguage());
            if (!dropped && sourceSentences >= 2 && targetSentences < sourceSentences) {
                return CheckResult.fail(
                        NAME,
                        Severity.BLOCKING,
                        "segment " + (index + 1) + " has " + targetSentences + " sentences, the source "
                                + sourceSentences);
            }
            if (!dropped
                    && Abbreviations.endsMidSentence(target)
                    && !Abbreviations.endsMidSentence(source)
                    && !ENDS_WITH_NUMBER.matcher(source).find()) {
                return CheckResult.fail(
                        NAME,
                        Severity.BLOCKING,
                        "segment " + (index + 1) + " ends in the middle of a " + "sentence (\"…"
                                + target.substring(Math.max(0, target.length() - 30)) + "\")");
            }
            if (!dropped
                    && TRAILING_ELLIPSIS.matcher(target).find()
                    && !TRAILING_ELLIPSIS.matcher(source).find()) {
                return CheckResult.fail(
                        NAME,
                        Severity.BLOCKING,
                        "segment " + (index + 1) + " trails off with an "
                                + "ellipsis the source does not have (\"…"
                                + target.substring(Math.max(0, target.length() - 30))
                                + "\")");
            }
            if (dropped) {
                return CheckResult.fail(
                        NAME,
                        Severity.BLOCKING,
                        "segment " + (index + 1) + " is missing or cut short (" + target.length() + " of "
                                + source.length() + " characters)");
            }
        }
        // A segment the source itself repeats (a chat's closing formula) may be repeated in the translation.
        Set<String> seenSources = new HashSet<>();
        StringBuilder targetText = new StringBuilder();
        StringBuilder sourceText = new StringBuilder();
        for (int index = 0; index < input.sourceSegments().size(); index++) {
            if (seenSources.add(comparable(input.sourceSegments().get(index)))) {
                sourceText.append(input.sourceSegments().get(index)).append('\n');
                targetText.append(input.targetSegments().get(index)).append('\n');
            }
        }
        List<String> repeated = repeatedSentences(targetText.toString(), LONG_SENTENCE);
        if (repeated.size()
                > repeatedSentences(sourceText.toString(), SHORT_SENTENCE).size()) {
            return CheckResult.fail(NAME, Severity.BLOCKING, "sentence repeated: \"" + repeated.get(0) + "\"");
        }
        return CheckResult.pass(NAME, Severity.BLOCKING);
    }

    static int sentences(String text, String language) {
        return Sentences.count(text, language);
    }

    /** Without list numbering in front ("1.-Go to …"), case and spacing, for finding repeats. */
    private static String comparable(String sentence) {
        return LIST_NUMBER
                .matcher(sentence.strip())
                .replaceFirst("")
                .toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ");
    }

    private static final Pattern LIST_NUMBER = Pattern.compile("^[\\d\\W_]+(?=\\p{L})");

    /** Sentences of at least {@code minLength} characters that occur again; the source's own repeats excuse as many. */
    private static List<String> repeatedSentences(String text, int minLength) {
        Set<String> seen = new HashSet<>();
        List<String> repeated = new ArrayList<>();
        for (String sentence : text.split("(?<=[.!?])\\s+|\\n")) { // exact repeats: no need to know abbreviations
            String normalized = comparable(sentence);
            if (normalized.length() >= minLength && !seen.add(normalized)) {
                repeated.add(normalized);
            }
        }
        return repeated;
    }
}
