-- Inbox at 100,000 requests (issue #7): a name search as common as "Anna" (8,000 matches) read
-- every matching request from the table to count it and to check the other filters. The search
-- keys now carry the request's filter and sort columns, so counting and filtering a name search
-- read the keys alone. A trigger keeps the copies in step with every change of the request; new
-- keys take them from the request row when they are written (`app::inbox::store::write_keys_of`).
-- The SQLite migration of the same number has the measurements.

ALTER TABLE request_search_keys
    ADD COLUMN service_id BIGINT,
    ADD COLUMN office_slug TEXT,
    ADD COLUMN status TEXT,
    ADD COLUMN assignee TEXT,
    ADD COLUMN submitted_at BIGINT,
    ADD COLUMN expected_day BIGINT;
UPDATE request_search_keys k
SET service_id = r.service_id, office_slug = r.office_slug, status = r.status, assignee = r.assignee,
    submitted_at = r.submitted_at, expected_day = r.expected_day
FROM requests r
WHERE r.id = k.request_id;
ALTER TABLE request_search_keys
    ALTER COLUMN service_id SET NOT NULL,
    ALTER COLUMN office_slug SET NOT NULL,
    ALTER COLUMN status SET NOT NULL,
    ALTER COLUMN submitted_at SET NOT NULL,
    ALTER COLUMN expected_day SET NOT NULL;

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
