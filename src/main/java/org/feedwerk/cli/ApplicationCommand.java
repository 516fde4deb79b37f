package org.feedwerk.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.feedwerk.FeedwerkException;
import org.feedwerk.app.Application;
import org.feedwerk.config.ConfigLoader;
import org.feedwerk.config.FeedwerkConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of the commands that need the configured application: loads the configuration, opens the application,
 * and turns start-up problems into one clear line on standard error and exit code 2.
 */
abstract class ApplicationCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    final Map<String, String> environment;
    final Clock clock;

    ApplicationCommand(Map<String, String> environment, Clock clock) {
        this.environment = environment;
        this.clock = clock;
    }

    @Override
    public final Integer call() {
        FeedwerkConfig loaded;
        try {
            loaded = new ConfigLoader(environment).load(config.file);
        } catch (FeedwerkException e) {
            err().println("feedwerk: " + e.getMessage());
            return ExitCodes.UNUSABLE;
        }
        Application application;
        try {
            application = Application.open(loaded, environment, clock);
        } catch (FeedwerkException e) {
            err().println("feedwerk: " + e.getMessage());
            return ExitCodes.UNUSABLE;
        }
        try (application) {
            return run(application);
        } catch (FeedwerkException e) {
            err().println("feedwerk: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }

    abstract int run(Application application);

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
