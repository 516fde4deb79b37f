package org.feedwerk.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.feedwerk.FeedwerkException;
import org.feedwerk.score.CorpusScores;
import org.feedwerk.translate.EngineRequest;
import org.feedwerk.translate.TextFormat;
import org.feedwerk.translate.TranslationEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code feedwerk eval}: translate a test set with one engine and score it with BLEU and chrF. */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = {
            "Scores one engine on a test set with corpus BLEU and chrF.",
            "sacreBLEU's definitions (13a tokens, chrF n=6, beta=2); also prints characters per second."
        })
final class EvalCommand implements Callable<Integer> {
    private static final int BATCH = 32;

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Option(names = "--engine", required = true, paramLabel = "NAME")
    String engineName;

    @Option(names = "--source", required = true, paramLabel = "FILE")
    Path source;

    @Option(names = "--reference", required = true, paramLabel = "FILE")
    Path reference;

    @Option(names = "--from", defaultValue = "en", paramLabel = "LANG")
    String from;

    @Option(names = "--to", defaultValue = "de", paramLabel = "LANG")
    String to;

    @Option(names = "--output", paramLabel = "FILE", description = "also write the translations here")
    Path output;

    private final Map<String, String> environment;
    private final Clock clock;

    EvalCommand(Map<String, String> environment, Clock clock) {
        this.environment = environment;
        this.clock = clock;
    }

    @Override
    public Integer call() throws IOException {
        List<String> sources = Files.readAllLines(source, StandardCharsets.UTF_8);
        List<String> references = Files.readAllLines(reference, StandardCharsets.UTF_8);
        if (sources.size() != references.size()) {
            spec.commandLine()
                    .getErr()
                    .println("feedwerk: " + source + " has " + sources.size() + " lines, " + reference + " has "
                            + references.size());
            return ExitCodes.UNUSABLE;
        }
        TranslationEngine engine;
        try {
            engine = ConfiguredEngine.usable(config.file, engineName, environment, clock);
        } catch (FeedwerkException e) {
            spec.commandLine().getErr().println("feedwerk: " + e.getMessage());
            return ExitCodes.UNUSABLE;
        }
        long started = System.nanoTime();
        List<String> hypotheses = new ArrayList<>(sources.size());
        try {
            for (int start = 0; start < sources.size(); start += BATCH) {
                List<String> batch = sources.subList(start, Math.min(sources.size(), start + BATCH));
                hypotheses.addAll(engine.translate(new EngineRequest(from, to, TextFormat.PLAIN, batch))
                        .texts());
            }
        } catch (FeedwerkException e) {
            spec.commandLine().getErr().println("feedwerk: " + e.getMessage());
            return ExitCodes.UNUSABLE;
        }
        double seconds = Math.max((System.nanoTime() - started) / 1e9, 1e-9);
        if (output != null) {
            Files.write(output, hypotheses, StandardCharsets.UTF_8);
        }
        long characters = sources.stream().mapToLong(String::length).sum();
        spec.commandLine()
                .getOut()
                .printf(
                        Locale.ROOT,
                        "engine %s, %d lines: BLEU %.1f, chrF %.1f, %.0f characters/s%n",
                        engineName,
                        sources.size(),
                        CorpusScores.bleu(hypotheses, references),
                        CorpusScores.chrf(hypotheses, references),
                        characters / seconds);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
