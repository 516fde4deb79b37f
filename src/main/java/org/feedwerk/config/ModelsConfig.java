package org.feedwerk.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where offline translation models live and where they are downloaded from: {@code dir} (default
 * {@code dataDir/models}), {@code baseUrl} (a Hugging Face hub or a mirror with the same layout) and whether a
 * missing model may be pulled on first use.
 */
public record ModelsConfig(Path dir, URI baseUrl, Boolean autoPull) {
    public ModelsConfig {
        baseUrl = baseUrl == null ? URI.create("https://huggingface.co") : baseUrl;
        autoPull = autoPull == null || autoPull;
    }

    static ModelsConfig defaults() {
        return new ModelsConfig(null, null, null);
    }

    public Optional<Path> findDir() {
        return Optional.ofNullable(dir);
    }

    /** The models folder: the configured one, or {@code models} under the data directory. */
    public Path directory(Path dataDir) {
        return dir != null ? dir : dataDir.resolve("models");
    }
}
