package org.feedwerk.publish;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 and the chain rule shared by publications and the audit log. */
public final class Hashes {
    public static final String GENESIS = "0".repeat(64);

    private Hashes() {}

    public static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The hash of a chain entry: its position, the previous entry's hash and the hash of its own content. */
    public static String entry(long position, String previousSha256, String contentSha256) {
        return sha256(position + "\n" + previousSha256 + "\n" + contentSha256);
    }
}
