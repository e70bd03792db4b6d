//! The list query: one `WHERE` built from the filter with bound parameters, the same for the
//! page and for the CSV export. A page first picks its 25 ids by `OFFSET` from an index alone
//! (migrations 009, 010, 012 and 013 hold every filtered column beside the sort columns), then reads
//! those rows. The name search is a prefix range of the search keys (`search_keys.rs`), which
//! carry the filtered columns, so a search is counted from its keys alone. Its page is found in
//! one of two ways chosen from the count ([`walks_the_order`]): a search with few matches sorts
//! them; one with thousands walks the sort order and probes each request's keys, which stops
//! after a page. Each page of 100,000 requests stays within a few milliseconds on SQLite.

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
    /// The number of the parameter that starts the name search's key range (the next one ends it).
    name_range: Option<usize>,
}

/// How the name search finds its requests.
#[derive(Clone, Copy)]
enum NameMatch {
    /// Read the keys matching the search and the other conditions and keep the requests they
    /// name (`id IN`), then sort those.
    Listed,
    /// Look up the keys of each request in turn (`EXISTS`), so a walk in sort order can stop.
    Probed,
}

impl Conditions {
    fn of(filter: &InboxFilter, me: &str) -> Conditions {
        let mut c = Conditions { clauses: Vec::new(), args: Vec::new(), name_range: None };
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
                    c.name_range = Some(c.args.len() + 1);
                    c.args.push(Arg::Text(prefix));
                    c.args.push(Arg::Text(end));
                }
            }
        }
        c
    }

    fn add(&mut self, clause: impl FnOnce(usize) -> String, arg: Arg) {
        self.clauses.push(clause(self.args.len() + 1));
        self.args.push(arg);
    }

    /// The `WHERE` clause of the conditions over `requests`, with the name search matched `by`.
    fn sql(&self, by: NameMatch) -> String {
        let clauses = match (self.name_range, by) {
            (None, _) => self.clauses.clone(),
            (Some(_), NameMatch::Listed) => vec![format!("id IN (SELECT request_id {})", self.keys_matching())],
            (Some(first), NameMatch::Probed) => {
                let probe = format!("EXISTS (SELECT 1 FROM request_search_keys WHERE request_id = requests.id AND {})", key_range(first));
                self.clauses.iter().cloned().chain([probe]).collect()
            }
        };
        if clauses.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", clauses.join(" AND "))
        }
    }

    /// `FROM … WHERE …` of the search keys matching the name search and every other condition
    /// (the keys carry the filtered columns under the same names, migration 014).
    fn keys_matching(&self) -> String {
        let range = self.name_range.map(key_range);
        let clauses: Vec<&str> = range.as_deref().into_iter().chain(self.clauses.iter().map(String::as_str)).collect();
        format!("FROM request_search_keys WHERE {}", clauses.join(" AND "))
    }

    /// A query counting the matching requests up to `limit + 1`; a name search counts its keys.
    fn count_sql(&self, limit: i64) -> String {
        let matches = match self.name_range {
            Some(_) => format!("SELECT DISTINCT request_id {}", self.keys_matching()),
            None => format!("SELECT 1 FROM requests{}", self.sql(NameMatch::Listed)),
        };
        format!("SELECT COUNT(*) AS n FROM ({matches} LIMIT {}) AS matches", limit + 1)
    }

    fn bind<'q>(&'q self, sql: &'q str) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
        self.args.iter().fold(sqlx::query(sql), |query, arg| match arg {
            Arg::Text(text) => query.bind(text.as_str()),
            Arg::Int(int) => query.bind(*int),
        })
    }
}

/// The key range of a name search whose bounds are parameters `first` and `first + 1`.
fn key_range(first: usize) -> String {
    format!("search_key >= ${first} AND search_key < ${}", first + 1)
}

fn order(filter: &InboxFilter) -> String {
    let dir = if filter.descending { "DESC" } else { "ASC" };
    match filter.sort {
        SortKey::Submitted => format!("submitted_at {dir}, id {dir}"),
        SortKey::Expected => format!("expected_day {dir}, id {dir}"),
        SortKey::Status => format!("status {dir}, submitted_at {dir}, id {dir}"),
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

/// Whether a page at `offset` of a name search with `matches` matches among about `requests`
/// requests is found faster by walking the sort order than by sorting every match. The walk
/// reads about `(offset + a page) × requests / matches` entries, the sort about `matches`: for
/// a name as common as "Anna" (8,000 of 100,000) the first page takes 0.15 ms instead of 9 ms,
/// and from page 40 on the sort is the faster again.
fn walks_the_order(offset: i64, matches: i64, requests: i64) -> bool {
    (i128::from(offset) + i128::from(PAGE_SIZE + 1)) * i128::from(requests) <= i128::from(matches) * i128::from(matches)
}

/// [`list`] with matches counted up to `limit` (tests use a small one).
pub async fn list_counting_to(db: &Db, filter: &InboxFilter, me: &str, limit: i64) -> Result<InboxList, RequestError> {
    let conditions = Conditions::of(filter, me);
    let count_sql = format!("SELECT ({}) AS n, (SELECT COALESCE(MAX(id), 0) FROM requests) AS requests", conditions.count_sql(limit));
    let count = conditions.bind(&count_sql).fetch_one(db.pool()).await?;
    let (counted, requests): (i64, i64) = (count.try_get("n")?, count.try_get("requests")?);
    let total = (counted <= limit).then_some(counted);
    let offset = (filter.page.max(1) - 1).saturating_mul(PAGE_SIZE);
    if total.is_some_and(|total| offset >= total) {
        return Ok(InboxList { rows: Vec::new(), total, has_next: false });
    }
    // One row more than a page tells whether a next page exists, also beyond the count limit.
    let order = order(filter);
    let by = if walks_the_order(offset, counted, requests) { NameMatch::Probed } else { NameMatch::Listed };
    let sql = format!(
        "SELECT {COLUMNS} FROM requests WHERE id IN (SELECT id FROM requests{} ORDER BY {order} LIMIT {} OFFSET {offset}) ORDER BY {order}",
        conditions.sql(by),
        PAGE_SIZE + 1
    );
    let today = Day::from_unix(now());
    let mut rows = conditions.bind(&sql).fetch_all(db.pool()).await?.iter().map(|row| read(row, today)).collect::<Result<Vec<_>, _>>()?;
    let has_next = rows.len() as i64 > PAGE_SIZE;
    rows.truncate(PAGE_SIZE as usize);
    Ok(InboxList { rows, total, has_next })
}

/// Every request matching `filter` in its order, up to [`EXPORT_LIMIT`], and whether there were more.
pub async fn export(db: &Db, filter: &InboxFilter, me: &str) -> Result<(Vec<InboxRow>, bool), RequestError> {
    let conditions = Conditions::of(filter, me);
    let sql = format!("SELECT {COLUMNS} FROM requests{} ORDER BY {} LIMIT {}", conditions.sql(NameMatch::Listed), order(filter), EXPORT_LIMIT + 1);
    let today = Day::from_unix(now());
    let rows = conditions.bind(&sql).fetch_all(db.pool()).await?;
    let more = rows.len() as i64 > EXPORT_LIMIT;
    let rows = rows.iter().take(EXPORT_LIMIT as usize).map(|row| read(row, today)).collect::<Result<_, _>>()?;
    Ok((rows, more))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_common_name_walks_the_order_on_early_pages_only() {
        assert!(walks_the_order(0, 8_335, 100_036), "page 1 of Anna");
        assert!(walks_the_order(250, 8_335, 100_036), "page 11 of Anna");
        assert!(!walks_the_order(2_500, 8_335, 100_036), "page 101 of Anna");
        assert!(!walks_the_order(0, 191, 100_036), "a rare name");
        // The premise of `database.rs::a_name_search_pages_alike_…`: 46 of 60, pages 1 and 2.
        assert!(walks_the_order(0, 46, 60) && !walks_the_order(25, 46, 60));
        assert!(!walks_the_order(i64::MAX, i64::MAX, i64::MAX), "no overflow");
    }
}
