package org.feedwerk.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Reads the line files commands take, with a one-line reason instead of a stack trace when that fails. */
final class InputFiles {
    /** A file a command could not read; the message is the whole error line. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private InputFiles() {}

    static List<String> lines(Path file) throws Unreadable {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new Unreadable("no such file: " + file);
        } catch (IOException | UncheckedIOException e) {
            throw new Unreadable("cannot read " + file + ": " + e.getMessage());
        }
    }
}
