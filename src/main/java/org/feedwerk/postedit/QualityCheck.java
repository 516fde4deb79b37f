package org.feedwerk.postedit;

/** One check of a translation against its source. */
public interface QualityCheck {
    CheckResult check(QaInput input);
}
