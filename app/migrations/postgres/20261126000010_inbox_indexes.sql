-- Inbox at 100,000 requests: the assignee index becomes wide enough that "overdue and
-- unassigned" and "mine, open" are counted from the index alone, and open requests by their
-- decision date get their own index.

DROP INDEX requests_assignee;
CREATE INDEX requests_assignee ON requests (assignee, status, expected_day, submitted_at);
CREATE INDEX requests_due ON requests (status, expected_day, assignee, service_id);
