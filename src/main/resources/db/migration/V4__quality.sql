-- Post-edit and quality gate: the rules applied and the QA report (JSON) on every translation, and one row per
-- failed check for statistics per engine.

ALTER TABLE translation ADD COLUMN post_edits TEXT NOT NULL DEFAULT '[]';
ALTER TABLE translation ADD COLUMN qa TEXT;

CREATE TABLE qa_failure (
    article_id VARCHAR(32) NOT NULL,
    revision   INTEGER NOT NULL,
    language   VARCHAR(16) NOT NULL,
    engine     VARCHAR(64) NOT NULL,
    check_name VARCHAR(32) NOT NULL,
    failed_at  BIGINT NOT NULL,
    PRIMARY KEY (article_id, revision, language, engine, check_name)
);
