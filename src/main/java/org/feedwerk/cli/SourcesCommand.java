package org.feedwerk.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.feedwerk.app.Application;
import org.feedwerk.config.SourceConfig;
import org.feedwerk.source.SourceState;
import picocli.CommandLine.Command;

/** {@code feedwerk sources}: the configured sources and their state as a table. */
@Command(
        name = "sources",
        mixinStandardHelpOptions = true,
        description = "Shows each source with its last success, next fetch, consecutive failures and last error.")
final class SourcesCommand extends ApplicationCommand {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    SourcesCommand(Map<String, String> environment, Clock clock) {
        super(environment, clock);
    }

    @Override
    int run(Application application) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ID", "KIND", "LAST SUCCESS", "NEXT FETCH", "FAILURES", "LAST ERROR"});
        for (SourceConfig source : application.config().sources()) {
            SourceState state =
                    application.sourceStates().findState(source.id()).orElse(SourceState.initial(source.id()));
            rows.add(new String[] {
                source.id(),
                source.findUrl().isPresent() ? "http" : "dir",
                time(state.lastSuccess()),
                state.paused() ? "paused" : state.lastAttempt() == null ? "due" : time(state.nextFetch()),
                String.valueOf(state.failures()),
                state.lastError() == null ? "-" : state.lastError()
            });
        }
        TextTable.print(out(), rows);
        return ExitCodes.OK;
    }

    private static String time(Instant instant) {
        return instant == null ? "never" : TIME.format(instant);
    }
}
