package org.feedwerk.postedit;

import java.util.function.Function;
import java.util.Optional;

/** No segment is left in the source language: identical to the source, or recognized as its language. */
final class UntranslatedCheck implements QualityCheck {
    static final String NAME = "untranslated";
    private static final int MIN_LETTERS = 30;

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
            String source = index < input.sourceSegments().size() ? input.sourceSegments().get(index) : "";
            boolean identical = target.strip().equals(source.strip());
            if (identical || detector.apply(target).filter(input.sourceLanguage()::equals).isPresent()) {
                return CheckResult.fail(NAME, Severity.BLOCKING, "segment " + (index + 1) + " is still in "
                        + input.sourceLanguage() + ": \"" + target.substring(0, Math.min(60, target.length())) + "\"");
            }
        }
        return CheckResult.pass(NAME, Severity.BLOCKING);
    }
}
