-- text_band is a lookup index derived from revision.text_signature, written in the same transaction as its revision
-- and deleted by age; its foreign key to article was checked once per band row, 32 times per revision, and was
-- two thirds of the time PostgreSQL took to store a large document's band keys (bench/RESULTS.md, issue 15).
-- SQLite cannot drop a constraint, so the table is rebuilt (the same statements on both databases).
CREATE TABLE text_band_keys (
    article_id VARCHAR(32) NOT NULL,
    revision   INTEGER NOT NULL,
    band       INTEGER NOT NULL,
    band_key   BIGINT NOT NULL
);
INSERT INTO text_band_keys (article_id, revision, band, band_key)
    SELECT article_id, revision, band, band_key FROM text_band;
DROP TABLE text_band;
ALTER TABLE text_band_keys RENAME TO text_band;
CREATE INDEX text_band_key ON text_band (band_key, band);
