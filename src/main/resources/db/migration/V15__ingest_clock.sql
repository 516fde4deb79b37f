-- Duplicate decisions across concurrent ingests. Every ingest transaction first moves this one-row clock on, which
-- on PostgreSQL locks the row until it commits: transactions that store articles take their turn here, so a lookup
-- made after the move sees every article stored before it, and the clock's value orders commits. Each revision
-- records the tick of the transaction that stored it, so that a near-duplicate lookup made ahead of a transaction
-- (outside it, to overlap with the previous chunk's storing) can afterwards check just the revisions stored since.
CREATE TABLE ingest_clock (
    id   INTEGER PRIMARY KEY,
    tick BIGINT NOT NULL
);
INSERT INTO ingest_clock (id, tick) VALUES (1, 0);
ALTER TABLE revision ADD COLUMN ingest_tick BIGINT;
CREATE INDEX revision_by_ingest_tick ON revision (ingest_tick);
