-- Staff sign-in: second factor, recovery codes, server-side sessions, throttling, audit log.

-- Base32 TOTP secret once the second factor is set up; NULL before.
ALTER TABLE users ADD COLUMN totp_secret TEXT;
-- Raised by "sign out everywhere" and password changes; every session of the account ends.
ALTER TABLE users ADD COLUMN session_epoch INTEGER NOT NULL DEFAULT 0;
-- The last TOTP time step accepted, so a code cannot be used twice (RFC 6238, 5.2).
ALTER TABLE users ADD COLUMN totp_last_step INTEGER NOT NULL DEFAULT 0;

-- One-time codes for when the authenticator is lost; only SHA-256 hashes are kept.
CREATE TABLE recovery_codes (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at INTEGER,
    PRIMARY KEY (user_id, code_hash)
);

-- Sessions of tower-sessions, shared by every instance behind the load balancer.
CREATE TABLE staff_sessions (
    id TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX staff_sessions_expires ON staff_sessions (expires_at);

-- Failed sign-ins per account ('account:<email>') and per address ('ip:<addr>'), for back-off.
CREATE TABLE sign_in_failures (
    key TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    last_failure_at INTEGER NOT NULL
);

-- Every staff action and sign-in event. Append-only: the triggers refuse changes and deletes.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    summary TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_actor ON audit_log (actor);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
