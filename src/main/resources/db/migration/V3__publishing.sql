-- Publishing: append-only publications in one hash chain, withdrawals, and a hash-chained audit log.
-- chain_head holds the last position and hash of each chain, so appends serialize and truncation is detectable.

CREATE TABLE publication (
    position        BIGINT PRIMARY KEY,
    article_id      VARCHAR(32) NOT NULL REFERENCES article (id),
    language        VARCHAR(16) NOT NULL,
    sequence        INTEGER NOT NULL,
    revision        INTEGER NOT NULL,
    engine          VARCHAR(64) NOT NULL,
    content         TEXT NOT NULL,
    content_sha256  VARCHAR(64) NOT NULL,
    previous_sha256 VARCHAR(64) NOT NULL,
    entry_sha256    VARCHAR(64) NOT NULL,
    published_at    BIGINT NOT NULL,
    UNIQUE (article_id, language, sequence)
);
CREATE INDEX publication_by_time ON publication (published_at);

CREATE TABLE withdrawal (
    article_id   VARCHAR(32) PRIMARY KEY REFERENCES article (id),
    reason       TEXT NOT NULL,
    actor        TEXT NOT NULL,
    withdrawn_at BIGINT NOT NULL
);

CREATE TABLE audit_log (
    position        BIGINT PRIMARY KEY,
    at              BIGINT NOT NULL,
    action          VARCHAR(32) NOT NULL,
    subject         TEXT NOT NULL,
    detail          TEXT NOT NULL,
    previous_sha256 VARCHAR(64) NOT NULL,
    entry_sha256    VARCHAR(64) NOT NULL
);

CREATE TABLE chain_head (
    chain       VARCHAR(16) PRIMARY KEY,
    position    BIGINT NOT NULL,
    last_sha256 VARCHAR(64) NOT NULL
);
INSERT INTO chain_head (chain, position, last_sha256)
    VALUES ('publication', 0, '0000000000000000000000000000000000000000000000000000000000000000');
INSERT INTO chain_head (chain, position, last_sha256)
    VALUES ('audit', 0, '0000000000000000000000000000000000000000000000000000000000000000');
