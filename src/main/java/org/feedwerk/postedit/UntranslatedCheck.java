package org.feedwerk.postedit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * No segment is left in the source language: identical to the source, or recognized as its language and made of
 * the source's words and none of the target language's own function words (a German sentence full of loanwords
 * that the detector takes for English has "der", "ist", "für"). A list of names ("Angela Merkel, Olaf Scholz,
 * Emmanuel Macron") is the same in every language and passes unless the detector takes it for the source language.
 */
final class UntranslatedCheck implements QualityCheck {
    static final String NAME = "untranslated";
    private static final int MIN_LETTERS = 30;
    private static final double SHARED_WORDS = 0.5;
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final Map<String, Set<String>> OWN_FUNCTION_WORDS = Map.of(
            "de",
            Set.of(
                    "der", "das", "den", "dem", "des", "und", "oder", "ein", "eine", "einen", "einem", "einer", "ist",
                    "sind", "wird", "werden", "wurde", "mit", "von", "zu", "im", "auf", "für", "nicht", "sich", "er",
                    "wir", "dass", "auch", "aber", "nach", "aus", "über", "unter", "wie", "als", "ich", "sie", "ihr",
                    "ihre", "ihren", "uns"));

    private final Function<String, Optional<String>> detector;

    UntranslatedCheck(Function<String, Optional<String>> detector) {
        this.detector = detector;
    }

    @Override
    public CheckResult check(QaInput input) {
        if (input.sourceLanguage().equals(input.targetLanguage())) {
            return CheckResult.pass(NAME, Severity.BLOCKING);
        }
        for (int index = 0; index < input.targetSegments().size(); index++) {
            String target = input.targetSegments().get(index);
            if (target.codePoints().filter(Character::isLetter).count() < MIN_LETTERS) {
                continue;
            }
            String source = index < input.sourceSegments().size()
                    ? input.sourceSegments().get(index)
                    : "";
            boolean inSourceLanguage = detector.apply(target)
                    .filter(input.sourceLanguage()::equals)
                    .isPresent();
            boolean identical = target.strip().equals(source.strip()) && (inSourceLanguage || !isNamesOnly(target));
            boolean detected = inSourceLanguage
                    && !hasOwnFunctionWords(target, input.targetLanguage())
                    && sharedWords(source, target) >= SHARED_WORDS;
            if (identical || detected) {
                return CheckResult.fail(
                        NAME,
                        Severity.BLOCKING,
                        "segment " + (index + 1) + " is still in " + input.sourceLanguage() + ": \""
                                + target.substring(0, Math.min(60, target.length())) + "\"");
            }
        }
        return CheckResult.pass(NAME, Severity.BLOCKING);
    }

    /**
     * Every word capitalised, as in a product line or a list of names ("Oriflame Optimals Hydra Radiance Day
     * Cream"): the same in every language. A headline has lower-case words ("to", "in", "after").
     */
    private static boolean isNamesOnly(String text) {
        Matcher word = WORD.matcher(text);
        boolean any = false;
        while (word.find()) {
            if (Character.isLowerCase(word.group().charAt(0))) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /**
     * Words only the target language uses ("der", "ist", "für" in German): a segment that has one is at least
     * partly translated, however many English loanwords ("Scaler", "Switcher") made the detector doubt it.
     */
    private static boolean hasOwnFunctionWords(String text, String language) {
        Set<String> own = OWN_FUNCTION_WORDS.get(language);
        return own != null && words(text).stream().anyMatch(own::contains);
    }

    /**
     * The share of the translation's words that are also in the source: a segment left in the source language
     * shares most; a correct translation the detector misreads (a German sentence full of loanwords) shares few.
     */
    private static double sharedWords(String source, String target) {
        Set<String> sourceWords = new HashSet<>(words(source));
        List<String> targetWords = words(target);
        long shared = targetWords.stream().filter(sourceWords::contains).count();
        return targetWords.isEmpty() ? 0 : (double) shared / targetWords.size();
    }

    /** The words of a text, lower case, in order. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (word.find()) {
            words.add(word.group());
        }
        return words;
    }
}
