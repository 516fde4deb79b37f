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

    public Report verify() {
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
