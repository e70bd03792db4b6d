-- Staff sign-in: second factor, recovery codes, server-side sessions, throttling, audit log.

-- Base32 TOTP secret once the second factor is set up; NULL before.
ALTER TABLE users ADD COLUMN totp_secret TEXT;
-- Raised by "sign out everywhere" and password changes; every session of the account ends.
ALTER TABLE users ADD COLUMN session_epoch BIGINT NOT NULL DEFAULT 0;
-- The last TOTP time step accepted, so a code cannot be used twice (RFC 6238, 5.2).
ALTER TABLE users ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0;

-- One-time codes for when the authenticator is lost; only SHA-256 hashes are kept.
CREATE TABLE recovery_codes (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at BIGINT,
    PRIMARY KEY (user_id, code_hash)
);

-- Sessions of tower-sessions, shared by every instance behind the load balancer.
CREATE TABLE staff_sessions (
    id TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX staff_sessions_expires ON staff_sessions (expires_at);

-- Failed sign-ins per account ('account:<email>') and per address ('ip:<addr>'), for back-off.
CREATE TABLE sign_in_failures (
    key TEXT PRIMARY KEY,
    failures BIGINT NOT NULL,
    last_failure_at BIGINT NOT NULL
);

-- Every staff action and sign-in event. Append-only: the trigger refuses changes and deletes.
CREATE TABLE audit_log (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at BIGINT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    summary TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_actor ON audit_log (actor);

CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only';
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
