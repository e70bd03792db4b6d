//! The dashboard's queries. Requests are counted in SQL; decision times come back as rows and
//! their medians are computed in Rust (a few hundred thousand rows at most).

use super::api::{Dashboard, DecisionTime, FeedbackExcerpt, FeedbackSummary, OverdueRequest, OVERDUE_LISTED, TOP_SERVICES};
use super::stats::{days_between, days_overdue, expected_days, median, top_with_others, Period};
use crate::db::{Db, DbError, Row};
use crate::requests::date::Day;
use crate::requests::status::RequestStatus;
use crate::search::log::query_stats;
use std::collections::BTreeMap;

/// Searches listed per table.
const QUERIES_LISTED: i64 = 10;
/// Feedback messages summarised.
const FEEDBACK_LISTED: i64 = 5;
/// Characters of a feedback message in its summary.
const SUMMARY_CHARS: usize = 160;

/// What the caller's roles let them see beyond the counts.
#[derive(Clone, Copy, Debug)]
pub struct Access {
    /// References and assignees of overdue requests.
    pub cases: bool,
    /// The text of feedback messages.
    pub feedback: bool,
}

/// Counts everything for `period` as of `now` (Unix seconds).
pub async fn load(db: &Db, period: Period, now: i64, access: Access) -> Result<Dashboard, DbError> {
    let since = period.since(now);
    let per_status = per_status(db, since).await?;
    let (per_service, other_services) = top_with_others(per_service(db, since).await?, TOP_SERVICES);
    let today = Day::from_unix(now);
    Ok(Dashboard {
        period,
        period_problem: None,
        requests: per_status.iter().map(|(_, count)| count).sum(),
        per_status,
        per_service,
        other_services,
        decision_times: decision_times(db, since).await?,
        overdue: overdue_count(db, today).await?,
        most_overdue: if access.cases { Some(most_overdue(db, today).await?) } else { None },
        top_queries: query_stats(db, false, QUERIES_LISTED).await?.into_iter().map(Into::into).collect(),
        zero_result_queries: query_stats(db, true, QUERIES_LISTED).await?.into_iter().map(Into::into).collect(),
        feedback: feedback(db, since, access.feedback).await?,
    })
}

async fn grouped_counts(db: &Db, sql: &str, since: i64) -> Result<Vec<(String, i64)>, DbError> {
    let rows = sqlx::query(sql).bind(since).fetch_all(db.pool()).await?;
    rows.iter().map(|row| Ok((row.try_get("label")?, row.try_get("n")?))).collect::<Result<_, sqlx::Error>>().map_err(DbError::from)
}

async fn per_status(db: &Db, since: i64) -> Result<Vec<(RequestStatus, i64)>, DbError> {
    let counts = grouped_counts(db, "SELECT status AS label, COUNT(*) AS n FROM requests WHERE submitted_at >= $1 GROUP BY status", since).await?;
    Ok(RequestStatus::ALL
        .into_iter()
        .map(|status| (status, counts.iter().find(|(code, _)| code == status.code()).map_or(0, |(_, n)| *n)))
        .collect())
}

async fn per_service(db: &Db, since: i64) -> Result<Vec<(String, i64)>, DbError> {
    grouped_counts(db, "SELECT MAX(service_title) AS label, COUNT(*) AS n FROM requests WHERE submitted_at >= $1 GROUP BY service_id", since).await
}

async fn decision_times(db: &Db, since: i64) -> Result<Vec<DecisionTime>, DbError> {
    let rows = sqlx::query(
        "SELECT r.service_id, r.service_title, r.submitted_at, r.expected_day, \
         (SELECT MIN(e.at) FROM request_events e WHERE e.request_id = r.id AND e.kind = 'status' AND e.status = r.status) AS decided_at \
         FROM requests r WHERE r.status IN ('completed', 'rejected') AND r.submitted_at >= $1",
    )
    .bind(since)
    .fetch_all(db.pool())
    .await?;
    let mut services: BTreeMap<i64, (String, Vec<f64>, Vec<f64>)> = BTreeMap::new();
    for row in &rows {
        let Some(decided_at) = row.try_get::<Option<i64>, _>("decided_at")? else { continue };
        let submitted_at: i64 = row.try_get("submitted_at")?;
        let entry = services.entry(row.try_get("service_id")?).or_insert_with(|| (String::new(), Vec::new(), Vec::new()));
        entry.0 = row.try_get("service_title")?;
        entry.1.push(days_between(submitted_at, decided_at));
        entry.2.push(expected_days(submitted_at, Day(row.try_get("expected_day")?)));
    }
    let mut times: Vec<DecisionTime> = services
        .into_values()
        .filter_map(|(service, mut taken, mut promised)| {
            Some(DecisionTime { service, decided: taken.len() as i64, median_days: median(&mut taken)?, expected_days: median(&mut promised)? })
        })
        .collect();
    times.sort_by(|a, b| b.median_days.total_cmp(&a.median_days).then_with(|| a.service.cmp(&b.service)));
    Ok(times)
}

/// Open requests: received, in progress or waiting for the resident.
const OPEN: &str = "status IN ('received', 'in_progress', 'waiting')";

async fn overdue_count(db: &Db, today: Day) -> Result<i64, DbError> {
    Ok(sqlx::query_scalar(&format!("SELECT COUNT(*) FROM requests WHERE {OPEN} AND expected_day < $1")).bind(today.0).fetch_one(db.pool()).await?)
}

async fn most_overdue(db: &Db, today: Day) -> Result<Vec<OverdueRequest>, DbError> {
    let rows = sqlx::query(&format!(
        "SELECT reference, service_title, expected_day, assignee FROM requests WHERE {OPEN} AND expected_day < $1 \
         ORDER BY expected_day, submitted_at, reference LIMIT $2"
    ))
    .bind(today.0)
    .bind(OVERDUE_LISTED)
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|row| {
            Ok(OverdueRequest {
                reference: row.try_get("reference")?,
                service: row.try_get("service_title")?,
                days_overdue: days_overdue(Day(row.try_get("expected_day")?), today),
                assignee: row.try_get::<Option<String>, _>("assignee")?.filter(|a| !a.is_empty()),
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(DbError::from)
}

async fn feedback(db: &Db, since: i64, with_text: bool) -> Result<FeedbackSummary, DbError> {
    let per_page = grouped_counts(
        db,
        "SELECT page AS label, COUNT(*) AS n FROM accessibility_feedback WHERE created_at >= $1 GROUP BY page ORDER BY COUNT(*) DESC, page LIMIT 10",
        since,
    )
    .await?;
    let per_lang =
        grouped_counts(db, "SELECT lang AS label, COUNT(*) AS n FROM accessibility_feedback WHERE created_at >= $1 GROUP BY lang ORDER BY lang", since).await?;
    let latest = if with_text { Some(latest_feedback(db, since).await?) } else { None };
    Ok(FeedbackSummary { total: per_lang.iter().map(|(_, n)| n).sum(), per_page, per_lang, latest })
}

async fn latest_feedback(db: &Db, since: i64) -> Result<Vec<FeedbackExcerpt>, DbError> {
    let rows = sqlx::query(
        "SELECT created_at, page, message FROM accessibility_feedback WHERE created_at >= $1 ORDER BY created_at DESC, id DESC LIMIT $2",
    )
    .bind(since)
    .bind(FEEDBACK_LISTED)
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|row| {
            let message: String = row.try_get("message")?;
            Ok(FeedbackExcerpt { created_at: row.try_get("created_at")?, page: row.try_get("page")?, summary: summary(&message) })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(DbError::from)
}

/// The first [`SUMMARY_CHARS`] characters of a message on one line, with "…" when cut.
fn summary(message: &str) -> String {
    let line = message.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= SUMMARY_CHARS {
        line
    } else {
        format!("{}…", line.chars().take(SUMMARY_CHARS).collect::<String>().trim_end())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn summaries_are_one_line_and_cut() {
        assert_eq!(super::summary("Kontrast\n\nzu   gering"), "Kontrast zu gering");
        let long = "ä".repeat(500);
        let cut = super::summary(&long);
        assert_eq!(cut.chars().count(), super::SUMMARY_CHARS + 1);
        assert!(cut.ends_with('…'));
    }
}
