package org.feedwerk.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DropFolderTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @TempDir
    Path dir;

    private void file(String name, Instant modified) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, "<rss/>");
        Files.setLastModifiedTime(path, FileTime.from(modified));
    }

    @Test
    void listsSettledFilesOldestFirstAndLeavesOthers() throws IOException {
        file("b.xml", NOW.minusSeconds(60));
        file("a.xml", NOW.minusSeconds(120));
        file("writing.xml", NOW.minusMillis(500));
        file("upload.xml.part", NOW.minusSeconds(600));
        file(".hidden.xml", NOW.minusSeconds(600));
        Files.createDirectory(dir.resolve("sub"));

        var ready = new DropFolder().findReadyFiles(dir, Duration.ofSeconds(2), NOW);

        assertThat(ready).extracting(DropFolder.ReadyFile::name).containsExactly("a.xml", "b.xml");
    }

    @Test
    void missingFolderIsAnError() {
        assertThatThrownBy(() -> new DropFolder().findReadyFiles(dir.resolve("nope"), Duration.ZERO, NOW))
                .hasMessageContaining("drop folder does not exist");
    }
}
