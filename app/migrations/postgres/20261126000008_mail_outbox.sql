-- Outgoing mail (issue #5): written in the same transaction as what caused it, sent later by
-- the outbox loop of any instance. A row is claimed for one sending attempt (`claim_token`,
-- `claimed_until`) so two instances never send it twice in normal operation; a failed attempt
-- moves `next_attempt_at` back (exponential back-off) and keeps the mail. Timestamps are Unix
-- seconds.

CREATE TABLE mail_outbox (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    created_at BIGINT NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    last_attempt_at BIGINT,
    last_error TEXT,
    claim_token TEXT,
    claimed_until BIGINT,
    sent_at BIGINT
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL;
CREATE INDEX mail_outbox_sent ON mail_outbox (sent_at) WHERE sent_at IS NOT NULL;
