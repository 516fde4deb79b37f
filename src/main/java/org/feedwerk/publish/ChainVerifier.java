package org.feedwerk.publish;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
            if (parts.length < 2
                    || parts.length > 3
                    || named && !parts[0].matches("publication|audit")
                    || !parts[parts.length - 2].matches("[1-9][0-9]{0,18}")
                    || !parts[parts.length - 1].matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException(
                        "an anchor looks like 42:<64 hex digits> or audit:42:<64 hex " + "digits>, not '" + text + "'");
            }
            return new Anchor(
                    named ? parts[0] : "publication",
                    Long.parseLong(parts[parts.length - 2]),
                    parts[parts.length - 1].toLowerCase(Locale.ROOT));
        }
    }

    public Report verify() {
        return verify(List.of());
    }

    public Report verify(List<Anchor> anchors) {
        List<String> problems = new ArrayList<>();
        List<Publication> chain = store.listChain();
        List<Link> publications = new ArrayList<>();
        for (Publication publication : chain) {
            List<String> contentProblems = new ArrayList<>();
            if (!Hashes.sha256(publication.contentJson()).equals(publication.contentSha256())) {
                contentProblems.add("content does not match its SHA-256 (published text was changed)");
            }
            if (publication.content() == null) {
                contentProblems.add("content is not readable");
            } else if (!Publication.Columns.of(publication.content()).equals(publication.columns())) {
                contentProblems.add("columns " + publication.columns() + " do not match the published content's "
                        + Publication.Columns.of(publication.content()) + " (the row was changed)");
            }
            publications.add(new Link(
                    publication.position(),
                    publication.previousSha256(),
                    Hashes.entry(publication.position(), publication.previousSha256(), publication.contentSha256()),
                    publication.entrySha256(),
                    contentProblems));
        }
        verifyLinks("publication", publications, "entry hash does not match", problems);
        List<AuditEntry> audit = store.listAudit();
        List<Link> auditLinks = audit.stream()
                .map(entry -> new Link(
                        entry.position(),
                        entry.previousSha256(),
                        Hashes.entry(
                                entry.position(),
                                entry.previousSha256(),
                                Hashes.sha256(AuditEntry.canonical(
                                        entry.at(), entry.action(), entry.subject(), entry.detail()))),
                        entry.entrySha256(),
                        List.of()))
                .toList();
        verifyLinks("audit", auditLinks, "entry does not match its hash (the log was changed)", problems);
        verifyWithdrawals(audit, problems);
        for (Anchor anchor : anchors) {
            Optional<String> recorded = (anchor.chain().equals("audit") ? auditLinks : publications)
                    .stream()
                            .filter(link -> link.position() == anchor.position())
                            .map(Link::entrySha256)
                            .findFirst();
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

    /**
     * The withdrawal rows decide which articles the site hides; each must have its audit entry (same article,
     * actor and reason) and each withdrawal in the audit log its row.
     */
    private void verifyWithdrawals(List<AuditEntry> audit, List<String> problems) {
        Map<String, String> audited = new HashMap<>();
        for (AuditEntry entry : audit) {
            if (entry.action().equals(Publisher.WITHDRAW_ACTION)) {
                audited.put(entry.subject(), entry.detail());
            }
        }
        Set<String> rows = new HashSet<>();
        for (Withdrawal withdrawal : store.listWithdrawals()) {
            rows.add(withdrawal.articleId());
            String detail = audited.get(withdrawal.articleId());
            if (detail == null) {
                problems.add("withdrawal of " + withdrawal.articleId() + ": no audit entry (added outside Feedwerk)");
            } else if (!detail.equals(Publisher.withdrawalDetail(withdrawal.actor(), withdrawal.reason()))) {
                problems.add("withdrawal of " + withdrawal.articleId() + ": actor or reason differ from its audit "
                        + "entry (the row was changed)");
            }
        }
        audited.keySet().stream()
                .filter(articleId -> !rows.contains(articleId))
                .sorted()
                .forEach(articleId -> problems.add("withdrawal of " + articleId
                        + " is in the audit log but its row is missing (the " + "article may be shown again)"));
    }

    /** One chain entry as stored, with its entry hash recomputed and what is wrong with its content. */
    private record Link(
            long position,
            String previousSha256,
            String recomputedEntrySha256,
            String entrySha256,
            List<String> contentProblems) {}

    /** Positions without gaps, each entry linked to the one before and matching its hash, and the recorded head. */
    private void verifyLinks(String chain, List<Link> links, String entryMismatch, List<String> problems) {
        String label = chain.equals("audit") ? "audit entry " : "publication ";
        String previous = Hashes.GENESIS;
        long expectedPosition = 1;
        for (Link link : links) {
            String where = label + link.position();
            if (link.position() != expectedPosition) {
                problems.add(where + ": expected position " + expectedPosition + " (an entry is missing)");
            }
            link.contentProblems().forEach(problem -> problems.add(where + ": " + problem));
            if (!link.previousSha256().equals(previous)) {
                problems.add(where + ": does not link to the previous entry");
            }
            if (!link.recomputedEntrySha256().equals(link.entrySha256())) {
                problems.add(where + ": " + entryMismatch);
            }
            previous = link.entrySha256();
            expectedPosition = link.position() + 1;
        }
        checkHead(chain, links.size(), previous, problems);
    }

    private void checkHead(String chain, int entries, String lastSha, List<String> problems) {
        PublicationStore.ChainHead head = store.findHead(chain);
        if (head.position() != entries || !head.lastSha256().equals(lastSha)) {
            problems.add(chain + " chain: recorded head (" + head.position() + " entries) does not match the " + entries
                    + " entries found (entries removed or appended outside Feedwerk)");
        }
    }
}
