-- Inbox at 100,000 requests (issue #7): the name and reference search reads an index of search
-- keys instead of scanning every name; the service filter finds open requests by their decision
-- date in one index; the status and assignee indexes hold the submission order right after the
-- filtered columns (with id, so the whole sort order) and the other filtered columns behind it,
-- so a page of "open", "overdue" or "unassigned and open" requests by submission stops after 25
-- matches in the index instead of sorting tens of thousands.
--
-- A request's keys are its folded name (Unicode lowercase, every run of other characters than
-- letters and digits one space) from each word on, and its reference's code from each group on:
-- "Anna Müller-Lüdenscheidt", 2026-ABCD-EFGH gives "anna müller lüdenscheidt", "müller
-- lüdenscheidt", "lüdenscheidt", "abcd efgh", "efgh". A search matches a key by prefix. The
-- keys are written in Rust (SQLite's LOWER folds ASCII only); rows that have none yet are
-- filled at start-up (`app::inbox::store::fill_search_keys`).

CREATE TABLE request_search_keys (
    search_key TEXT NOT NULL,
    request_id INTEGER NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    PRIMARY KEY (search_key, request_id)
) WITHOUT ROWID;
CREATE INDEX request_search_keys_request ON request_search_keys (request_id);

CREATE INDEX requests_service_status ON requests (service_id, status, expected_day, submitted_at);
DROP INDEX requests_status;
CREATE INDEX requests_status ON requests (status, submitted_at, id, expected_day, assignee);
DROP INDEX requests_assignee;
CREATE INDEX requests_assignee ON requests (assignee, status, submitted_at, id, expected_day);
