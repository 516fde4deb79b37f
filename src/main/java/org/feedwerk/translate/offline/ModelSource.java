package org.feedwerk.translate.offline;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.feedwerk.models.InstalledModels;
import org.feedwerk.models.ModelDownloader;
import org.feedwerk.models.ModelException;
import org.feedwerk.models.ModelLayout;
import org.feedwerk.models.ProgressLog;
import org.slf4j.LoggerFactory;

/**
 * Where an offline engine's model comes from: a folder the configuration names ({@code path}), or a model name
 * under the models folder that {@code feedwerk models pull} fills — and that the engine may pull itself on first
 * use when {@code models.autoPull} is on.
 */
public sealed interface ModelSource {
    /** A short name for messages. */
    String label();

    /** The verified folder of the model, or an exception saying what is missing. */
    Path verifiedFolder(boolean quantized);

    /** Whether {@link #pull} can fetch the model. */
    boolean canPull();

    void pull(boolean quantized);

    /** What an operator runs to install the model. */
    String installHint();

    /** A folder given by the configuration; never downloaded. */
    /** Where the model's files are, or would be once downloaded. */
    Path expectedFolder();

    /** All files of the layout are there (sizes and hashes are checked only when the model is loaded). */
    default boolean looksInstalled(boolean quantized) {
        return ModelLayout.files(quantized).stream()
                .allMatch(file -> Files.isRegularFile(expectedFolder().resolve(file)));
    }

    record Folder(Path folder) implements ModelSource {
        @Override
        public Path expectedFolder() {
            return folder;
        }

        @Override
        public String label() {
            return folder.toString();
        }

        @Override
        public Path verifiedFolder(boolean quantized) {
            InstalledModels.verifyFolder(folder, quantized);
            return folder;
        }

        @Override
        public boolean canPull() {
            return false;
        }

        @Override
        public void pull(boolean quantized) {
            throw new UnsupportedOperationException("a model given by path is not downloaded");
        }

        @Override
        public String installHint() {
            return "put the model files (" + String.join(", ", ModelLayout.files(true)) + ") into " + folder;
        }
    }

    /** A named model in the models folder, e.g. {@code opus-mt-en-de} from {@code Xenova/opus-mt-en-de}. */
    record Named(String name, Path modelsDir, URI baseUrl, boolean autoPull, Clock clock) implements ModelSource {
        @Override
        public Path expectedFolder() {
            return new InstalledModels(modelsDir).folder(name);
        }

        @Override
        public String label() {
            return name;
        }

        @Override
        public Path verifiedFolder(boolean quantized) {
            Path folder = new InstalledModels(modelsDir).folder(name);
            if (!Files.isDirectory(folder)) {
                throw new ModelException("model " + name + " is not installed in " + modelsDir);
            }
            InstalledModels.verifyFolder(folder, quantized);
            return folder;
        }

        @Override
        public boolean canPull() {
            return autoPull;
        }

        @Override
        public void pull(boolean quantized) {
            new ModelDownloader(modelsDir, ProgressLog.to(LoggerFactory.getLogger(ModelSource.class)), clock)
                    .pull(name, baseUrl, quantized);
        }

        @Override
        public String installHint() {
            return "run: ./feedwerk models pull " + name
                    + (baseUrl.toString().equals("https://huggingface.co") ? "" : " --from " + baseUrl);
        }
    }
}
