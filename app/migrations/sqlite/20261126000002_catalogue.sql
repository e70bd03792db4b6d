-- The catalogue. Texts and structured facts are stored as JSON documents (the serde model in
-- app/src/catalogue/model.rs) so that export and import are lossless on both backends; the
-- columns beside them are what queries filter, join and sort on.
CREATE TABLE topics (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    slug_de TEXT NOT NULL UNIQUE,
    slug_en TEXT NOT NULL UNIQUE,
    position INTEGER NOT NULL DEFAULT 0,
    data TEXT NOT NULL
);

CREATE TABLE life_situations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    slug_de TEXT NOT NULL UNIQUE,
    slug_en TEXT NOT NULL UNIQUE,
    parent_slug TEXT,
    position INTEGER NOT NULL DEFAULT 0,
    data TEXT NOT NULL
);

CREATE TABLE offices (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    slug_de TEXT NOT NULL UNIQUE,
    slug_en TEXT NOT NULL UNIQUE,
    data TEXT NOT NULL
);

CREATE TABLE services (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    slug_de TEXT NOT NULL UNIQUE,
    slug_en TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
);

CREATE TABLE service_versions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    service_id INTEGER NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'in_review', 'published', 'archived')),
    content TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    approved_at INTEGER,
    approved_by TEXT,
    UNIQUE (service_id, number)
);

-- Residents see exactly one version of a service: the published one.
CREATE UNIQUE INDEX service_versions_one_published ON service_versions (service_id) WHERE status = 'published';
CREATE INDEX service_versions_status ON service_versions (status);

-- Catalogue-wide editorial settings, e.g. the featured services of the home page (JSON).
CREATE TABLE catalogue_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
