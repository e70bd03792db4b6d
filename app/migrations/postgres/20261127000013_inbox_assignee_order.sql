-- Inbox at 100,000 requests (issue #7): "unassigned", "mine" or one caseworker's requests with no
-- status filter used to sort every match (100,000 unassigned generated requests: 12 ms for a
-- page in process, p99 87 ms over HTTP). These two indexes hold a person's (or nobody's)
-- requests in the two date orders of the list, with the other filtered columns behind, so such a
-- page stops after 25 entries. Sorting by status already has `requests_assignee`.
CREATE INDEX requests_assignee_submitted ON requests (assignee, submitted_at, id, status, expected_day);
CREATE INDEX requests_assignee_expected ON requests (assignee, expected_day, id, status);
