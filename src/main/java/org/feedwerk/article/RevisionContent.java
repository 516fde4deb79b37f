package org.feedwerk.article;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.feedwerk.parse.ItemImage;
import org.feedwerk.parse.PubStatus;

/**
 * The normalized content of one revision: plain-text headline and teaser, sanitized body HTML and metadata.
 * {@link #contentHash()} covers what a reader sees, not the source's timestamps, so a feed that only re-stamps
 * its dates makes no new revision. {@code headlineDerived} marks a headline taken from the start of the text,
 * for items that carry none.
 */
@RecordBuilder
public record RevisionContent(
        String headline,
        String teaser,
        String bodyHtml,
        String byline,
        String dateline,
        String language,
        Instant sourcePublished,
        Instant sourceUpdated,
        Long sourceVersion,
        PubStatus pubStatus,
        List<String> subjects,
        List<ItemImage> images,
        Instant embargoed,
        boolean correction,
        String rights,
        String slugline,
        Integer urgency,
        boolean headlineDerived) {

    private static final char FIELD = '\u001f';
    private static final char ELEMENT = '\u001e';

    public RevisionContent {
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        images = images == null ? List.of() : List.copyOf(images);
        pubStatus = pubStatus == null ? PubStatus.USABLE : pubStatus;
    }

    public String contentHash() {
        StringBuilder canonical = new StringBuilder();
        for (String field : new String[] {headline, teaser, bodyHtml, byline, dateline, pubStatus.name()}) {
            canonical.append(field == null ? "" : field).append(FIELD);
        }
        subjects.forEach(subject -> canonical.append(subject).append(ELEMENT));
        canonical.append(FIELD);
        images.forEach(image -> canonical
                .append(image.url())
                .append(' ')
                .append(image.caption() == null ? "" : image.caption())
                .append(ELEMENT));
        // Wire fields only enter the hash when present, so feeds without them keep their hashes.
        if (embargoed != null) {
            canonical.append(FIELD).append("embargoed=").append(embargoed);
        }
        if (correction) {
            canonical.append(FIELD).append("correction");
        }
        if (rights != null) {
            canonical.append(FIELD).append("rights=").append(rights);
        }
        if (slugline != null) {
            canonical.append(FIELD).append("slugline=").append(slugline);
        }
        if (headlineDerived) {
            canonical.append(FIELD).append("headline-derived");
        }
        return sha256Hex(canonical.toString());
    }

    static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * Built by name: eighteen positional fields, most of them often empty,
     * invite swapped arguments. Unset fields stay empty (null, an empty list, {@code usable}, false); the builder is
     * generated at compile time (record-builder).
     */
    public static RevisionContentBuilder builder() {
        return RevisionContentBuilder.builder();
    }
}
