package org.feedwerk.cli;

import java.io.InputStream;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code feedwerk} command; every capability is a subcommand. */
@Command(
        name = "feedwerk",
        mixinStandardHelpOptions = true,
        version = "feedwerk 0.1.0",
        description = "Syndicated news feeds in, machine-translated news site out.",
        subcommandsRepeatable = false)
public final class FeedwerkCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The command line with all subcommands, reading secrets and overrides from {@code environment}. */
    public static CommandLine commandLine(Map<String, String> environment) {
        return commandLine(environment, System.in);
    }

    /** The same, reading standard input of {@code translate} from {@code input}. */
    public static CommandLine commandLine(Map<String, String> environment, InputStream input) {
        Clock clock = Clock.systemUTC();
        return new CommandLine(new FeedwerkCommand())
                .addSubcommand(new RunCommand(environment, clock))
                .addSubcommand(new IngestCommand(environment, clock))
                .addSubcommand(new SourcesCommand(environment, clock))
                .addSubcommand(new TranslateCommand(environment, clock, input))
                .addSubcommand(new VerifyCommand(environment, clock))
                .addSubcommand(new ExportCommand(environment, clock))
                .addSubcommand(new PostEditCommand(input))
                .addSubcommand(new QaCommand())
                .addSubcommand(new EvalCommand(environment, clock))
                .addSubcommand("models", ModelsCommand.commandLine(environment));
    }
}
