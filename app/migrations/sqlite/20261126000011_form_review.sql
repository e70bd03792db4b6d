-- Form builder (issue #7): a service's working form version (draft or in review) records who
-- changed it last and when (the four-eyes rule compares the publisher with them) and the note
-- of a publisher who returned it. One working version per service at most.

ALTER TABLE form_versions ADD COLUMN updated_at INTEGER;
ALTER TABLE form_versions ADD COLUMN updated_by TEXT;
ALTER TABLE form_versions ADD COLUMN review_note TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX form_versions_working ON form_versions (service_id) WHERE status IN ('draft', 'in_review');
