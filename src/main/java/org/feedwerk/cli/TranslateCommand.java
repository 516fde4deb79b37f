package org.feedwerk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.feedwerk.FeedwerkException;
import org.feedwerk.translate.TextTranslator;
import org.feedwerk.translate.TranslationEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code feedwerk translate}: standard input through one configured engine to standard output. */
@Command(
        name = "translate",
        mixinStandardHelpOptions = true,
        description = {
            "Translates standard input to standard output with one engine of the configuration, for "
                    + "trying an engine.",
            "Plain text is translated paragraph by paragraph; --html keeps the markup.",
            "Exit code 2 when the engine is missing, has no key or cannot be reached."
        })
final class TranslateCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--engine",
            required = true,
            paramLabel = "NAME",
            description = "engine name from the configuration")
    String engineName;

    @Option(names = "--from", required = true, paramLabel = "LANG", description = "source language, e.g. en")
    String from;

    @Option(names = "--to", required = true, paramLabel = "LANG", description = "target language, e.g. de")
    String to;

    @Option(names = "--html", description = "the input is HTML")
    boolean html;

    private final Map<String, String> environment;
    private final Clock clock;
    private final InputStream input;

    TranslateCommand(Map<String, String> environment, Clock clock, InputStream input) {
        this.environment = environment;
        this.clock = clock;
        this.input = input;
    }

    @Override
    public Integer call() throws IOException {
        TranslationEngine engine;
        try {
            engine = ConfiguredEngine.usable(config.file, engineName, environment, clock);
        } catch (FeedwerkException e) {
            spec.commandLine().getErr().println("feedwerk: " + e.getMessage());
            return ExitCodes.UNUSABLE;
        }
        String text = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        TextTranslator translator = new TextTranslator(engine);
        try {
            String output = html ? translator.translateHtml(from, to, text) : translator.translatePlain(from, to, text);
            spec.commandLine().getOut().println(output);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        } catch (FeedwerkException e) {
            spec.commandLine().getErr().println("feedwerk: " + e.getMessage());
            return ExitCodes.UNUSABLE;
        }
    }
}
