package org.feedwerk.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts the real Feedwerk process ({@code Main run}) on the test class path, logging at INFO into a file. */
public final class FeedwerkProcess {
    private FeedwerkProcess() {}

    public static Process run(Path config, Path log, Map<String, String> environment, String... arguments)
            throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "org.feedwerk.app.Main",
                "run",
                "--config",
                config.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("FEEDWERK_LOG_LEVEL", "INFO"); // the tests' own logging config says ERROR
        builder.environment().putAll(environment);
        return builder.start();
    }
}
