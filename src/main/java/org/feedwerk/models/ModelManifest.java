package org.feedwerk.models;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What was downloaded for a model: its repository, source URL, and every file's size and SHA-256, recorded at
 * download and checked before the model is used ({@code feedwerk-manifest.json} in the model folder).
 */
public record ModelManifest(String repository, String baseUrl, Instant pulledAt, Map<String, FileEntry> files) {
    static final String FILE = "feedwerk-manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .findAndRegisterModules()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** One file of the model. */
    public record FileEntry(long size, String sha256) {}

    public ModelManifest {
        files = new TreeMap<>(files);
    }

    static Optional<ModelManifest> read(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), ModelManifest.class));
        } catch (IOException e) {
            throw new ModelException("unreadable manifest " + file + ": " + e.getMessage(), e);
        }
    }

    void write(Path folder) {
        try {
            Path temporary = Files.createTempFile(folder, FILE, ".tmp");
            JSON.writeValue(temporary.toFile(), this);
            Files.move(temporary, folder.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new ModelException("cannot write the manifest in " + folder + ": " + e.getMessage(), e);
        }
    }
}
