-- Inbox at 100,000 requests (issue #7): a name search as common as "Anna" (8,334 matches) read
-- every matching request from the table to count it, to check the other filters and to sort it
-- (about 1 µs each: 7 ms to count "anna", 15 ms to count it among the open requests). The
-- search keys now carry what a list needs, so a name search is counted, filtered and sorted
-- from its keys alone and reads 25 requests for a page:
-- * the request's filter and sort columns, copied from the request row when the keys are
--   written and kept in step by the trigger below;
-- * `shared_prefix`: how many characters the key shares at its start with an earlier key of the
--   same request (0 for the first). A request matches a search of N characters through the
--   first of its keys in the range, the one with `shared_prefix < N`, so a count needs no
--   DISTINCT: "Anna Annabell" has the keys "anna annabell" (0) and "annabell" (4), and "anna"
--   counts it once while "annab" finds it through its second key.
-- The keys are computed in Rust; this migration drops the old ones and the start-up fill
-- (`app::inbox::store::fill_search_keys`) writes them again, about 100,000 requests in 10 s.

DROP TABLE request_search_keys;
CREATE TABLE request_search_keys (
    search_key TEXT NOT NULL,
    request_id INTEGER NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    shared_prefix INTEGER NOT NULL,
    service_id INTEGER NOT NULL,
    office_slug TEXT NOT NULL,
    status TEXT NOT NULL,
    assignee TEXT,
    submitted_at INTEGER NOT NULL,
    expected_day INTEGER NOT NULL,
    PRIMARY KEY (search_key, request_id)
) WITHOUT ROWID;
CREATE INDEX request_search_keys_request ON request_search_keys (request_id);

CREATE TRIGGER request_search_keys_follow_request
AFTER UPDATE OF service_id, office_slug, status, assignee, submitted_at, expected_day ON requests
BEGIN
    UPDATE request_search_keys
    SET service_id = NEW.service_id, office_slug = NEW.office_slug, status = NEW.status, assignee = NEW.assignee,
        submitted_at = NEW.submitted_at, expected_day = NEW.expected_day
    WHERE request_id = NEW.id;
END;
