-- Editorial workflow for service listings (app/src/catalogue/editorial.rs).
--
-- Who changed a version's content last and when (the four-eyes rule compares the publisher
-- with `updated_by`), and the note a reviewer leaves when returning a version to draft.
ALTER TABLE service_versions ADD COLUMN updated_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE service_versions ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
ALTER TABLE service_versions ADD COLUMN review_note TEXT NOT NULL DEFAULT '';
UPDATE service_versions SET updated_at = created_at, updated_by = created_by;

-- Facts derived from `content` that the staff listing filters and sorts on, so a page of the
-- listing never parses the JSON of every service. The application writes them together with
-- the content (`Facts` in app/src/catalogue/service_rows.rs); the backfill below computes the
-- same values in SQL. Lists are stored as `|slug|slug|`.
ALTER TABLE service_versions ADD COLUMN title_de TEXT NOT NULL DEFAULT '';
ALTER TABLE service_versions ADD COLUMN title_key TEXT NOT NULL DEFAULT '';
ALTER TABLE service_versions ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
ALTER TABLE service_versions ADD COLUMN topics TEXT NOT NULL DEFAULT '';
ALTER TABLE service_versions ADD COLUMN offices TEXT NOT NULL DEFAULT '';
ALTER TABLE service_versions ADD COLUMN missing_en BIGINT NOT NULL DEFAULT 0;
ALTER TABLE service_versions ADD COLUMN missing_ls BIGINT NOT NULL DEFAULT 0;

UPDATE service_versions SET
    title_de = COALESCE(content::jsonb #>> '{title,de}', ''),
    title_key = lower(translate(COALESCE(content::jsonb #>> '{title,de}', ''), 'ÄäÖöÜüß', 'aaoouus')),
    search_text = lower(translate(
        COALESCE(content::jsonb #>> '{title,de}', '') || chr(10) || COALESCE(content::jsonb #>> '{title,en}', ''),
        'ÄäÖöÜüß', 'aaoouus')),
    topics = COALESCE((SELECT '|' || string_agg(t.slug, '|' ORDER BY t.position) || '|'
        FROM jsonb_array_elements_text(content::jsonb -> 'topics') WITH ORDINALITY AS t (slug, position)), ''),
    offices = COALESCE((SELECT '|' || string_agg(o.slug, '|' ORDER BY o.position) || '|'
        FROM jsonb_array_elements_text(content::jsonb -> 'offices') WITH ORDINALITY AS o (slug, position)), ''),
    missing_en = CASE WHEN trim(COALESCE(content::jsonb #>> '{title,en}', '')) = ''
        OR trim(COALESCE(content::jsonb #>> '{teaser,en}', '')) = ''
        OR trim(COALESCE(content::jsonb #>> '{description,en}', '')) = '' THEN 1 ELSE 0 END,
    missing_ls = CASE WHEN trim(COALESCE(content::jsonb #>> '{title,ls}', '')) = ''
        OR trim(COALESCE(content::jsonb #>> '{teaser,ls}', '')) = ''
        OR trim(COALESCE(content::jsonb #>> '{description,ls}', '')) = '' THEN 1 ELSE 0 END;

-- The editorial history: one row per action (created, saved, submitted, returned, published,
-- archived, restored), for the "Verlauf" of a service. Not part of export and import.
CREATE TABLE service_events (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    service_id BIGINT NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    number BIGINT NOT NULL,
    action TEXT NOT NULL,
    actor TEXT NOT NULL,
    at BIGINT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX service_events_service ON service_events (service_id, id);
