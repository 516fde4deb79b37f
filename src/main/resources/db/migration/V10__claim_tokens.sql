-- Each claim of an article by a translation worker carries a token: only the worker holding the current claim may
-- renew or finish it (a worker that outlived its lease is fenced out).
ALTER TABLE article ADD COLUMN claim_token TEXT;
