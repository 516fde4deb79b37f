package org.feedwerk.postedit;

/** A blocking failure rejects a translation; a warning is only reported. */
public enum Severity {
    BLOCKING,
    WARNING
}
