package org.feedwerk.postedit;

import java.util.List;

/** Every check's result for one translation, and the post-edit rules that were applied to it. */
public record QaReport(List<CheckResult> checks, List<String> postEdits) {
    public QaReport {
        checks = List.copyOf(checks);
        postEdits = postEdits == null ? List.of() : List.copyOf(postEdits);
    }

    public boolean isBlocking() {
        return checks.stream().anyMatch(check -> !check.passed() && check.severity() == Severity.BLOCKING);
    }

    public List<String> failedChecks() {
        return checks.stream()
                .filter(check -> !check.passed())
                .map(CheckResult::check)
                .toList();
    }

    /** "numbers: missing 150; untranslated: segment 2 is still English" — for reasons and logs. */
    public String summary() {
        return String.join(
                "; ",
                checks.stream()
                        .filter(check -> !check.passed())
                        .map(check -> check.check() + ": " + check.detail())
                        .toList());
    }
}
