package org.feedwerk.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option every command shares. */
public final class ConfigOption {
    @Option(
            names = {"-c", "--config"},
            paramLabel = "FILE",
            defaultValue = "feedwerk.yml",
            description = "configuration file (default: ${DEFAULT-VALUE})")
    Path file;
}
