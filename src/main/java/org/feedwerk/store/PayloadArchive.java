package org.feedwerk.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Raw payloads, gzip-compressed and content-addressed by the SHA-256 of their bytes under
 * {@code dataDir/archive/ab/cd/<hash>.gz}, so a document is stored once however often it is referenced and
 * items can be re-parsed later. Files are written to a temporary name and moved into place.
 */
public final class PayloadArchive {
    private final Path root;

    public PayloadArchive(Path dataDir) {
        this.root = dataDir.resolve("archive");
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Stores the bytes unless already present; returns their hash. */
    public String store(byte[] bytes) {
        String hash = sha256(bytes);
        Path target = pathOf(hash);
        if (Files.exists(target)) {
            return hash;
        }
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), hash, ".tmp");
            try (OutputStream out = new FastGzip(Files.newOutputStream(temporary))) {
                out.write(bytes);
            }
            move(temporary, target);
            return hash;
        } catch (IOException e) {
            throw new StoreException("cannot archive payload " + hash + ": " + e.getMessage(), e);
        }
    }

    public byte[] read(String hash) {
        try (var in = new GZIPInputStream(Files.newInputStream(pathOf(hash)))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new StoreException("cannot read archived payload " + hash + ": " + e.getMessage(), e);
        }
    }

    Path pathOf(String hash) {
        return root.resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash + ".gz");
    }

    private static void move(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * The fastest deflate level: a document is archived while its items are stored, and feed XML still shrinks
     * to a fraction.
     */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
