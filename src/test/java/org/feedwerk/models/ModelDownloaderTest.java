package org.feedwerk.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.feedwerk.testing.LocalHttpServer;
import org.feedwerk.testing.TinyMarianModel;
import org.feedwerk.translate.EngineRequest;
import org.feedwerk.translate.TextFormat;
import org.feedwerk.translate.offline.ModelSource;
import org.feedwerk.translate.offline.OnnxEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads against a local server in hub layout: complete, interrupted and resumed, corrupted, incomplete. */
class ModelDownloaderTest {
    @TempDir
    Path models;

    private final LocalHttpServer hub = new LocalHttpServer();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, String> advertisedSha = new ConcurrentHashMap<>();
    private final AtomicBoolean interruptNextOnnx = new AtomicBoolean();
    private final StringWriter progress = new StringWriter();

    @TempDir
    Path published;

    /** The hub serves the tiny test model, so that what was downloaded can be loaded and run. */
    @BeforeEach
    void serveModel() throws IOException {
        TinyMarianModel.write(published);
        for (String file : ModelLayout.files(true)) {
            byte[] content = Files.readAllBytes(published.resolve(file));
            files.put(file, content);
            String path = "/Xenova/opus-mt-en-de/resolve/main/" + file;
            hub.on(path, exchange -> serve(exchange, file));
        }
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private void serve(HttpExchange exchange, String file) throws IOException {
        byte[] content = files.get(file);
        if (file.endsWith(".onnx")) {
            exchange.getResponseHeaders()
                    .set("X-Linked-Etag", "\"" + advertisedSha.getOrDefault(file, sha(content)) + "\"");
        }
        String range = exchange.getRequestHeaders().getFirst("Range");
        int start = range == null ? 0 : Integer.parseInt(range.replaceAll("bytes=(\\d+)-", "$1"));
        if (start > 0) {
            exchange.getResponseHeaders()
                    .set("Content-Range", "bytes " + start + "-" + (content.length - 1) + "/" + content.length);
        }
        exchange.sendResponseHeaders(start > 0 ? 206 : 200, content.length - start);
        if (file.endsWith(".onnx") && interruptNextOnnx.getAndSet(false)) {
            exchange.getResponseBody().write(content, 0, content.length / 2);
            exchange.getResponseBody().flush();
            throw new IOException("connection dropped by the test server");
        }
        exchange.getResponseBody().write(content, start, content.length - start);
    }

    private ModelDownloader downloader() {
        return new ModelDownloader(models, new PrintWriter(progress), Clock.systemUTC());
    }

    private URI base() {
        return hub.uri("");
    }

    @Test
    void pullsEveryFileAndRecordsItsSha256() throws IOException {
        ModelManifest manifest = downloader().pull("opus-mt-en-de", base(), true);

        Path folder = models.resolve("Xenova--opus-mt-en-de");
        assertThat(manifest.repository()).isEqualTo("Xenova/opus-mt-en-de");
        assertThat(manifest.files()).containsOnlyKeys(ModelLayout.files(true));
        assertThat(Files.readAllBytes(folder.resolve("onnx/encoder_model_quantized.onnx")))
                .isEqualTo(files.get("onnx/encoder_model_quantized.onnx"));
        assertThat(manifest.files().get("source.spm").sha256()).isEqualTo(sha(files.get("source.spm")));
        assertThat(progress.toString())
                .contains("onnx/decoder_model_merged_quantized.onnx")
                .contains("100%");
        assertThat(new InstalledModels(models).verified("opus-mt-en-de")).isEqualTo(folder);
        assertThat(new InstalledModels(models).list())
                .extracting(ModelManifest::repository)
                .containsExactly("Xenova/opus-mt-en-de");

        int requests = hub.requests().size();
        downloader().pull("Xenova/opus-mt-en-de", base(), true);
        assertThat(hub.requests()).as("nothing downloaded twice").hasSize(requests);
    }

    @Test
    void interruptedTransferIsResumedWithARangeRequest() throws IOException {
        interruptNextOnnx.set(true);

        assertThatThrownBy(() -> downloader().pull("opus-mt-en-de", base(), true))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("interrupted")
                .hasMessageContaining("again");
        Path part = models.resolve("Xenova--opus-mt-en-de/onnx/encoder_model_quantized.onnx.part");
        int half = files.get("onnx/encoder_model_quantized.onnx").length / 2;
        assertThat(Files.size(part)).isEqualTo(half);

        downloader().pull("opus-mt-en-de", base(), true);

        assertThat(hub.requests()).anyMatch(request -> ("bytes=" + half + "-").equals(request.header("Range")));
        assertThat(Files.readAllBytes(models.resolve("Xenova--opus-mt-en-de/onnx/encoder_model_quantized.onnx")))
                .isEqualTo(files.get("onnx/encoder_model_quantized.onnx"));
        assertThat(part).doesNotExist();
        OnnxEngine engine = new OnnxEngine(
                "offline",
                List.of(),
                new ModelSource.Named("opus-mt-en-de", models, base(), false, Clock.systemUTC()),
                new OnnxEngine.Settings(true, 1, null, null),
                Runnable::run,
                Clock.systemUTC());
        try {
            assertThat(engine.prepare()).as("the resumed model loads").isEmpty();
            assertThat(engine.translate(new EngineRequest("en", "de", TextFormat.PLAIN, List.of("A dog.")))
                            .texts())
                    .containsExactly("Ein Hund.");
        } finally {
            engine.close();
        }
    }

    @Test
    void checksumMismatchIsRefused() {
        advertisedSha.put("onnx/encoder_model_quantized.onnx", "0".repeat(64));

        assertThatThrownBy(() -> downloader().pull("opus-mt-en-de", base(), true))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("checksum mismatch");
        assertThat(models.resolve("Xenova--opus-mt-en-de/onnx/encoder_model_quantized.onnx"))
                .doesNotExist();
        assertThat(models.resolve("Xenova--opus-mt-en-de/onnx/encoder_model_quantized.onnx.part"))
                .doesNotExist();
    }

    /** As Hugging Face does: the SHA-256 and size on the 302, the bytes from a storage host without them. */
    private void redirectLikeTheHub(String file, String advertised, long advertisedSize) {
        String path = "/Xenova/opus-mt-en-de/resolve/main/" + file;
        hub.on("/storage/" + file, exchange -> {
            byte[] content = files.get(file);
            exchange.sendResponseHeaders(200, content.length);
            exchange.getResponseBody().write(content);
        });
        hub.on(path, exchange -> {
            exchange.getResponseHeaders().set("X-Linked-Etag", "\"" + advertised + "\"");
            exchange.getResponseHeaders().set("X-Linked-Size", String.valueOf(advertisedSize));
            exchange.getResponseHeaders().set("Location", "/storage/" + file);
            exchange.sendResponseHeaders(302, -1);
        });
    }

    @Test
    void theChecksumOnTheHubsRedirectIsChecked() throws IOException {
        String file = "onnx/encoder_model_quantized.onnx";
        redirectLikeTheHub(file, "0".repeat(64), files.get(file).length);

        assertThatThrownBy(() -> downloader().pull("opus-mt-en-de", base(), true))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("checksum mismatch");
        assertThat(models.resolve("Xenova--opus-mt-en-de/" + file)).doesNotExist();

        redirectLikeTheHub(file, sha(files.get(file)), files.get(file).length + 1);
        assertThatThrownBy(() -> downloader().pull("opus-mt-en-de", base(), true))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("size mismatch");

        redirectLikeTheHub(file, sha(files.get(file)), files.get(file).length);
        ModelManifest manifest = downloader().pull("opus-mt-en-de", base(), true);
        assertThat(manifest.files().get(file).sha256()).isEqualTo(sha(files.get(file)));
    }

    @Test
    void aResumeAtAnotherOffsetIsNotAppended() throws IOException {
        String file = "onnx/encoder_model_quantized.onnx";
        Path part = models.resolve("Xenova--opus-mt-en-de/" + file + ".part");
        Files.createDirectories(part.getParent());
        Files.write(part, Arrays.copyOf(files.get(file), 100));
        hub.on("/Xenova/opus-mt-en-de/resolve/main/" + file, exchange -> {
            byte[] content = files.get(file);
            exchange.getResponseHeaders()
                    .set("Content-Range", "bytes 0-" + (content.length - 1) + "/" + content.length);
            exchange.sendResponseHeaders(206, content.length);
            exchange.getResponseBody().write(content);
        });

        assertThatThrownBy(() -> downloader().pull("opus-mt-en-de", base(), true))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("another offset");
        assertThat(part).doesNotExist();
    }

    @Test
    void missingFileIsNamed() {
        hub.on(
                "/Xenova/opus-mt-en-de/resolve/main/target.spm",
                exchange -> LocalHttpServer.send(exchange, 404, "text/plain", "Entry not found".getBytes()));

        assertThatThrownBy(() -> downloader().pull("opus-mt-en-de", base(), true))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("target.spm is missing");
    }

    @Test
    void aChangedFileIsRefusedWhenTheModelIsLoaded() throws IOException {
        downloader().pull("opus-mt-en-de", base(), true);
        Files.writeString(models.resolve("Xenova--opus-mt-en-de/vocab.json"), "{}");

        assertThatThrownBy(() -> new InstalledModels(models).verified("opus-mt-en-de"))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("vocab.json does not match");
        assertThatThrownBy(() -> new InstalledModels(models).verified("opus-mt-en-fr"))
                .hasMessageContaining("not installed")
                .hasMessageContaining("feedwerk models pull opus-mt-en-fr");
    }

    private static String sha(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
