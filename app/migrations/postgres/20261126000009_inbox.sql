-- The caseworkers' inbox (issue #7): indexes for its filters and sort orders, and canned
-- replies per service that caseworkers pick when they write to a resident.

CREATE INDEX requests_submitted ON requests (submitted_at, id);
CREATE INDEX requests_expected ON requests (expected_day, id);
CREATE INDEX requests_office ON requests (office_slug, submitted_at);
CREATE INDEX requests_assignee ON requests (assignee, submitted_at);
CREATE INDEX request_files_event ON request_files (event_id);

CREATE TABLE canned_replies (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    service_id BIGINT NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    created_by TEXT NOT NULL
);
CREATE INDEX canned_replies_service ON canned_replies (service_id, title);
