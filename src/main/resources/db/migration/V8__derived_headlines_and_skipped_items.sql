-- Items without a title get a headline from the start of their text; the revision says so.
ALTER TABLE revision ADD COLUMN headline_derived INTEGER NOT NULL DEFAULT 0;
-- Items the last document of a source skipped, and why ("2 skipped (no title and no text: 2)").
ALTER TABLE source_state ADD COLUMN last_skipped TEXT;
