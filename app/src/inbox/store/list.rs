//! The list query: one `WHERE` built from the filter with bound parameters, the same for the
//! count, the page and the CSV export. A page first picks its 25 ids by `OFFSET` from an index
//! alone (migrations 009, 010, 012 and 013 hold every filtered column beside the sort columns),
//! then reads those rows. A name search picks them from its search keys instead
//! (`search_keys.rs`, migration 014): a prefix range that carries every filtered and sorted
//! column, so even "Anna" (8,335 of 100,000 requests) is counted and sorted without reading a
//! request. Each page of 100,000 requests stays within a few milliseconds on SQLite.

use crate::db::{now, Db, Row};
use crate::inbox::model::{AssigneeFilter, InboxFilter, InboxList, InboxRow, SortKey, StatusFilter, COUNT_LIMIT, PAGE_SIZE};
use crate::requests::date::Day;
use crate::requests::reference::normalise_reference;
use crate::requests::status::RequestStatus;
use crate::requests::store::RequestError;
use super::search_keys::{fold, prefix_end};

/// Most rows one CSV export holds.
pub const EXPORT_LIMIT: i64 = 50_000;

const OPEN: &str = "status IN ('received', 'in_progress', 'waiting')";
const COLUMNS: &str = "reference, service_title, applicant_name, status, assignee, submitted_at, expected_day";

enum Arg {
    Text(String),
    Int(i64),
}

/// The conditions of a filter, with their parameters in order.
struct Conditions {
    clauses: Vec<String>,
    args: Vec<Arg>,
    /// A name search: the conditions apply to `request_search_keys`, which carries every
    /// filtered and sorted column under the same name, instead of `requests`.
    by_keys: bool,
}

impl Conditions {
    fn of(filter: &InboxFilter, me: &str) -> Conditions {
        let mut c = Conditions { clauses: Vec::new(), args: Vec::new(), by_keys: false };
        if !filter.service.is_empty() {
            c.add(|n| format!("service_id = (SELECT id FROM services WHERE slug_de = ${n})"), Arg::Text(filter.service.clone()));
        }
        match filter.status {
            StatusFilter::All => {}
            StatusFilter::Open => c.clauses.push(OPEN.into()),
            StatusFilter::Only(status) => c.add(|n| format!("status = ${n}"), Arg::Text(status.code().into())),
        }
        if !filter.office.is_empty() {
            c.add(|n| format!("office_slug = ${n}"), Arg::Text(filter.office.clone()));
        }
        match &filter.assignee {
            AssigneeFilter::All => {}
            AssigneeFilter::Nobody => c.clauses.push("assignee IS NULL".into()),
            AssigneeFilter::Mine => c.add(|n| format!("assignee = ${n}"), Arg::Text(me.to_lowercase())),
            AssigneeFilter::Person(email) => c.add(|n| format!("assignee = ${n}"), Arg::Text(email.clone())),
        }
        if let Some(days) = filter.min_age_days {
            c.add(|n| format!("submitted_at <= ${n}"), Arg::Int(now() - days * 86_400));
        }
        if filter.overdue {
            // Unary plus keeps SQLite from walking the decision-date range (about half of all
            // requests, each read from the table to sort): the status and assignee indexes
            // check the date themselves and stop after a page (EXPLAIN in the README).
            c.add(|n| format!("+expected_day < ${n} AND {OPEN}"), Arg::Int(Day::from_unix(now()).0));
        }
        if let Some(reference) = normalise_reference(&filter.search) {
            c.add(|n| format!("reference = ${n}"), Arg::Text(reference));
        } else if !filter.search.is_empty() {
            let prefix = fold(&filter.search);
            match prefix_end(&prefix) {
                None => c.clauses.push("1 = 0".into()),
                Some(end) => {
                    // Each matching request once: through the first of its keys that starts
                    // with the search (`SearchKey::shared_prefix`).
                    let length = prefix.chars().count() as i64;
                    c.by_keys = true;
                    c.add(|n| format!("search_key >= ${n}"), Arg::Text(prefix));
                    c.add(|n| format!("search_key < ${n}"), Arg::Text(end));
                    c.add(|n| format!("shared_prefix < ${n}"), Arg::Int(length));
                }
            }
        }
        c
    }

    fn add(&mut self, clause: impl FnOnce(usize) -> String, arg: Arg) {
        self.clauses.push(clause(self.args.len() + 1));
        self.args.push(arg);
    }

    /// The table the conditions select from and its column of request ids.
    fn source(&self) -> (&'static str, &'static str) {
        if self.by_keys {
            ("request_search_keys", "request_id")
        } else {
            ("requests", "id")
        }
    }

    fn sql(&self) -> String {
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", self.clauses.join(" AND "))
        }
    }

    /// The matching requests in `filter`'s order, `limit` of them from `offset` on: ids picked
    /// from the source's indexes alone, then only those rows read.
    fn rows_sql(&self, filter: &InboxFilter, limit: i64, offset: i64) -> String {
        let (table, id) = self.source();
        format!(
            "SELECT {COLUMNS} FROM requests WHERE id IN (SELECT {id} FROM {table}{} ORDER BY {} LIMIT {limit} OFFSET {offset}) ORDER BY {}",
            self.sql(),
            order(filter, id),
            order(filter, "id")
        )
    }

    fn bind<'q>(&'q self, sql: &'q str) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
        self.args.iter().fold(sqlx::query(sql), |query, arg| match arg {
            Arg::Text(text) => query.bind(text.as_str()),
            Arg::Int(int) => query.bind(*int),
        })
    }
}

/// `filter`'s order, ties broken by the request id in column `id`.
fn order(filter: &InboxFilter, id: &str) -> String {
    let dir = if filter.descending { "DESC" } else { "ASC" };
    match filter.sort {
        SortKey::Submitted => format!("submitted_at {dir}, {id} {dir}"),
        SortKey::Expected => format!("expected_day {dir}, {id} {dir}"),
        SortKey::Status => format!("status {dir}, submitted_at {dir}, {id} {dir}"),
    }
}

fn read(row: &sqlx::any::AnyRow, today: Day) -> Result<InboxRow, RequestError> {
    let code: String = row.try_get("status")?;
    let status = RequestStatus::from_code(&code).ok_or_else(|| RequestError::Corrupt(format!("status {code}")))?;
    let expected = Day(row.try_get("expected_day")?);
    Ok(InboxRow {
        reference: row.try_get("reference")?,
        service_title: row.try_get("service_title")?,
        applicant_name: row.try_get("applicant_name")?,
        status,
        assignee: row.try_get("assignee")?,
        submitted_at: row.try_get("submitted_at")?,
        expected,
        overdue: !status.is_final() && expected < today,
    })
}

/// The page `filter.page` of the requests matching `filter`; `me` is the caseworker's email
/// (for "mine"). Matches are counted up to [`COUNT_LIMIT`].
pub async fn list(db: &Db, filter: &InboxFilter, me: &str) -> Result<InboxList, RequestError> {
    list_counting_to(db, filter, me, COUNT_LIMIT).await
}

/// [`list`] with matches counted up to `limit` (tests use a small one).
pub async fn list_counting_to(db: &Db, filter: &InboxFilter, me: &str, limit: i64) -> Result<InboxList, RequestError> {
    let conditions = Conditions::of(filter, me);
    let (table, _) = conditions.source();
    let count_sql = format!("SELECT COUNT(*) AS n FROM (SELECT 1 FROM {table}{} LIMIT {}) AS matches", conditions.sql(), limit + 1);
    let counted: i64 = conditions.bind(&count_sql).fetch_one(db.pool()).await?.try_get("n")?;
    let total = (counted <= limit).then_some(counted);
    let offset = (filter.page.max(1) - 1).saturating_mul(PAGE_SIZE);
    if total.is_some_and(|total| offset >= total) {
        return Ok(InboxList { rows: Vec::new(), total, has_next: false });
    }
    // One row more than a page tells whether a next page exists, also beyond the count limit.
    // A page past the middle of a counted list is read from its end, in the opposite order and
    // then turned round: sorting 8,335 matches then keeps fewer than half of them (3.4 → 0.9 ms
    // for the last page of "anna").
    let from_the_end = total.filter(|total| offset > total / 2);
    let sql = match from_the_end {
        None => conditions.rows_sql(filter, PAGE_SIZE + 1, offset),
        Some(total) => {
            let end = (offset + PAGE_SIZE + 1).min(total);
            conditions.rows_sql(&InboxFilter { descending: !filter.descending, ..filter.clone() }, end - offset, total - end)
        }
    };
    let today = Day::from_unix(now());
    let mut rows = conditions.bind(&sql).fetch_all(db.pool()).await?.iter().map(|row| read(row, today)).collect::<Result<Vec<_>, _>>()?;
    if from_the_end.is_some() {
        rows.reverse();
    }
    let has_next = rows.len() as i64 > PAGE_SIZE;
    rows.truncate(PAGE_SIZE as usize);
    Ok(InboxList { rows, total, has_next })
}

/// Every request matching `filter` in its order, up to [`EXPORT_LIMIT`], and whether there were more.
pub async fn export(db: &Db, filter: &InboxFilter, me: &str) -> Result<(Vec<InboxRow>, bool), RequestError> {
    let conditions = Conditions::of(filter, me);
    let sql = conditions.rows_sql(filter, EXPORT_LIMIT + 1, 0);
    let today = Day::from_unix(now());
    let rows = conditions.bind(&sql).fetch_all(db.pool()).await?;
    let more = rows.len() as i64 > EXPORT_LIMIT;
    let rows = rows.iter().take(EXPORT_LIMIT as usize).map(|row| read(row, today)).collect::<Result<_, _>>()?;
    Ok((rows, more))
}
