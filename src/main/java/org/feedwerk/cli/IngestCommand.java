package org.feedwerk.cli;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.feedwerk.app.Application;
import org.feedwerk.config.SourceConfig;
import org.feedwerk.pipeline.SourceRunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code feedwerk ingest}: fetch sources once and report per source. */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = {
            "Fetches the sources once (all, or the ones named) and prints a line per source.",
            "Exits with 1 if any source failed."
        })
final class IngestCommand extends ApplicationCommand {
    @Parameters(paramLabel = "SOURCE_ID", arity = "0..*", description = "sources to fetch (default: all)")
    List<String> sourceIds = new ArrayList<>();

    IngestCommand(Map<String, String> environment, Clock clock) {
        super(environment, clock);
    }

    @Override
    int run(Application application) {
        List<SourceConfig> selected = new ArrayList<>();
        for (String id : sourceIds) {
            var source = application.config().findSource(id);
            if (source.isEmpty()) {
                err().println("feedwerk: no source with id '" + id + "' in " + config.file);
                return ExitCodes.UNUSABLE;
            }
            selected.add(source.get());
        }
        if (selected.isEmpty()) {
            selected.addAll(application.config().sources());
        }
        int width =
                selected.stream().mapToInt(source -> source.id().length()).max().orElse(0);
        boolean failed = false;
        for (SourceRunReport report : application.ingestOnce(selected)) {
            out().printf("%-" + width + "s  %s%n", report.sourceId(), report.summary());
            failed |= report.isFailure();
        }
        out().flush();
        return failed ? ExitCodes.FAILED : ExitCodes.OK;
    }
}
