-- Several processes on one database.
-- A source is polled by one process at a time: the holder of its lease, until the lease ends.
ALTER TABLE source_state ADD COLUMN lease_holder TEXT;
ALTER TABLE source_state ADD COLUMN lease_until BIGINT;

-- Console sessions, so that any web process behind a load balancer knows a signed-in operator. Only the SHA-256 of
-- the session id is stored: reading the table does not give a usable cookie.
CREATE TABLE console_session (
    id_sha256  VARCHAR(64) PRIMARY KEY,
    csrf_token TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    notice     TEXT
);

-- Wrong admin tokens per client address, counted across processes.
CREATE TABLE login_failure (
    client    VARCHAR(64) NOT NULL,
    failed_at BIGINT NOT NULL
);
CREATE INDEX login_failure_by_client ON login_failure (client, failed_at);
