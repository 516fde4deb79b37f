package org.feedwerk.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.feedwerk.postedit.PostEditor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code feedwerk postedit}: the automatic post-edit rules over standard input, one output line per input line. */
@Command(
        name = "postedit",
        mixinStandardHelpOptions = true,
        description = {
            "Applies the post-edit rules to each line of standard input, one output line per line.",
            "--source gives the aligned source lines (numbers are only reformatted where the source had them)."
        })
final class PostEditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--to", required = true, paramLabel = "LANG", description = "target language, e.g. de")
    String to;

    @Option(names = "--html", description = "the lines are HTML fragments")
    boolean html;

    @Option(names = "--source", paramLabel = "FILE", description = "aligned source lines (optional)")
    Path source;

    private final InputStream input;

    PostEditCommand(InputStream input) {
        this.input = input;
    }

    @Override
    public Integer call() throws IOException {
        List<String> sources;
        try {
            sources = source == null ? List.of() : InputFiles.lines(source);
        } catch (InputFiles.Unreadable e) {
            spec.commandLine().getErr().println("feedwerk: " + e.getMessage());
            return ExitCodes.UNUSABLE;
        }
        PostEditor editor = new PostEditor(to);
        var out = spec.commandLine().getOut();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8))) {
            int index = 0;
            for (String line; (line = reader.readLine()) != null; index++) {
                String sourceLine = index < sources.size() ? sources.get(index) : "";
                out.println(
                        html
                                ? editor.editHtml(line, sourceLine).text()
                                : editor.editPlain(line, sourceLine).text());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
