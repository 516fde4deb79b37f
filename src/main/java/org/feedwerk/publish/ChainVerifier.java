package org.feedwerk.publish;

import java.util.ArrayList;
import java.util.List;

/**
 * Recomputes every hash of the publication chain and the audit log: each entry's content hash from its stored
 * content, each entry hash from position, previous hash and content hash, each link to the previous entry, and
 * the recorded chain heads. Any row changed directly in the database shows up as a mismatch.
 */
public final class ChainVerifier {
    /** What was checked and what did not match. */
    public record Report(int publications, int auditEntries, List<String> problems) {
        public boolean isIntact() {
            return problems.isEmpty();
        }
    }

    private final PublicationStore store;

    public ChainVerifier(PublicationStore store) {
        this.store = store;
    }

    /**
     * A chain entry someone recorded outside Feedwerk (from an article page or {@code /pruefkette.json}): the
     * entry at {@code position} of {@code chain} ({@code publication} or {@code audit}) must still have this hash.
     * Recomputing the chain proves it is consistent; an anchor proves it was not rewritten as a whole.
     */
    public record Anchor(String chain, long position, String sha256) {
        /** Parses {@code [audit:|publication:]POSITION:SHA256}. */
        public static Anchor parse(String text) {
            String[] parts = text.strip().split(":");
            boolean named = parts.length == 3;
            if (parts.length < 2 || parts.length > 3 || named && !parts[0].matches("publication|audit")
                    || !parts[parts.length - 2].matches("[1-9][0-9]{0,18}")
                    || !parts[parts.length - 1].matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("an anchor looks like 42:<64 hex digits> or audit:42:<64 hex "
                        + "digits>, not '" + text + "'");
            }
            return new Anchor(named ? parts[0] : "publication", Long.parseLong(parts[parts.length - 2]),
                    parts[parts.length - 1].toLowerCase(java.util.Locale.ROOT));
        }
    }

    public Report verify() {
        return verify(List.of());
    }

    public Report verify(List<Anchor> anchors) {
        List<String> problems = new ArrayList<>();
        List<Publication> chain = store.listChain();
        String previous = Hashes.GENESIS;
        long expectedPosition = 1;
        for (Publication publication : chain) {
            String where = "publication " + publication.position();
            if (publication.position() != expectedPosition) {
                problems.add(where + ": expected position " + expectedPosition + " (an entry is missing)");
            }
            if (!Hashes.sha256(publication.contentJson()).equals(publication.contentSha256())) {
                problems.add(where + ": content does not match its SHA-256 (published text was changed)");
            }
            if (publication.content() == null) {
                problems.add(where + ": content is not readable");
            }
            if (!publication.previousSha256().equals(previous)) {
                problems.add(where + ": does not link to the previous entry");
            }
            if (!Hashes.entry(publication.position(), publication.previousSha256(), publication.contentSha256())
                    .equals(publication.entrySha256())) {
                problems.add(where + ": entry hash does not match");
            }
            previous = publication.entrySha256();
            expectedPosition = publication.position() + 1;
        }
        checkHead("publication", chain.size(), previous, problems);
        List<AuditEntry> audit = store.listAudit();
        verifyAudit(audit, problems);
        for (Anchor anchor : anchors) {
            java.util.Optional<String> recorded = anchor.chain().equals("audit")
                    ? audit.stream().filter(entry -> entry.position() == anchor.position()).map(AuditEntry::entrySha256)
                            .findFirst()
                    : chain.stream().filter(entry -> entry.position() == anchor.position())
                            .map(Publication::entrySha256).findFirst();
            if (recorded.isEmpty()) {
                problems.add("anchor " + anchor.chain() + " " + anchor.position() + ": no such entry (the chain was "
                        + "cut)");
            } else if (!recorded.get().equals(anchor.sha256())) {
                problems.add("anchor " + anchor.chain() + " " + anchor.position() + ": the entry's hash is "
                        + recorded.get() + ", not the recorded " + anchor.sha256() + " (the chain was rewritten)");
            }
        }
        return new Report(chain.size(), audit.size(), problems);
    }

    private void verifyAudit(List<AuditEntry> audit, List<String> problems) {
        String previous = Hashes.GENESIS;
        long expectedPosition = 1;
        for (AuditEntry entry : audit) {
            String where = "audit entry " + entry.position();
            if (entry.position() != expectedPosition) {
                problems.add(where + ": expected position " + expectedPosition + " (an entry is missing)");
            }
            if (!entry.previousSha256().equals(previous)) {
                problems.add(where + ": does not link to the previous entry");
            }
            String contentSha = Hashes.sha256(AuditEntry.canonical(entry.at(), entry.action(), entry.subject(),
                    entry.detail()));
            if (!Hashes.entry(entry.position(), entry.previousSha256(), contentSha).equals(entry.entrySha256())) {
                problems.add(where + ": entry does not match its hash (the log was changed)");
            }
            previous = entry.entrySha256();
            expectedPosition = entry.position() + 1;
        }
        checkHead("audit", audit.size(), previous, problems);
    }

    private void checkHead(String chain, int entries, String lastSha, List<String> problems) {
        PublicationStore.ChainHead head = store.findHead(chain);
        if (head.position() != entries || !head.lastSha256().equals(lastSha)) {
            problems.add(chain + " chain: recorded head (" + head.position() + " entries) does not match the "
                    + entries + " entries found (entries removed or appended outside Feedwerk)");
        }
    }
}
