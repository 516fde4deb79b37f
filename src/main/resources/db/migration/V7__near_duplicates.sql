-- Near-duplicate detection across sources: a MinHash signature of each revision's text (128 hashes, hex), and its
-- 32 band keys for lookup (texts with most word groups in common share at least one band).
ALTER TABLE revision ADD COLUMN text_signature VARCHAR(1024);
CREATE TABLE text_band (
    article_id VARCHAR(32) NOT NULL REFERENCES article (id),
    revision   INTEGER NOT NULL,
    band       INTEGER NOT NULL,
    band_key   BIGINT NOT NULL
);
CREATE INDEX text_band_key ON text_band (band_key, band);
