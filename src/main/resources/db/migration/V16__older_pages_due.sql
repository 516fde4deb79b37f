-- Older pages of a paged feed that could not be read when the feed was followed back: read again on the source's
-- next polls, so that the stories on them are not silently missed. One line per page: attempts, a tab, address.
ALTER TABLE source_state ADD COLUMN older_pages_due TEXT;
