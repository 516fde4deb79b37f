-- NewsML-G2 slugline and urgency of a revision, and packageItem groupings of articles.
ALTER TABLE revision ADD COLUMN slugline TEXT;
ALTER TABLE revision ADD COLUMN urgency INTEGER;

CREATE TABLE package_member (
    source_id    VARCHAR(64) NOT NULL,
    package_guid TEXT NOT NULL,
    position     INTEGER NOT NULL,
    item_guid    TEXT NOT NULL,
    headline     TEXT,
    PRIMARY KEY (source_id, package_guid, item_guid)
);
CREATE INDEX package_member_by_item ON package_member (source_id, item_guid);
