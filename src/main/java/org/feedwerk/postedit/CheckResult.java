package org.feedwerk.postedit;

/** The outcome of one quality check, with what it found when it failed. */
public record CheckResult(String check, Severity severity, boolean passed, String detail) {
    static CheckResult pass(String check, Severity severity) {
        return new CheckResult(check, severity, true, null);
    }

    static CheckResult fail(String check, Severity severity, String detail) {
        return new CheckResult(check, severity, false, detail);
    }
}
