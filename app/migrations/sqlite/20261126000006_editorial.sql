-- Editorial workflow for service listings (app/src/catalogue/editorial.rs).
--
-- Who changed a version's content last and when (the four-eyes rule compares the publisher
-- with `updated_by`), and the note a reviewer leaves when returning a version to draft.
ALTER TABLE service_versions ADD COLUMN updated_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE service_versions ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
ALTER TABLE service_versions ADD COLUMN review_note TEXT NOT NULL DEFAULT '';
UPDATE service_versions SET updated_at = created_at, updated_by = created_by;

-- Facts derived from `content` that the staff listing filters and sorts on, so a page of the
-- listing never parses the JSON of every service. The application writes them together with
-- the content (`Facts` in app/src/catalogue/service_rows.rs); the backfill below computes the
-- same values in SQL (SQLite's lower() folds ASCII only: other capitals, rare in titles, sort
-- as they are until the version is next saved). Lists are stored as `|slug|slug|`.
ALTER TABLE service_versions ADD COLUMN title_de TEXT NOT NULL DEFAULT '';
ALTER TABLE service_versions ADD COLUMN title_key TEXT NOT NULL DEFAULT '';
ALTER TABLE service_versions ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
ALTER TABLE service_versions ADD COLUMN topics TEXT NOT NULL DEFAULT '';
ALTER TABLE service_versions ADD COLUMN offices TEXT NOT NULL DEFAULT '';
ALTER TABLE service_versions ADD COLUMN missing_en INTEGER NOT NULL DEFAULT 0;
ALTER TABLE service_versions ADD COLUMN missing_ls INTEGER NOT NULL DEFAULT 0;

UPDATE service_versions SET
    title_de = COALESCE(json_extract(content, '$.title.de'), ''),
    title_key = lower(replace(replace(replace(replace(replace(replace(replace(
        COALESCE(json_extract(content, '$.title.de'), ''),
        'Ä', 'a'), 'ä', 'a'), 'Ö', 'o'), 'ö', 'o'), 'Ü', 'u'), 'ü', 'u'), 'ß', 's')),
    search_text = lower(replace(replace(replace(replace(replace(replace(replace(
        COALESCE(json_extract(content, '$.title.de'), '') || char(10) || COALESCE(json_extract(content, '$.title.en'), ''),
        'Ä', 'a'), 'ä', 'a'), 'Ö', 'o'), 'ö', 'o'), 'Ü', 'u'), 'ü', 'u'), 'ß', 's')),
    topics = COALESCE((SELECT '|' || group_concat(value, '|') || '|' FROM json_each(content, '$.topics')), ''),
    offices = COALESCE((SELECT '|' || group_concat(value, '|') || '|' FROM json_each(content, '$.offices')), ''),
    missing_en = CASE WHEN trim(COALESCE(json_extract(content, '$.title.en'), '')) = ''
        OR trim(COALESCE(json_extract(content, '$.teaser.en'), '')) = ''
        OR trim(COALESCE(json_extract(content, '$.description.en'), '')) = '' THEN 1 ELSE 0 END,
    missing_ls = CASE WHEN trim(COALESCE(json_extract(content, '$.title.ls'), '')) = ''
        OR trim(COALESCE(json_extract(content, '$.teaser.ls'), '')) = ''
        OR trim(COALESCE(json_extract(content, '$.description.ls'), '')) = '' THEN 1 ELSE 0 END;

-- The editorial history: one row per action (created, saved, submitted, returned, published,
-- archived, restored), for the "Verlauf" of a service. Not part of export and import.
CREATE TABLE service_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    service_id INTEGER NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    action TEXT NOT NULL,
    actor TEXT NOT NULL,
    at INTEGER NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX service_events_service ON service_events (service_id, id);
