-- Inbox at 100,000 requests (issue #7): the search keys carry what a list needs, so a name
-- search is counted, filtered and sorted from its keys alone (the SQLite migration of the same
-- number explains the columns and has the measurements). The start-up fill
-- (`app::inbox::store::fill_search_keys`) writes the keys again.
--
-- PostgreSQL keeps the rows in a heap in the order they were written, so the primary key
-- includes every other column: a search is then an index-only scan once (auto)vacuum has marked
-- the pages visible. 100,000 generated requests after VACUUM ANALYZE, psql: counting "anna"
-- 19 → 3.2 ms, a page of it 13 → 3.0 ms (a heap block per match before).

DROP TABLE request_search_keys;
CREATE TABLE request_search_keys (
    search_key TEXT COLLATE "C" NOT NULL,
    request_id BIGINT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    shared_prefix BIGINT NOT NULL,
    service_id BIGINT NOT NULL,
    office_slug TEXT NOT NULL,
    status TEXT NOT NULL,
    assignee TEXT,
    submitted_at BIGINT NOT NULL,
    expected_day BIGINT NOT NULL,
    PRIMARY KEY (search_key, request_id) INCLUDE (shared_prefix, service_id, office_slug, status, assignee, submitted_at, expected_day)
);
CREATE INDEX request_search_keys_request ON request_search_keys (request_id);

CREATE FUNCTION request_search_keys_follow_request() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE request_search_keys
    SET service_id = NEW.service_id, office_slug = NEW.office_slug, status = NEW.status, assignee = NEW.assignee,
        submitted_at = NEW.submitted_at, expected_day = NEW.expected_day
    WHERE request_id = NEW.id;
    RETURN NULL;
END
$$;
CREATE TRIGGER request_search_keys_follow_request
AFTER UPDATE OF service_id, office_slug, status, assignee, submitted_at, expected_day ON requests
FOR EACH ROW EXECUTE FUNCTION request_search_keys_follow_request();
