package org.feedwerk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.feedwerk.testing.FakeEngineServers;
import org.feedwerk.testing.FeedwerkProcess;
import org.feedwerk.testing.LocalHttpServer;
import org.feedwerk.testing.TinyMarianModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandLineTest {
    @TempDir
    Path dir;

    private final LocalHttpServer server = new LocalHttpServer();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void stop() {
        server.close();
    }

    private int run(String... args) {
        return runWithInput("", args);
    }

    private int translateEnglishToGerman(String input, Path config, String engine, String... options) {
        List<String> args = new ArrayList<>(
                List.of("translate", "--config", config.toString(), "--engine", engine, "--from", "en", "--to", "de"));
        args.addAll(List.of(options));
        return runWithInput(input, args.toArray(String[]::new));
    }

    private int qaEnglishToGerman(Path source, Path target) {
        return run("qa", "--from", "en", "--to", "de", "--source", source.toString(), "--target", target.toString());
    }

    private int runWithInput(String input, String... args) {
        CommandLine commandLine = FeedwerkCommand.commandLine(
                Map.of("LIBRE_KEY", "k"), new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private Path config() throws IOException {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Path file = inbox.resolve("a.json");
        Files.writeString(file, """
                {"version": "https://jsonfeed.org/version/1.1", "items": [
                  {"id": "1", "title": "One", "content_html": "<p>1</p>"},
                  {"id": "2", "title": "Two", "content_html": "<p>2</p>"}]}""");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
        Path config = dir.resolve("feedwerk.yml");
        Files.writeString(config, """
                dataDir: ./data
                sources:
                  - id: inbox
                    dir: ./inbox
                  - id: down
                    url: %s
                    allowPrivateNetwork: true
                """.formatted(server.uri("/missing")));
        return config;
    }

    @Test
    void helpListsTheCommands() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString())
                .contains(
                        "run",
                        "ingest",
                        "sources",
                        "translate",
                        "verify",
                        "export",
                        "postedit",
                        "qa",
                        "eval",
                        "models");
        assertThat(run("models", "--help")).isZero();
        assertThat(out.toString()).contains("pull", "list");
        assertThat(run("ingest", "--help")).isZero();
        assertThat(out.toString()).contains("--config");
    }

    @Test
    void runRefusesAnUnknownRole() throws IOException {
        assertThat(run("run", "--config", config().toString(), "--roles", "fetch,render"))
                .isEqualTo(2);
        assertThat(err.toString())
                .contains("--roles: unknown role 'render' (roles are fetch, translate, publish, web)");
    }

    @Test
    void aSecondRunOnOneSqliteDatabaseIsRefused() throws Exception {
        Path config = config();
        Files.writeString(
                config, Files.readString(config).replace("dataDir: ./data", "dataDir: ./data\nserver: { port: 0 }"));
        Process first = FeedwerkProcess.run(config, dir.resolve("first.log"), Map.of(), "--roles", "web");
        try {
            Instant deadline = Instant.now().plusSeconds(60);
            while (!Files.readString(dir.resolve("first.log")).contains("feedwerk running")) {
                assertThat(Instant.now()).as("first process started").isBefore(deadline);
                assertThat(first.isAlive())
                        .as(Files.readString(dir.resolve("first.log")))
                        .isTrue();
                Thread.sleep(100);
            }
            assertThat(run("run", "--config", config.toString(), "--roles", "web"))
                    .isEqualTo(2);
            assertThat(err.toString())
                    .contains("another feedwerk process is running on the SQLite database")
                    .contains("database.url");
        } finally {
            first.destroy();
            first.waitFor();
        }
    }

    @Test
    void ingestPrintsALinePerSourceAndFailsIfOneFailed() throws IOException {
        Path config = config();

        int exit = run("ingest", "--config", config.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString())
                .contains("inbox  2 new, 0 revised, 0 unchanged")
                .contains("down   0 new, 0 revised, 0 unchanged; error: HTTP 404");
    }

    @Test
    void ingestOfNamedSourcesOnly() throws IOException {
        Path config = config();

        assertThat(run("ingest", "--config", config.toString(), "inbox")).isZero();
        assertThat(out.toString()).contains("inbox").doesNotContain("down");
        assertThat(run("ingest", "--config", config.toString(), "nope")).isEqualTo(2);
        assertThat(err.toString()).contains("no source with id 'nope'");
    }

    @Test
    void sourcesShowsStateAsATable() throws IOException {
        Path config = config();
        run("ingest", "--config", config.toString());
        out.getBuffer().setLength(0);

        assertThat(run("sources", "--config", config.toString())).isZero();

        String table = out.toString();
        assertThat(table).contains("ID", "LAST SUCCESS", "NEXT FETCH", "FAILURES", "LAST ERROR");
        assertThat(table.lines()
                        .filter(line -> line.startsWith("down"))
                        .findFirst()
                        .orElseThrow())
                .contains("never")
                .contains(" 1 ")
                .contains("HTTP 404");
    }

    private Path engineConfig(String url, String keyVariable) throws IOException {
        Path config = dir.resolve("engines.yml");
        Files.writeString(config, """
                dataDir: ./data
                translation:
                  targets: [de]
                  engines:
                    - name: libre
                      type: libretranslate
                      url: %s
                      apiKeyEnv: %s
                      maxAttempts: 1
                """.formatted(url, keyVariable));
        return config;
    }

    @Test
    void translateCommandRunsStandardInputThroughTheEngine() throws IOException {
        FakeEngineServers engines = new FakeEngineServers();
        try {
            Path config = engineConfig(engines.server().uri("").toString(), "LIBRE_KEY");

            assertThat(translateEnglishToGerman("Hello world.\n\nSecond paragraph.\n", config, "libre"))
                    .isZero();
            assertThat(out.toString()).isEqualTo("HELLO WORLD.\n\nSECOND PARAGRAPH.\n");

            out.getBuffer().setLength(0);
            assertThat(translateEnglishToGerman(
                            "<p>A <a href=\"https://x.example/\">link</a></p><ul><li>item</li></ul>",
                            config,
                            "libre",
                            "--html"))
                    .isZero();
            assertThat(out.toString().strip())
                    .isEqualTo("<p>A <a href=\"https://x.example/\">LINK</a></p><ul><li>ITEM</li></ul>");
        } finally {
            engines.close();
        }
    }

    @Test
    void translateCommandNamesAMissingKeyOrUnreachableEngine() throws IOException {
        Path missingKey = engineConfig("http://127.0.0.1:9/", "NOT_SET");
        assertThat(translateEnglishToGerman("x", missingKey, "libre")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("feedwerk: libre: environment variable NOT_SET is not set");

        err.getBuffer().setLength(0);
        Path unreachable = engineConfig("http://127.0.0.1:9/", "LIBRE_KEY");
        assertThat(translateEnglishToGerman("x", unreachable, "libre")).isEqualTo(2);
        assertThat(err.toString().strip())
                .startsWith("feedwerk: libre: cannot reach 127.0.0.1:9")
                .doesNotContain("\n");

        err.getBuffer().setLength(0);
        assertThat(translateEnglishToGerman("x", unreachable, "nope")).isEqualTo(2);
        assertThat(err.toString()).contains("no engine named 'nope'");
    }

    @Test
    void posteditWritesOneLinePerInputLine() throws IOException {
        Path source = dir.resolve("source.txt");
        Files.writeString(source, "x\n1,200 passengers\n");

        assertThat(runWithInput(
                        "Er sagte: \"gut\" .\n1,200 Fahrgäste\n",
                        "postedit",
                        "--to",
                        "de",
                        "--source",
                        source.toString()))
                .isZero();

        assertThat(out.toString()).isEqualTo("Er sagte: „gut“.\n1.200 Fahrgäste\n");
    }

    @Test
    void aMissingInputFileIsOneLineNotAStackTrace() {
        Path missing = dir.resolve("nowhere.txt");

        assertThat(runWithInput("x\n", "postedit", "--to", "de", "--source", missing.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).isEqualTo("feedwerk: no such file: " + missing + System.lineSeparator());

        err.getBuffer().setLength(0);
        assertThat(qaEnglishToGerman(missing, missing)).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("feedwerk: no such file: " + missing + System.lineSeparator());
    }

    @Test
    void qaWritesAVerdictPerLineAndASummary() throws IOException {
        Path source = dir.resolve("source.txt");
        Path target = dir.resolve("target.txt");
        Files.writeString(source, "The terminal opens in 2028.\nThe ferry was late again on Sunday morning.\n");
        Files.writeString(target, "Das Terminal öffnet 2029.\nDie Fähre war am Sonntagmorgen wieder verspätet.\n");

        assertThat(qaEnglishToGerman(source, target)).isZero();

        assertThat(out.toString())
                .isEqualTo("{\"line\":1,\"blocking\":true,\"failed\":[\"numbers\"]}\n"
                        + "{\"line\":2,\"blocking\":false,\"failed\":[]}\n");
        assertThat(err.toString()).contains("checked 2 lines: 1 blocking (50.0 %); failed checks: {numbers=1}");
    }

    @Test
    void evalScoresAnEngineAgainstAReference() throws IOException {
        FakeEngineServers engines = new FakeEngineServers();
        try {
            Path config = engineConfig(engines.server().uri("").toString(), "LIBRE_KEY");
            Path source = dir.resolve("src.en");
            Path reference = dir.resolve("ref.de");
            Path output = dir.resolve("out.de");
            Files.writeString(source, "the harbour is open\nferries run again\n");
            Files.writeString(reference, "THE HARBOUR IS OPEN\nFERRIES RUN AGAIN\n");

            assertThat(run(
                            "eval",
                            "--config",
                            config.toString(),
                            "--engine",
                            "libre",
                            "--source",
                            source.toString(),
                            "--reference",
                            reference.toString(),
                            "--output",
                            output.toString()))
                    .isZero();

            assertThat(out.toString()).startsWith("engine libre, 2 lines: BLEU 100.0, chrF 100.0, ");
            assertThat(Files.readAllLines(output)).containsExactly("THE HARBOUR IS OPEN", "FERRIES RUN AGAIN");
        } finally {
            engines.close();
        }
    }

    @Test
    void evalRunsTheOfflineEngineFromAModelPulledByTheModelsCommand() throws IOException {
        Path published = TinyMarianModel.write(dir.resolve("published"));
        LocalHttpServer hub = new LocalHttpServer();
        try (Stream<Path> files = Files.walk(published)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] content = Files.readAllBytes(file);
                hub.on(
                        "/Xenova/opus-mt-en-de/resolve/main/"
                                + published.relativize(file).toString().replace('\\', '/'),
                        exchange -> LocalHttpServer.send(exchange, 200, "application/octet-stream", content));
            }
            Path config = dir.resolve("offline.yml");
            Files.writeString(config, """
                    dataDir: ./data
                    models:
                      baseUrl: %s
                      autoPull: false
                    translation:
                      engines:
                        - name: opus-mt
                          type: onnx
                          model: opus-mt-en-de
                          threads: 1
                    """.formatted(hub.uri("")));
            Path source = dir.resolve("src.en");
            Path reference = dir.resolve("ref.de");
            Files.writeString(source, "The cat sleeps.\nA dog.\n");
            Files.writeString(reference, "Die Katze schläft.\nEin Hund.\n");
            String[] eval = {
                "eval",
                "--config",
                config.toString(),
                "--engine",
                "opus-mt",
                "--source",
                source.toString(),
                "--reference",
                reference.toString()
            };

            assertThat(run(eval)).as(err.toString()).isEqualTo(2);
            assertThat(err.toString()).contains("run: ./feedwerk models pull opus-mt-en-de");

            assertThat(run("models", "pull", "opus-mt-en-de", "--config", config.toString()))
                    .as(err.toString())
                    .isZero();
            assertThat(run("models", "list", "--config", config.toString())).isZero();
            assertThat(out.toString()).contains("Xenova/opus-mt-en-de");
            assertThat(run(eval)).as(err.toString()).isZero();
            assertThat(out.toString()).contains("engine opus-mt, 2 lines: BLEU 100.0, chrF 100.0, ");
        } finally {
            hub.close();
        }
    }

    @Test
    void configErrorIsOneLineWithFileAndLineAndExitCode2() throws IOException {
        Path config = dir.resolve("broken.yml");
        Files.writeString(config, "sources:\n  - id: a\n    url: https://a.example/\n    colour: blue\n");

        assertThat(run("sources", "--config", config.toString())).isEqualTo(2);
        assertThat(err.toString().strip())
                .startsWith("feedwerk: " + config + ":4: unknown key 'colour'")
                .doesNotContain("\n");
    }
}
