-- Translation stage: the work queue lives on the article (claims with a lease), translations per revision,
-- language and engine, and the segment-level translation memory.

ALTER TABLE article ADD COLUMN claimed_at BIGINT;
ALTER TABLE article ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
CREATE INDEX article_by_queue ON article (status, retry_at);

CREATE TABLE translation (
    article_id      VARCHAR(32) NOT NULL REFERENCES article (id),
    revision        INTEGER NOT NULL,
    language        VARCHAR(16) NOT NULL,
    engine          VARCHAR(64) NOT NULL,
    source_language VARCHAR(16) NOT NULL,
    status          VARCHAR(16) NOT NULL,
    headline        TEXT NOT NULL,
    teaser          TEXT,
    body_html       TEXT NOT NULL,
    chars_sent      BIGINT NOT NULL,
    chars_reused    BIGINT NOT NULL,
    billed          BIGINT NOT NULL,
    translated_at   BIGINT NOT NULL,
    PRIMARY KEY (article_id, revision, language, engine)
);

CREATE TABLE translation_memory (
    segment_key     VARCHAR(64) PRIMARY KEY,
    engine          VARCHAR(64) NOT NULL,
    source_language VARCHAR(16) NOT NULL,
    target_language VARCHAR(16) NOT NULL,
    source_text     TEXT NOT NULL,
    target_text     TEXT NOT NULL,
    created_at      BIGINT NOT NULL
);
