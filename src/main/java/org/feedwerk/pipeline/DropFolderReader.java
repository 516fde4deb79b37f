package org.feedwerk.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.feedwerk.article.IngestCounts;
import org.feedwerk.config.SourceConfig;
import org.feedwerk.parse.ParseException;
import org.feedwerk.parse.Payload;
import org.feedwerk.source.DropFolder;
import org.feedwerk.source.DroppedFile;
import org.feedwerk.source.SourceState;
import org.feedwerk.source.SourceStateStore;
import org.feedwerk.store.PayloadArchive;
import org.feedwerk.store.StoreException;

/**
 * The drop-folder half of {@link SourceRunner}: every ready file not processed before (same name and hash) is
 * parsed and stored; a file that fails is remembered with its reason and reported by name, and is tried again
 * only when it changes. Other files go on.
 */
public final class DropFolderReader {
    private final DropFolder dropFolder;
    private final DocumentIngestor documents;
    private final SourceStateStore states;
    private final SourceStateRecorder recorder;
    private final Duration settle;
    private final long maxFileBytes;
    private final Clock clock;

    public DropFolderReader(
            DropFolder dropFolder,
            DocumentIngestor documents,
            SourceStateStore states,
            SourceStateRecorder recorder,
            Duration settle,
            long maxFileBytes,
            Clock clock) {
        this.maxFileBytes = maxFileBytes;
        this.dropFolder = dropFolder;
        this.documents = documents;
        this.states = states;
        this.recorder = recorder;
        this.settle = settle;
        this.clock = clock;
    }

    SourceRunReport read(SourceConfig source, SourceState state, Instant started) {
        List<DropFolder.ReadyFile> files;
        try {
            files = dropFolder.findReadyFiles(source.findDir().orElseThrow(), settle, started);
        } catch (IOException e) {
            recorder.fail(source, state, e.getMessage(), null);
            return new SourceRunReport(source.id(), IngestCounts.NONE, false, e.getMessage());
        }
        IngestCounts total = IngestCounts.NONE;
        List<String> errors = new ArrayList<>();
        int processed = 0;
        for (DropFolder.ReadyFile file : files) {
            Optional<DroppedFile> known = states.findDroppedFile(source.id(), file.name());
            if (known.isPresent()
                    && known.get().size() == file.size()
                    && known.get().modified().equals(file.modified())) {
                continue;
            }
            processed++;
            try {
                total = total.plus(readFile(source, file, known));
            } catch (FileFailure failure) {
                errors.add(file.name() + ": " + failure.getMessage());
            }
        }
        if (processed > 0) {
            state = state.withLastSkipped(total.skipSummary());
        }
        if (errors.isEmpty()) {
            recorder.succeed(source, state, null, null, null);
            return new SourceRunReport(source.id(), total, processed == 0, null);
        }
        String error = errors.size() + " file(s) failed: " + String.join("; ", errors);
        recorder.succeedWithErrors(source, state, error);
        return new SourceRunReport(source.id(), total, false, error);
    }

    private IngestCounts readFile(SourceConfig source, DropFolder.ReadyFile file, Optional<DroppedFile> known) {
        if (file.symbolicLink()) {
            throw setAside(
                    source,
                    file,
                    "link:" + file.name(),
                    clock.instant(),
                    "a symbolic link; links are not followed out of the drop folder");
        }
        if (file.size() > maxFileBytes) {
            throw tooLarge(source, file, file.size());
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file.path(), LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileBytes + 1));
        } catch (IOException e) {
            throw new FileFailure("cannot read: " + e.getMessage());
        }
        if (bytes.length > maxFileBytes) {
            throw tooLarge(source, file, bytes.length); // it grew while being read
        }
        if (bytes.length != file.size()) {
            return IngestCounts.NONE; // grew or shrank since it was listed: still being written, next scan
        }
        String hash = PayloadArchive.sha256(bytes);
        Instant now = clock.instant();
        if (known.isPresent() && known.get().sha256().equals(hash)) {
            states.saveDroppedFile(new DroppedFile(
                    source.id(),
                    file.name(),
                    file.size(),
                    file.modified(),
                    hash,
                    known.get().error(),
                    known.get().processedAt()));
            return IngestCounts.NONE;
        }
        try {
            IngestCounts counts = documents
                    .ingest(source, new Payload(bytes, null, file.name()), now)
                    .counts();
            states.saveDroppedFile(
                    new DroppedFile(source.id(), file.name(), file.size(), file.modified(), hash, null, now));
            return counts;
        } catch (ParseException e) {
            // Remembered with its reason: a malformed document is set aside until it changes. Store errors are
            // not caught here; they fail the whole run so that the file is read again after the backoff.
            throw setAside(source, file, hash, now, e.getMessage());
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // Whatever else one hostile file does to a parser, it must not jam the files dropped after it.
            throw setAside(source, file, hash, now, "unreadable (" + SourceRunner.describe(e) + ")");
        }
    }

    private FileFailure tooLarge(SourceConfig source, DropFolder.ReadyFile file, long size) {
        return setAside(
                source,
                file,
                "size:" + size,
                clock.instant(),
                "larger than the limit of " + maxFileBytes + " bytes (fetch.maxBodyBytes)");
    }

    private FileFailure setAside(
            SourceConfig source, DropFolder.ReadyFile file, String hash, Instant now, String reason) {
        states.saveDroppedFile(
                new DroppedFile(source.id(), file.name(), file.size(), file.modified(), hash, reason, now));
        return new FileFailure(reason);
    }

    /** One file of the folder failed; the others go on. */
    private static final class FileFailure extends RuntimeException {
        FileFailure(String message) {
            super(message, null, false, false);
        }
    }
}
