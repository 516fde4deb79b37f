package org.feedwerk.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The models in the models folder, and the check that a model's files are still exactly what was downloaded. */
public final class InstalledModels {
    private final Path modelsDir;

    public InstalledModels(Path modelsDir) {
        this.modelsDir = modelsDir;
    }

    public List<ModelManifest> list() {
        if (!Files.isDirectory(modelsDir)) {
            return List.of();
        }
        List<ModelManifest> manifests = new ArrayList<>();
        try (Stream<Path> folders = Files.list(modelsDir)) {
            folders.sorted().forEach(folder -> ModelManifest.read(folder).ifPresent(manifests::add));
        } catch (IOException e) {
            throw new ModelException("cannot list " + modelsDir + ": " + e.getMessage(), e);
        }
        return manifests;
    }

    /** The model's folder after checking every file against the manifest; a tampered or partial model is refused. */
    public Path verified(String name) {
        Path folder = modelsDir.resolve(ModelLayout.folder(name));
        ModelManifest manifest = ModelManifest.read(folder).orElseThrow(() -> new ModelException("model " + name
                + " is not installed in " + modelsDir + "; run: feedwerk models pull " + name));
        for (Map.Entry<String, ModelManifest.FileEntry> entry : manifest.files().entrySet()) {
            Path file = folder.resolve(entry.getKey());
            if (!Files.exists(file)) {
                throw new ModelException("model " + name + ": " + entry.getKey() + " is missing; run: feedwerk models "
                        + "pull " + name);
            }
            if (!ModelDownloader.sha256(file).equals(entry.getValue().sha256())) {
                throw new ModelException("model " + name + ": " + entry.getKey() + " does not match its recorded "
                        + "SHA-256; run: feedwerk models pull " + name);
            }
        }
        return folder;
    }
}
