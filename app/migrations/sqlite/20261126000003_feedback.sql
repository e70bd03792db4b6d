-- Messages residents send through the accessibility statement's feedback form (BITV 2.0).
CREATE TABLE accessibility_feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at INTEGER NOT NULL,
    lang TEXT NOT NULL,
    page TEXT NOT NULL,
    message TEXT NOT NULL,
    contact TEXT NOT NULL
);
CREATE INDEX accessibility_feedback_created ON accessibility_feedback (created_at);

-- What a resident entered in a form that failed validation, kept for an hour so the page can
-- show it again with the errors when JavaScript is off (the browser follows a redirect).
CREATE TABLE form_flashes (
    token TEXT PRIMARY KEY,
    created_at INTEGER NOT NULL,
    payload TEXT NOT NULL
);
CREATE INDEX form_flashes_created ON form_flashes (created_at);
