-- Times are epoch milliseconds (BIGINT) so that both SQLite and PostgreSQL sort and compare them the same way.

CREATE TABLE source_state (
    source_id     VARCHAR(64) PRIMARY KEY,
    etag          TEXT,
    last_modified TEXT,
    body_hash     VARCHAR(64),
    last_attempt  BIGINT,
    last_success  BIGINT,
    last_error    TEXT,
    last_error_at BIGINT,
    failures      INTEGER NOT NULL DEFAULT 0,
    next_fetch    BIGINT NOT NULL DEFAULT 0,
    paused        INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE dropped_file (
    source_id    VARCHAR(64) NOT NULL,
    name         TEXT NOT NULL,
    size         BIGINT NOT NULL,
    modified     BIGINT NOT NULL,
    sha256       VARCHAR(64) NOT NULL,
    error        TEXT,
    processed_at BIGINT NOT NULL,
    PRIMARY KEY (source_id, name)
);

CREATE TABLE payload (
    hash         VARCHAR(64) PRIMARY KEY,
    source_id    VARCHAR(64) NOT NULL,
    origin       TEXT NOT NULL,
    content_type TEXT,
    size         BIGINT NOT NULL,
    fetched_at   BIGINT NOT NULL
);

CREATE TABLE article (
    id               VARCHAR(32) PRIMARY KEY,
    source_id        VARCHAR(64) NOT NULL,
    guid             TEXT,
    link             TEXT,
    cluster_id       VARCHAR(32) NOT NULL,
    headline         TEXT NOT NULL,
    status           VARCHAR(16) NOT NULL,
    status_reason    TEXT,
    retry_at         BIGINT,
    current_revision INTEGER NOT NULL,
    language         VARCHAR(16),
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL
);
CREATE INDEX article_by_update ON article (updated_at);
CREATE INDEX article_by_status ON article (status, updated_at);
CREATE INDEX article_by_source ON article (source_id, updated_at);

CREATE TABLE revision (
    article_id       VARCHAR(32) NOT NULL REFERENCES article (id),
    number           INTEGER NOT NULL,
    content_hash     VARCHAR(64) NOT NULL,
    headline         TEXT NOT NULL,
    teaser           TEXT,
    body_html        TEXT NOT NULL,
    byline           TEXT,
    dateline         TEXT,
    language         VARCHAR(16),
    source_published BIGINT,
    source_updated   BIGINT,
    source_version   BIGINT,
    pub_status       VARCHAR(16) NOT NULL,
    subjects         TEXT NOT NULL,
    images           TEXT NOT NULL,
    payload_hash     VARCHAR(64) REFERENCES payload (hash),
    created_at       BIGINT NOT NULL,
    PRIMARY KEY (article_id, number)
);
CREATE INDEX revision_by_content ON revision (content_hash);

CREATE TABLE reused_guid (
    source_id VARCHAR(64) NOT NULL,
    guid      TEXT NOT NULL,
    PRIMARY KEY (source_id, guid)
);
