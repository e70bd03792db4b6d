//! The staff listing: one page of services with their workflow state, filtered and sorted in
//! the database on the columns derived from each service's latest version (`Facts`), so a
//! page costs two queries and 50 rows however large the catalogue.

use super::{ListingFilter, ListingPage, ListingRow, StatusFilter, WorkingVersion, PAGE_SIZE};
use crate::catalogue::error::CatalogueError;
use crate::catalogue::service_rows::{parse_status, split};
use crate::catalogue::text::sort_key;
use crate::db::{Db, Row};
use sqlx::any::AnyRow;

/// Every service joined with its latest version.
const FROM: &str = "FROM services s JOIN service_versions v ON v.service_id = s.id \
     AND v.number = (SELECT MAX(m.number) FROM service_versions m WHERE m.service_id = s.id)";

/// The working version: the newest draft or version in review.
const WORKING: &str = "FROM service_versions w WHERE w.service_id = s.id AND w.status IN ('draft', 'in_review') \
     ORDER BY w.number DESC LIMIT 1";

/// A `WHERE` clause under construction, with its text parameters.
#[derive(Default)]
struct Conditions {
    sql: Vec<String>,
    binds: Vec<String>,
}

impl Conditions {
    /// Adds a parameter; returns its placeholder.
    fn bind(&mut self, value: String) -> String {
        self.binds.push(value);
        format!("${}", self.binds.len())
    }

    /// `WHERE …`, or nothing.
    fn clause(&self) -> String {
        if self.sql.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.sql.join(" AND "))
        }
    }

    fn query<'q>(&'q self, sql: &'q str) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
        self.binds.iter().fold(sqlx::query(sql), |query, value| query.bind(value.as_str()))
    }
}

/// A `LIKE` pattern matching `text` anywhere, with `%`, `_` and `\` escaped.
fn contains(text: &str) -> String {
    let escaped: String = text.chars().flat_map(|c| if matches!(c, '%' | '_' | '\\') { vec!['\\', c] } else { vec![c] }).collect();
    format!("%{escaped}%")
}

/// Services with a version in `status`. `IN` runs the subquery once; a correlated `EXISTS`
/// made SQLite scan the status index once per service (seconds at 10,000 services).
fn has_status(status: &str) -> String {
    format!("s.id IN (SELECT x.service_id FROM service_versions x WHERE x.status = '{status}')")
}

fn conditions(filter: &ListingFilter) -> Conditions {
    let mut c = Conditions::default();
    match filter.status {
        Some(StatusFilter::Draft) => c.sql.push(has_status("draft")),
        Some(StatusFilter::InReview) => c.sql.push(has_status("in_review")),
        Some(StatusFilter::Published) => c.sql.push(has_status("published")),
        Some(StatusFilter::Archived) => {
            c.sql.push("s.id NOT IN (SELECT x.service_id FROM service_versions x WHERE x.status <> 'archived')".into())
        }
        None => {}
    }
    for (column, slug) in [("v.topics", &filter.topic), ("v.offices", &filter.office)] {
        if let Some(slug) = slug.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            let pattern = c.bind(contains(&format!("|{slug}|")));
            c.sql.push(format!("{column} LIKE {pattern} ESCAPE '\\'"));
        }
    }
    if filter.missing_en {
        c.sql.push("v.missing_en = 1".into());
    }
    if filter.missing_ls {
        c.sql.push("v.missing_ls = 1".into());
    }
    let query = filter.query.trim();
    if !query.is_empty() {
        let title = c.bind(contains(&sort_key(query)));
        let slug = c.bind(contains(&query.to_lowercase()));
        c.sql.push(format!(
            "(v.search_text LIKE {title} ESCAPE '\\' OR s.slug_de LIKE {slug} ESCAPE '\\' OR s.slug_en LIKE {slug} ESCAPE '\\')"
        ));
    }
    c
}

/// One page of the services matching `filter`, ordered by German title.
pub async fn list_services(db: &Db, filter: &ListingFilter) -> Result<ListingPage, CatalogueError> {
    let conditions = conditions(filter);
    let where_clause = conditions.clause();
    let count_sql = format!("SELECT COUNT(*) AS total {FROM} {where_clause}");
    let total: i64 = conditions.query(&count_sql).fetch_one(db.pool()).await?.try_get("total")?;
    let total = usize::try_from(total).unwrap_or_default();
    let page = filter.page.min(total.saturating_sub(1) / PAGE_SIZE);
    // The page is chosen first, so the per-row subqueries run for its rows only.
    let offset_param = format!("${}", conditions.binds.len() + 1);
    let rows_sql = format!(
        "SELECT s.slug_de, v.title_de, v.topics, v.offices, v.missing_en, v.missing_ls, v.updated_at, v.updated_by, \
         (SELECT p.number FROM service_versions p WHERE p.service_id = s.id AND p.status = 'published') AS published, \
         (SELECT w.number {WORKING}) AS working, (SELECT w.status {WORKING}) AS working_status \
         FROM (SELECT s.id AS service_id, v.id AS version_id, v.title_key, s.slug_de {FROM} {where_clause} \
               ORDER BY v.title_key, s.slug_de LIMIT {PAGE_SIZE} OFFSET {offset_param}) page \
         JOIN services s ON s.id = page.service_id JOIN service_versions v ON v.id = page.version_id \
         ORDER BY page.title_key, page.slug_de"
    );
    let offset = i64::try_from(page * PAGE_SIZE).unwrap_or(i64::MAX);
    let rows = conditions.query(&rows_sql).bind(offset).fetch_all(db.pool()).await?;
    let rows = rows.iter().map(listing_row).collect::<Result<Vec<_>, _>>()?;
    Ok(ListingPage { rows, total, page })
}

fn listing_row(row: &AnyRow) -> Result<ListingRow, CatalogueError> {
    let published: Option<i64> = row.try_get("published")?;
    let working = match (row.try_get::<Option<i64>, _>("working")?, row.try_get::<Option<String>, _>("working_status")?) {
        (Some(number), Some(status)) => Some(WorkingVersion { number, status: parse_status(&status)? }),
        _ => None,
    };
    Ok(ListingRow {
        slug_de: row.try_get("slug_de")?,
        title_de: row.try_get("title_de")?,
        archived_only: published.is_none() && working.is_none(),
        published,
        working,
        topics: split(&row.try_get::<String, _>("topics")?),
        offices: split(&row.try_get::<String, _>("offices")?),
        missing_en: row.try_get::<i64, _>("missing_en")? != 0,
        missing_ls: row.try_get::<i64, _>("missing_ls")? != 0,
        updated_at: row.try_get("updated_at")?,
        updated_by: row.try_get("updated_by")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_patterns_escape_wildcards() {
        assert_eq!(contains("50%_a\\b"), "%50\\%\\_a\\\\b%");
    }

    #[test]
    fn filters_number_their_parameters_in_order() {
        let filter = ListingFilter {
            status: Some(StatusFilter::Archived),
            topic: Some("bauen".into()),
            missing_en: true,
            query: "Ärzte".into(),
            ..ListingFilter::default()
        };
        let c = conditions(&filter);
        assert_eq!(c.binds, ["%|bauen|%", "%arzte%", "%ärzte%"]);
        let clause = c.clause();
        assert!(clause.starts_with("WHERE s.id NOT IN"), "{clause}");
        assert!(clause.contains("v.topics LIKE $1") && clause.contains("v.search_text LIKE $2") && clause.contains("s.slug_en LIKE $3"));
        assert_eq!(conditions(&ListingFilter::default()).clause(), "");
    }
}
