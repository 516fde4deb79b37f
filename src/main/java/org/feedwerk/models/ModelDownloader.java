package org.feedwerk.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads a model's files from a hub or mirror ({@code <base>/<owner>/<name>/resolve/main/<file>}) into
 * {@code <models>/<owner>--<name>/}: resumable (a {@code .part} file continues with a Range request), with a
 * progress bar, checked against the SHA-256 the hub publishes for large files (its {@code X-Linked-Etag}), and
 * recorded in the model's manifest.
 */
public final class ModelDownloader {
    private static final Pattern SHA256 = Pattern.compile("\"?([0-9a-f]{64})\"?");
    private static final int BUFFER = 64 * 1024;

    private final Path modelsDir;
    private final HttpClient client;
    private final PrintWriter progress;
    private final Clock clock;

    public ModelDownloader(Path modelsDir, PrintWriter progress, Clock clock) {
        this.modelsDir = modelsDir;
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.progress = progress;
        this.clock = clock;
    }

    /** Downloads every file the model does not have yet (or that does not match its manifest). */
    public ModelManifest pull(String name, URI baseUrl, boolean quantized) {
        String repository = ModelLayout.repository(name);
        Path folder = modelsDir.resolve(ModelLayout.folder(name));
        Map<String, ModelManifest.FileEntry> entries = new LinkedHashMap<>(
                ModelManifest.read(folder).map(ModelManifest::files).orElse(Map.of()));
        for (String file : ModelLayout.files(quantized)) {
            Path target = folder.resolve(file);
            ModelManifest.FileEntry known = entries.get(file);
            if (known != null && Files.exists(target) && sha256(target).equals(known.sha256())) {
                progress.printf("  %-42s already there%n", file);
                continue;
            }
            URI url = URI.create(baseUrl.toString().replaceAll("/+$", "") + "/" + repository + "/resolve/main/" + file);
            entries.put(file, download(url, target, file));
            new ModelManifest(repository, baseUrl.toString(), clock.instant(), entries).write(folder);
        }
        progress.flush();
        ModelManifest manifest = new ModelManifest(repository, baseUrl.toString(), clock.instant(), entries);
        manifest.write(folder);
        return manifest;
    }

    private ModelManifest.FileEntry download(URI url, Path target, String file) {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.createDirectories(target.getParent());
            long have = Files.exists(part) ? Files.size(part) : 0;
            Hop hop = follow(url, have);
            HttpResponse<InputStream> response = hop.response();
            int status = response.statusCode();
            if (status == 404) {
                throw new ModelException(file + " is missing at " + url + " (HTTP 404)");
            }
            if (status != 200 && status != 206) {
                throw new ModelException("cannot download " + file + " from " + url + ": HTTP " + status);
            }
            boolean resumed = status == 206;
            if (resumed && !resumesAt(response, have)) {
                response.body().close();
                Files.deleteIfExists(part); // the server sent another range than asked for: start again
                throw new ModelException("download of " + file + " interrupted (the server resumed at another "
                        + "offset); run the command again to start it afresh");
            }
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            long total = (resumed ? have : 0) + length;
            long received;
            try (InputStream in = response.body();
                    OutputStream out = Files.newOutputStream(
                            part,
                            StandardOpenOption.CREATE,
                            resumed ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
                received = copy(in, out, file, resumed ? have : 0, total);
            }
            if (length >= 0 && received != length) {
                throw new ModelException("download of " + file + " interrupted (" + received + " of " + length
                        + " bytes); run the command again to resume");
            }
            long expectedSize = hop.linkedSize();
            long actualSize = Files.size(part);
            if (expectedSize >= 0 && actualSize != expectedSize) {
                Files.deleteIfExists(part);
                throw new ModelException(file + ": size mismatch (expected " + expectedSize + " bytes, got "
                        + actualSize + "); the download was discarded");
            }
            String sha = sha256(part);
            Optional<String> published = hop.linkedSha();
            if (published.isPresent() && !published.get().equals(sha)) {
                Files.deleteIfExists(part);
                throw new ModelException(file + ": checksum mismatch (expected " + published.get() + ", got " + sha
                        + "); the download was discarded");
            }
            long size = Files.size(part);
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            progress.printf("%n");
            return new ModelManifest.FileEntry(size, sha);
        } catch (ConnectException | UnresolvedAddressException e) {
            throw new ModelException(
                    "cannot reach " + url.getHost() + " (" + e.getClass().getSimpleName() + ")", e);
        } catch (IOException e) {
            if (e.getCause() instanceof UnresolvedAddressException || e.getCause() instanceof UnknownHostException) {
                throw new ModelException("cannot reach " + url.getHost() + " (unknown host)", e);
            }
            String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new ModelException(
                    "download of " + file + " interrupted (" + why + "); run the command " + "again to resume", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException("download of " + file + " interrupted", e);
        }
    }

    /** The final response and what the hub said about the file on the way (it says it on the redirect). */
    private record Hop(HttpResponse<InputStream> response, Optional<String> linkedSha, long linkedSize) {}

    private static final int MAX_REDIRECTS = 5;

    /**
     * Follows redirects by hand: Hugging Face puts the file's SHA-256 and size ({@code X-Linked-Etag},
     * {@code X-Linked-Size}) on its 302 to the storage host, not on the file's own response.
     */
    private Hop follow(URI url, long have) throws IOException, InterruptedException {
        Optional<String> sha = Optional.empty();
        long size = -1;
        URI current = url;
        for (int hop = 0; ; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(current)
                    .timeout(Duration.ofMinutes(30))
                    .header("User-Agent", "Feedwerk/0.1 (model download)");
            if (have > 0) {
                request.header("Range", "bytes=" + have + "-");
            }
            HttpResponse<InputStream> response =
                    client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (sha.isEmpty()) {
                sha = publishedSha(response);
            }
            if (size < 0) {
                size = response.headers().firstValueAsLong("X-Linked-Size").orElse(-1);
            }
            int status = response.statusCode();
            Optional<String> location = response.headers().firstValue("Location");
            if (status / 100 != 3 || location.isEmpty()) {
                return new Hop(response, sha, size);
            }
            response.body().close();
            if (hop >= MAX_REDIRECTS) {
                throw new ModelException("too many redirects downloading " + url);
            }
            current = current.resolve(location.get());
        }
    }

    /** A 206 must continue exactly where the part file ends: {@code Content-Range: bytes HAVE-…/…}. */
    private static boolean resumesAt(HttpResponse<?> response, long have) {
        return response.headers()
                .firstValue("Content-Range")
                .map(range -> range.trim().toLowerCase(Locale.ROOT).startsWith("bytes " + have + "-"))
                .orElse(false);
    }

    private long copy(InputStream in, OutputStream out, String file, long start, long total) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long done = start;
        long lastShown = -1;
        for (int read; (read = in.read(buffer)) >= 0; ) {
            out.write(buffer, 0, read);
            done += read;
            long percent = total > 0 ? done * 100 / total : -1;
            if (percent != lastShown) {
                progress.print(bar(file, done, total));
                progress.flush();
                lastShown = percent;
            }
        }
        return done - start;
    }

    static String bar(String file, long done, long total) {
        if (total <= 0) {
            return String.format(Locale.ROOT, "\r  %-42s %8.1f MB", file, done / 1e6);
        }
        int width = 30;
        int filled = (int) (width * done / total);
        return String.format(
                Locale.ROOT,
                "\r  %-42s [%s%s] %3d%% %.1f/%.1f MB",
                file,
                "#".repeat(filled),
                " ".repeat(width - filled),
                done * 100 / total,
                done / 1e6,
                total / 1e6);
    }

    /** Hugging Face answers large (LFS) files with their SHA-256 as X-Linked-Etag. */
    private static Optional<String> publishedSha(HttpResponse<?> response) {
        return response.headers()
                .firstValue("X-Linked-Etag")
                .map(value -> SHA256.matcher(value.toLowerCase(Locale.ROOT)))
                .filter(Matcher::matches)
                .map(matcher -> matcher.group(1));
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[BUFFER];
            for (int read; (read = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new ModelException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
