package org.feedwerk.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.feedwerk.FeedwerkException;
import org.feedwerk.config.ConfigLoader;
import org.feedwerk.config.FeedwerkConfig;
import org.feedwerk.models.InstalledModels;
import org.feedwerk.models.ModelDownloader;
import org.feedwerk.models.ModelManifest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code feedwerk models}: download and list offline translation models (OPUS-MT ONNX exports). */
@Command(
        name = "models",
        mixinStandardHelpOptions = true,
        description = "Downloads and lists offline translation models (ONNX exports of OPUS-MT).")
final class ModelsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static FeedwerkConfig load(ConfigOption config, Map<String, String> environment) {
        return new ConfigLoader(environment).load(config.file);
    }

    /** The command with its subcommands, reading overrides from {@code environment}. */
    static CommandLine commandLine(Map<String, String> environment) {
        return new CommandLine(new ModelsCommand())
                .addSubcommand(new Pull(environment))
                .addSubcommand(new List(environment));
    }

    /** {@code feedwerk models pull NAME}. */
    @Command(
            name = "pull",
            mixinStandardHelpOptions = true,
            description = {
                "Downloads a model (e.g. opus-mt-en-de = Xenova/opus-mt-en-de) into the models folder.",
                "Resumes an interrupted download; checks SHA-256s; records them for later checks."
            })
    static final class Pull implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--from", paramLabel = "URL", description = "hub or mirror (default: models.baseUrl)")
        URI from;

        @Option(names = "--full", description = "the full-precision ONNX files instead of the quantized ones")
        boolean full;

        private final Map<String, String> environment;

        Pull(Map<String, String> environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() {
            try {
                FeedwerkConfig loaded = load(config, environment);
                URI base = from != null ? from : loaded.models().baseUrl();
                Path dir = loaded.models().directory(loaded.dataDir());
                spec.commandLine().getErr().println("pulling " + name + " from " + base + " into " + dir);
                ModelManifest manifest = new ModelDownloader(
                                dir, spec.commandLine().getErr(), Clock.systemUTC())
                        .pull(name, base, !full);
                spec.commandLine()
                        .getOut()
                        .println(manifest.repository() + ": " + manifest.files().size() + " files, SHA-256 recorded");
                return ExitCodes.OK;
            } catch (FeedwerkException e) {
                spec.commandLine().getErr().println("\nfeedwerk: " + e.getMessage());
                return ExitCodes.FAILED;
            }
        }
    }

    /** {@code feedwerk models list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the installed models.")
    static final class List implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Spec
        CommandSpec spec;

        private final Map<String, String> environment;

        List(Map<String, String> environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() {
            try {
                FeedwerkConfig loaded = load(config, environment);
                var models = new InstalledModels(loaded.models().directory(loaded.dataDir())).list();
                if (models.isEmpty()) {
                    spec.commandLine().getOut().println("no models installed; e.g. feedwerk models pull opus-mt-en-de");
                }
                for (ModelManifest model : models) {
                    long bytes = model.files().values().stream()
                            .mapToLong(ModelManifest.FileEntry::size)
                            .sum();
                    spec.commandLine()
                            .getOut()
                            .printf(
                                    Locale.ROOT,
                                    "%-32s %3d files %8.1f MB  pulled %s%n",
                                    model.repository(),
                                    model.files().size(),
                                    bytes / 1e6,
                                    model.pulledAt());
                }
                return ExitCodes.OK;
            } catch (FeedwerkException e) {
                spec.commandLine().getErr().println("feedwerk: " + e.getMessage());
                return ExitCodes.UNUSABLE;
            }
        }
    }
}
