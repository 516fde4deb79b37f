package org.feedwerk.cli;

import java.time.Clock;
import java.util.Map;
import org.feedwerk.app.Application;
import org.feedwerk.publish.ChainVerifier;
import picocli.CommandLine.Command;

/** {@code feedwerk verify}: recomputes every hash of the publication chain and the audit log. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Recomputes the SHA-256 of every publication and audit entry and checks the chains.",
                "Exits with 1 on any mismatch, e.g. a row changed directly in the database."})
final class VerifyCommand extends ApplicationCommand {
    VerifyCommand(Map<String, String> environment, Clock clock) {
        super(environment, clock);
    }

    @Override
    int run(Application application) {
        ChainVerifier.Report report = application.verify();
        out().printf("checked %d publications and %d audit log entries%n", report.publications(),
                report.auditEntries());
        report.problems().forEach(problem -> out().println("MISMATCH " + problem));
        out().println(report.isIntact() ? "OK: every hash and link matches" : "FAILED: " + report.problems().size()
                + " mismatch(es)");
        out().flush();
        return report.isIntact() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
