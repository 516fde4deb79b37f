package org.feedwerk.postedit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Glossary terms and names that must not be translated stand in the translation wherever the source has them, and
 * so do the tokens no translation changes, web addresses and e-mail addresses, as often as the source has them.
 */
final class TermsCheck implements QualityCheck {
    static final String NAME = "terms";
    private static final Pattern VERBATIM = Pattern.compile(
            "https?://[^\\s<>\"“”„]+[^\\s<>\"“”„.,;:!?)]|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");

    @Override
    public CheckResult check(QaInput input) {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> term : input.glossary().requiredTranslations().entrySet()) {
            if (input.glossary().patternFor(term.getKey()).matcher(input.sourceText()).find()
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
        return missing.isEmpty() ? CheckResult.pass(NAME, Severity.BLOCKING)
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
