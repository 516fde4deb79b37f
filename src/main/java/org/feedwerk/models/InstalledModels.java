package org.feedwerk.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        Path folder = folder(name);
        ModelManifest manifest = ModelManifest.read(folder)
                .orElseThrow(() -> new ModelException(
                        "model " + name + " is not installed in " + modelsDir + "; run: feedwerk models pull " + name));
        check(folder, manifest, name);
        return folder;
    }

    /** Where a model lives (or would), whether or not it is installed. */
    public Path folder(String name) {
        return modelsDir.resolve(ModelLayout.folder(name));
    }

    /**
     * Checks a model folder given by path: against its manifest when it has one (it was pulled), otherwise only
     * that the files of the layout are there (a folder the operator manages).
     */
    public static void verifyFolder(Path folder, boolean quantized) {
        Optional<ModelManifest> manifest = ModelManifest.read(folder);
        if (manifest.isPresent()) {
            check(folder, manifest.get(), folder.toString());
        }
        for (String file : ModelLayout.files(quantized)) {
            if (!Files.exists(folder.resolve(file))) {
                throw new ModelException("model folder " + folder + " has no " + file);
            }
        }
    }

    private static void check(Path folder, ModelManifest manifest, String name) {
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
    }
}
