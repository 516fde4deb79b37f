package org.feedwerk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.feedwerk.postedit.QaInput;
import org.feedwerk.postedit.QaReport;
import org.feedwerk.postedit.QualityGate;
import org.feedwerk.translate.Glossary;
import org.feedwerk.translate.LinguaLanguageDetector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code feedwerk qa}: the quality checks over aligned source and target files, one JSON object per line. */
@Command(
        name = "qa",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the quality checks on aligned source and target lines.",
            "Writes {\"line\":N,\"blocking\":true|false,\"failed\":[…]} per line; a summary goes to standard error."
        })
final class QaCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "LANG")
    String from;

    @Option(names = "--to", required = true, paramLabel = "LANG")
    String to;

    @Option(names = "--source", required = true, paramLabel = "FILE")
    Path source;

    @Option(names = "--target", required = true, paramLabel = "FILE")
    Path target;

    @Override
    public Integer call() throws IOException {
        List<String> sources;
        List<String> targets;
        try {
            sources = InputFiles.lines(source);
            targets = InputFiles.lines(target);
        } catch (InputFiles.Unreadable e) {
            spec.commandLine().getErr().println("feedwerk: " + e.getMessage());
            return ExitCodes.UNUSABLE;
        }
        if (sources.size() != targets.size()) {
            spec.commandLine()
                    .getErr()
                    .println("feedwerk: " + source + " has " + sources.size() + " lines, " + target + " has "
                            + targets.size());
            return ExitCodes.UNUSABLE;
        }
        LinguaLanguageDetector detector = new LinguaLanguageDetector(List.of(from, to));
        QualityGate gate = new QualityGate(detector::detect);
        Map<String, Integer> failures = new TreeMap<>();
        int blocking = 0;
        var out = spec.commandLine().getOut();
        for (int index = 0; index < sources.size(); index++) {
            QaReport report = gate.check(
                    new QaInput(
                            from,
                            to,
                            List.of(sources.get(index)),
                            List.of(targets.get(index)),
                            null,
                            null,
                            Glossary.EMPTY),
                    List.of());
            ObjectNode line = JSON.createObjectNode().put("line", index + 1).put("blocking", report.isBlocking());
            report.failedChecks().forEach(line.putArray("failed")::add);
            if (!line.has("failed")) {
                line.putArray("failed");
            }
            out.println(line);
            report.failedChecks().forEach(check -> failures.merge(check, 1, Integer::sum));
            blocking += report.isBlocking() ? 1 : 0;
        }
        out.flush();
        spec.commandLine()
                .getErr()
                .printf(
                        "checked %d lines: %d blocking (%.1f %%); failed checks: %s%n",
                        sources.size(),
                        blocking,
                        sources.isEmpty() ? 0.0 : 100.0 * blocking / sources.size(),
                        failures);
        return ExitCodes.OK;
    }
}
