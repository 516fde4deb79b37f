-- Wire formats: embargo time, correction signal and per-item rights of a revision.
ALTER TABLE revision ADD COLUMN embargoed BIGINT;
ALTER TABLE revision ADD COLUMN correction INTEGER NOT NULL DEFAULT 0;
ALTER TABLE revision ADD COLUMN rights TEXT;
