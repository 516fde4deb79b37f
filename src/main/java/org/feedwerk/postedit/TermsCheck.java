package org.feedwerk.postedit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Glossary terms and names that must not be translated stand in the translation wherever the source has them. */
final class TermsCheck implements QualityCheck {
    static final String NAME = "terms";

    @Override
    public CheckResult check(QaInput input) {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> term : input.glossary().requiredTranslations().entrySet()) {
            if (input.glossary().patternFor(term.getKey()).matcher(input.sourceText()).find()
                    && !input.targetText().contains(term.getValue())) {
                missing.add(term.getKey() + " → " + term.getValue());
            }
        }
        return missing.isEmpty() ? CheckResult.pass(NAME, Severity.BLOCKING)
                : CheckResult.fail(NAME, Severity.BLOCKING, "not in the translation: " + String.join(", ", missing));
    }
}
