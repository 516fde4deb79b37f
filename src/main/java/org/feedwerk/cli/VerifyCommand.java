package org.feedwerk.cli;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.feedwerk.app.Application;
import org.feedwerk.publish.ChainVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code feedwerk verify}: recomputes every hash of the publication chain and the audit log. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Recomputes the SHA-256 of every publication and audit entry and checks the chains.",
            "Exits with 1 on any mismatch, e.g. a row changed directly in the database."
        })
final class VerifyCommand extends ApplicationCommand {
    VerifyCommand(Map<String, String> environment, Clock clock) {
        super(environment, clock);
    }

    @Option(
            names = "--anchor",
            paramLabel = "[audit:]POSITION:SHA256",
            description = "a chain entry recorded elsewhere (from an article page or /pruefkette.json) that must "
                    + "still match; repeatable")
    List<String> anchors = new ArrayList<>();

    @Override
    int run(Application application) {
        List<ChainVerifier.Anchor> parsed;
        try {
            parsed = anchors.stream().map(ChainVerifier.Anchor::parse).toList();
        } catch (IllegalArgumentException e) {
            err().println("feedwerk: " + e.getMessage());
            err().flush();
            return ExitCodes.UNUSABLE;
        }
        ChainVerifier.Report report = application.verify(parsed);
        out().printf(
                        "checked %d publications and %d audit log entries%n",
                        report.publications(), report.auditEntries());
        report.problems().forEach(problem -> out().println("MISMATCH " + problem));
        out().println(
                        report.isIntact()
                                ? "OK: every hash and link matches"
                                : "FAILED: " + report.problems().size() + " mismatch(es)");
        out().flush();
        return report.isIntact() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
