package org.feedwerk.postedit;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Runs every check on a translation; a blocking failure means the translation must not be published. */
public final class QualityGate {
    private final List<QualityCheck> checks;

    /** @param detector recognizes the language of a text (empty when unsure) */
    public QualityGate(Function<String, Optional<String>> detector) {
        this.checks = List.of(
                new NumbersCheck(),
                new TermsCheck(),
                new UntranslatedCheck(detector),
                new SegmentsCheck(),
                new LengthRatioCheck(),
                new MarkupCheck(),
                new ChatterCheck(),
                new ArtifactsCheck());
    }

    public QaReport check(QaInput input, List<String> postEdits) {
        return new QaReport(checks.stream().map(check -> check.check(input)).toList(), postEdits);
    }
}
