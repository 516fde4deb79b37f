package org.feedwerk.cli;

/** Exit codes of all commands. */
final class ExitCodes {
    static final int OK = 0;
    /** The work ran and something failed (a source, a check). */
    static final int FAILED = 1;
    /** The command could not start: configuration, database, usage. */
    static final int UNUSABLE = 2;

    private ExitCodes() {}
}
