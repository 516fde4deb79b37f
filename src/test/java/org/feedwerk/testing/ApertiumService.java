package org.feedwerk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A real Apertium APy for tests: Debian's {@code apertium-apy} with the installed pairs, started on a free port
 * ({@code .ci/run} installs it and sets {@code FEEDWERK_TEST_REQUIRE_APERTIUM}, so tests never skip there).
 */
public final class ApertiumService implements AutoCloseable {
    private static final Path APY = Path.of("/usr/bin/apertium-apy");
    private static final Path MODES = Path.of("/usr/share/apertium/modes");

    private final Process process;
    private final URI uri;

    private ApertiumService(Process process, URI uri) {
        this.process = process;
        this.uri = uri;
    }

    /** Starts APy, or skips the test when it is not installed (fails instead where it is required). */
    public static ApertiumService start(Path logDir) throws IOException, InterruptedException {
        boolean installed = Files.isExecutable(APY) && Files.isDirectory(MODES);
        if (System.getenv("FEEDWERK_TEST_REQUIRE_APERTIUM") != null) {
            assertThat(installed).as("apertium-apy and its pairs installed").isTrue();
        }
        assumeTrue(
                installed,
                "apertium-apy is not installed (apt-get install apertium-apy apertium-eng-spa " + "apertium-eng-cat)");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder(APY.toString(), "-p", Integer.toString(port), MODES.toString())
                .redirectErrorStream(true)
                .redirectOutput(logDir.resolve("apertium-apy.log").toFile())
                .start();
        URI uri = URI.create("http://127.0.0.1:" + port);
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            try {
                if (http.send(
                                        HttpRequest.newBuilder(uri.resolve("/listPairs"))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .statusCode()
                        == 200) {
                    return new ApertiumService(process, uri);
                }
            } catch (IOException e) {
                // not listening yet
            }
            assertThat(process.isAlive())
                    .as(Files.readString(logDir.resolve("apertium-apy.log")))
                    .isTrue();
            assertThat(Instant.now()).as("APy answers within a minute").isBefore(deadline);
            Thread.sleep(Duration.ofMillis(200).toMillis());
        }
    }

    public URI uri() {
        return uri;
    }

    @Override
    public void close() {
        process.destroy();
    }
}
