package org.feedwerk.app;

import org.feedwerk.cli.FeedwerkCommand;

/** Entry point of the jar: hands the arguments to the command line. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(FeedwerkCommand.commandLine(System.getenv()).execute(args));
    }
}
