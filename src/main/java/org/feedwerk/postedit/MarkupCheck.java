package org.feedwerk.postedit;

import org.feedwerk.html.BodyStructure;
import org.feedwerk.html.MarkupSignature;

/** The same block structure, inline tags and link targets as the source body. */
final class MarkupCheck implements QualityCheck {
    static final String NAME = "markup";

    @Override
    public CheckResult check(QaInput input) {
        if (input.sourceHtml() == null || input.targetHtml() == null) {
            return CheckResult.pass(NAME, Severity.BLOCKING);
        }
        if (!BodyStructure.of(input.sourceHtml()).equals(BodyStructure.of(input.targetHtml()))) {
            return CheckResult.fail(NAME, Severity.BLOCKING, "block structure differs from the source");
        }
        MarkupSignature source = MarkupSignature.of(input.sourceHtml());
        MarkupSignature target = MarkupSignature.of(input.targetHtml());
        return source.equals(target)
                ? CheckResult.pass(NAME, Severity.BLOCKING)
                : CheckResult.fail(NAME, Severity.BLOCKING, "links or tags differ: " + source.differenceTo(target));
    }
}
