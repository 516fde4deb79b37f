package org.feedwerk.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Lists the files of a drop folder that are ready to read. A file still being written is left for a later scan:
 * it must not have been modified for the settle time (a file renamed into the folder keeps its older time and
 * is ready at once), and temporary names used by transfer tools are ignored.
 */
public final class DropFolder {
    private static final List<String> TEMPORARY_SUFFIXES =
            List.of(".tmp", ".part", ".partial", ".filepart", ".crdownload", ".swp", "~");

    /**
     * A file ready for reading, with the size and time seen when it was listed; {@code symbolicLink} files are
     * listed so that they can be reported, and never followed.
     */
    public record ReadyFile(Path path, String name, long size, Instant modified, boolean symbolicLink) {}

    public List<ReadyFile> findReadyFiles(Path dir, Duration settle, Instant now) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("drop folder does not exist or is not a directory: " + dir);
        }
        List<ReadyFile> ready = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path path : (Iterable<Path>) entries::iterator) {
                String name = path.getFileName().toString();
                if (isTemporaryName(name)) {
                    continue;
                }
                BasicFileAttributes attributes =
                        Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                // Milliseconds, as the store keeps them: a file seen before must compare equal.
                Instant modified = attributes.lastModifiedTime().toInstant().truncatedTo(ChronoUnit.MILLIS);
                boolean candidate = attributes.isRegularFile() || attributes.isSymbolicLink();
                if (candidate && !modified.isAfter(now.minus(settle))) {
                    ready.add(new ReadyFile(path, name, attributes.size(), modified, attributes.isSymbolicLink()));
                }
            }
        }
        ready.sort(Comparator.comparing(ReadyFile::modified).thenComparing(ReadyFile::name));
        return ready;
    }

    private static boolean isTemporaryName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return name.startsWith(".") || TEMPORARY_SUFFIXES.stream().anyMatch(lower::endsWith);
    }
}
