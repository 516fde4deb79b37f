package org.feedwerk.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.feedwerk.app.Application;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code feedwerk export DIR}: the published site as static files. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Writes the published site as static files into DIR.",
            "List pages, every version of every live article page, feeds and sitemaps; withdrawn articles are",
            "left out, search needs `run`."
        })
final class ExportCommand extends ApplicationCommand {
    @Parameters(index = "0", paramLabel = "DIR", description = "target directory (created if missing)")
    Path directory;

    ExportCommand(Map<String, String> environment, Clock clock) {
        super(environment, clock);
    }

    @Override
    int run(Application application) {
        int files = application.exportSite(directory);
        out().println("wrote " + files + " files to " + directory);
        out().flush();
        return ExitCodes.OK;
    }
}
