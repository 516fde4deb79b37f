package org.feedwerk.translate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Translation-memory key: SHA-256 of the normalized source segment (white space collapsed), language pair,
 * engine, glossary version and format. Equal keys mean the engine would be asked the same question again.
 */
public final class SegmentKey {
    private SegmentKey() {}

    public static String of(
            String segment,
            String sourceLanguage,
            String targetLanguage,
            String engine,
            String glossaryVersion,
            TextFormat format) {
        String canonical = String.join(
                "\n", normalize(segment), sourceLanguage, targetLanguage, engine, glossaryVersion, format.name());
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public static String normalize(String segment) {
        return segment.replaceAll("\\s+", " ").strip();
    }
}
