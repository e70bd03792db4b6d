//! Anonymous search statistics: searches per normalised query with the number of results, and
//! the service opened from the results. Counted in memory and added to the database in
//! batches, so searching never waits for a write; with several instances each adds its own
//! counts.

use crate::db::{now, Db, DbError, Row};
use crate::i18n::Lang;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

/// Longest query kept, in characters.
const MAX_QUERY_CHARS: usize = 100;

/// A query as counted: lower case, single spaces, digits replaced by `#` (so house numbers,
/// dates or file numbers do not end up in the statistics); `None` when nothing is left.
pub fn normalize(query: &str) -> Option<String> {
    let mut out = String::new();
    for word in query.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().filter(|c| !c.is_control()).flat_map(char::to_lowercase).map(|c| if c.is_numeric() { '#' } else { c }));
    }
    let out: String = out.chars().take(MAX_QUERY_CHARS).collect();
    let out = out.trim().to_string();
    (!out.is_empty()).then_some(out)
}

#[derive(Debug, Default)]
struct Pending {
    /// (language, query) → (searches, results of the latest search)
    searches: HashMap<(Lang, String), (i64, i64)>,
    /// (language, query, service slug) → clicks
    clicks: HashMap<(Lang, String, String), i64>,
}

/// Counts not yet written.
#[derive(Clone, Debug, Default)]
pub struct SearchLog {
    pending: Arc<Mutex<Pending>>,
}

impl SearchLog {
    fn pending(&self) -> MutexGuard<'_, Pending> {
        self.pending.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Counts a search that found `results` services.
    pub fn record_search(&self, lang: Lang, query: &str, results: usize) {
        if let Some(query) = normalize(query) {
            let mut pending = self.pending();
            let entry = pending.searches.entry((lang, query)).or_default();
            entry.0 += 1;
            entry.1 = i64::try_from(results).unwrap_or(i64::MAX);
        }
    }

    /// Counts that `service` (its German slug) was opened from the results for `query`.
    pub fn record_click(&self, lang: Lang, query: &str, service: &str) {
        if let Some(query) = normalize(query) {
            *self.pending().clicks.entry((lang, query, service.to_string())).or_default() += 1;
        }
    }

    /// Adds the pending counts to the database. On failure the counts are kept for the next
    /// attempt.
    pub async fn flush(&self, db: &Db) -> Result<(), DbError> {
        let taken = std::mem::take(&mut *self.pending());
        if taken.searches.is_empty() && taken.clicks.is_empty() {
            return Ok(());
        }
        match write(db, &taken).await {
            Ok(()) => Ok(()),
            Err(error) => {
                let mut pending = self.pending();
                for (key, (searches, results)) in taken.searches {
                    let entry = pending.searches.entry(key).or_insert((0, results));
                    entry.0 += searches;
                }
                for (key, clicks) in taken.clicks {
                    *pending.clicks.entry(key).or_default() += clicks;
                }
                Err(error)
            }
        }
    }
}

async fn write(db: &Db, pending: &Pending) -> Result<(), DbError> {
    let at = now();
    let mut tx = db.pool().begin().await?;
    for ((lang, query), (searches, results)) in &pending.searches {
        sqlx::query(
            "INSERT INTO search_queries (lang, query, searches, results, last_searched_at) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (lang, query) DO UPDATE SET searches = search_queries.searches + excluded.searches, \
             results = excluded.results, last_searched_at = excluded.last_searched_at",
        )
        .bind(lang.code())
        .bind(query)
        .bind(searches)
        .bind(results)
        .bind(at)
        .execute(&mut *tx)
        .await?;
    }
    for ((lang, query, service), clicks) in &pending.clicks {
        sqlx::query(
            "INSERT INTO search_clicks (lang, query, service, clicks) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (lang, query, service) DO UPDATE SET clicks = search_clicks.clicks + excluded.clicks",
        )
        .bind(lang.code())
        .bind(query)
        .bind(service)
        .bind(clicks)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// A counted query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryStat {
    /// `de` or `en`.
    pub lang: String,
    /// The normalised query.
    pub query: String,
    /// How often it was searched.
    pub searches: i64,
    /// Results of its latest search.
    pub results: i64,
    /// The service opened most often from its results (German slug).
    pub top_click: Option<String>,
}

/// The most searched queries; only those that found nothing when `zero_results`.
pub async fn query_stats(db: &Db, zero_results: bool, limit: i64) -> Result<Vec<QueryStat>, DbError> {
    let filter = if zero_results { "WHERE q.results = 0" } else { "" };
    let rows = sqlx::query(&format!(
        "SELECT q.lang, q.query, q.searches, q.results, \
         (SELECT c.service FROM search_clicks c WHERE c.lang = q.lang AND c.query = q.query ORDER BY c.clicks DESC, c.service LIMIT 1) AS top_click \
         FROM search_queries q {filter} ORDER BY q.searches DESC, q.query LIMIT $1"
    ))
    .bind(limit)
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|row| {
            Ok(QueryStat {
                lang: row.try_get("lang")?,
                query: row.try_get("query")?,
                searches: row.try_get("searches")?,
                results: row.try_get("results")?,
                top_click: row.try_get("top_click")?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(DbError::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_normalised_without_numbers() {
        assert_eq!(normalize("  Perso   VERLOREN "), Some("perso verloren".into()));
        assert_eq!(normalize("Bescheid 2024-123"), Some("bescheid ####-###".into()));
        assert_eq!(normalize(" \t\u{7} "), None);
        assert_eq!(normalize(&"a".repeat(500)).map(|q| q.len()), Some(100));
    }
}
