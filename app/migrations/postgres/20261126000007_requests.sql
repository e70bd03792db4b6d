-- Online requests (issue #5): versioned form definitions, drafts a resident can resume,
-- submitted requests with their event history, and uploaded files (kept in the database, so
-- they are never public and every instance behind a load balancer sees them).

CREATE TABLE form_versions (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    service_id BIGINT NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    number BIGINT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'in_review', 'published', 'retired')),
    definition TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    created_by TEXT NOT NULL,
    published_at BIGINT,
    published_by TEXT,
    UNIQUE (service_id, number)
);
CREATE INDEX form_versions_live ON form_versions (service_id, status);

CREATE TABLE requests (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,
    pin_hash TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    service_id BIGINT NOT NULL REFERENCES services (id),
    service_title TEXT NOT NULL,
    office_slug TEXT NOT NULL,
    form_version_id BIGINT NOT NULL REFERENCES form_versions (id),
    lang TEXT NOT NULL,
    answers TEXT NOT NULL,
    applicant_name TEXT NOT NULL,
    email TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('received', 'in_progress', 'waiting', 'completed', 'rejected', 'withdrawn')),
    assignee TEXT,
    submitted_at BIGINT NOT NULL,
    expected_day BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX requests_status ON requests (status, submitted_at);
CREATE INDEX requests_service ON requests (service_id, submitted_at);

-- Append-only history: status changes, messages both ways, internal notes.
CREATE TABLE request_events (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id BIGINT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    at BIGINT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('submitted', 'status', 'message', 'reply', 'note', 'assigned')),
    status TEXT,
    actor TEXT NOT NULL,
    message TEXT NOT NULL,
    internal BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX request_events_request ON request_events (request_id, id);

-- A started request; `token_hash` is the SHA-256 of the resume code, the only key to it.
CREATE TABLE request_drafts (
    token_hash TEXT PRIMARY KEY,
    form_version_id BIGINT NOT NULL REFERENCES form_versions (id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    answers TEXT NOT NULL,
    submit_key TEXT,
    request_id BIGINT REFERENCES requests (id) ON DELETE SET NULL,
    pin TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX request_drafts_expiry ON request_drafts (expires_at);

-- Uploaded files: first of a draft, then of the request (or of a resident's reply event).
CREATE TABLE request_files (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    public_id TEXT NOT NULL UNIQUE,
    draft_token_hash TEXT REFERENCES request_drafts (token_hash) ON DELETE CASCADE,
    request_id BIGINT REFERENCES requests (id) ON DELETE CASCADE,
    event_id BIGINT REFERENCES request_events (id) ON DELETE CASCADE,
    field_id TEXT NOT NULL,
    file_name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    content BYTEA NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX request_files_draft ON request_files (draft_token_hash);
CREATE INDEX request_files_request ON request_files (request_id);

