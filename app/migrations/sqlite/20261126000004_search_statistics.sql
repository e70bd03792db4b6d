-- Anonymous search statistics for staff: what residents search for, how many services each
-- query found, and which service they opened. No personal data, no IP addresses.
CREATE TABLE search_queries (
    lang TEXT NOT NULL,
    query TEXT NOT NULL,
    searches BIGINT NOT NULL,
    results BIGINT NOT NULL,
    last_searched_at BIGINT NOT NULL,
    PRIMARY KEY (lang, query)
);

CREATE TABLE search_clicks (
    lang TEXT NOT NULL,
    query TEXT NOT NULL,
    service TEXT NOT NULL,
    clicks BIGINT NOT NULL,
    PRIMARY KEY (lang, query, service)
);

CREATE INDEX search_queries_zero ON search_queries (results, searches);
