package org.feedwerk.publish;

import java.time.Instant;

/** One entry of the hash-chained audit log: what was done, to what, with which details. */
public record AuditEntry(
        long position,
        Instant at,
        String action,
        String subject,
        String detail,
        String previousSha256,
        String entrySha256) {

    /** The text the entry's content hash covers. */
    public static String canonical(Instant at, String action, String subject, String detail) {
        return at + "\n" + action + "\n" + subject + "\n" + detail;
    }
}
