package org.feedwerk.postedit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Glossary terms and names that must not be translated stand in the translation wherever the source has them, and
 * so do the tokens no translation changes, web addresses and e-mail addresses, as often as the source has them.
 * Hashtags, handles and template placeholders may change form but not go missing.
 */
final class TermsCheck implements QualityCheck {
    static final String NAME = "terms";
    private static final Pattern VERBATIM =
            Pattern.compile("https?://[^\\s<>\"“”„]+[^\\s<>\"“”„.,;:!?)]|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    /** Handles and hashtags: their word must survive, even where an engine drops or spaces the sign. */
    private static final Pattern TAGGED_WORD = Pattern.compile("(?<![\\w&#@])[#@](\\p{L}\\w++)(?!\\s?#)");
    /**
     * Template placeholders ("#NAME#", "#PRS_ORG#"): engines translate or space them ("#NUMMER#", "#PRS_ORG #"),
     * which is harmless, but a placeholder that is gone took its part of the sentence with it.
     */
    private static final Pattern PLACEHOLDER = Pattern.compile("#\\p{Lu}[\\p{Lu}\\d_]++#");
    /** What is left of a placeholder in a translation: "#NUMMER#", "#PRS_ORG #", "#PRS_ORG deaktivieren#". */
    private static final Pattern PLACEHOLDER_KEPT = Pattern.compile("#\\s?\\p{Lu}[\\p{Lu}\\d_]++(?![\\p{Ll}])");

    @Override
    public CheckResult check(QaInput input) {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> term :
                input.glossary().requiredTranslations().entrySet()) {
            if (input.glossary()
                            .patternFor(term.getKey())
                            .matcher(input.sourceText())
                            .find()
                    && !input.targetText().contains(term.getValue())) {
                missing.add(term.getKey() + " → " + term.getValue());
            }
        }
        Map<String, Integer> verbatim = new TreeMap<>();
        Matcher token = VERBATIM.matcher(input.sourceText());
        while (token.find()) {
            verbatim.merge(token.group(), 1, Integer::sum);
        }
        verbatim.forEach((text, count) -> {
            if (occurrences(input.targetText(), text) < count) {
                missing.add(text);
            }
        });
        String lowerCaseTarget = input.targetText().toLowerCase(Locale.ROOT);
        Matcher tagged = TAGGED_WORD.matcher(input.sourceText());
        while (tagged.find()) {
            if (!lowerCaseTarget.contains(tagged.group(1).toLowerCase(Locale.ROOT))) {
                missing.add(tagged.group());
            }
        }
        long placeholders = PLACEHOLDER.matcher(input.sourceText()).results().count();
        long keptPlaceholders =
                PLACEHOLDER_KEPT.matcher(input.targetText()).results().count();
        if (keptPlaceholders < placeholders) {
            missing.add((placeholders - keptPlaceholders) + " of " + placeholders + " placeholders");
        }
        return missing.isEmpty()
                ? CheckResult.pass(NAME, Severity.BLOCKING)
                : CheckResult.fail(NAME, Severity.BLOCKING, "not in the translation: " + String.join(", ", missing));
    }

    private static int occurrences(String text, String token) {
        int count = 0;
        for (int at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + token.length())) {
            count++;
        }
        return count;
    }
}
