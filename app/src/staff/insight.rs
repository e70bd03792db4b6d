//! What staff read: accessibility feedback, search statistics, the audit log.

use super::audit::{AuditEntry, AuditFilter};
use crate::auth::Role;
use crate::error::AppError;
use crate::staff::StaffPage;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Roles that look after the catalogue's content.
pub const CONTENT_ROLES: &[Role] = &[Role::Editor, Role::Publisher, Role::Administrator];

/// A feedback message as the staff list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackRow {
    /// When it arrived (Unix seconds).
    pub created_at: i64,
    /// Language of the page it came from.
    pub lang: String,
    /// The page named by the resident.
    pub page: String,
    /// The message.
    pub message: String,
    /// How to answer.
    pub contact: String,
}

/// A search query as the statistics show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueryRow {
    /// `de` or `en`.
    pub lang: String,
    /// Normalised query.
    pub query: String,
    /// How often.
    pub searches: i64,
    /// Results at the latest search.
    pub results: i64,
    /// Most opened service (German slug).
    pub top_click: Option<String>,
}

#[cfg(feature = "ssr")]
impl From<crate::search::log::QueryStat> for QueryRow {
    fn from(s: crate::search::log::QueryStat) -> Self {
        QueryRow { lang: s.lang, query: s.query, searches: s.searches, results: s.results, top_click: s.top_click }
    }
}

/// The statistics page: most searched and searched without result.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchInsight {
    /// Most frequent queries.
    pub top: Vec<QueryRow>,
    /// Most frequent queries that found nothing.
    pub zero_results: Vec<QueryRow>,
}

/// The audit page: the filter, the entries, how many match.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPage {
    /// The filter shown in the form.
    pub filter: AuditFilter,
    /// Entries of this page.
    pub entries: Vec<AuditEntry>,
    /// Matching entries in all.
    pub total: i64,
}

/// The latest 200 accessibility feedback messages, newest first.
#[server(endpoint = "staff/feedback")]
pub async fn get_feedback() -> Result<StaffPage<Vec<FeedbackRow>>, AppError> {
    use crate::staff::guard::{db, page, require};
    let user = require(CONTENT_ROLES).await?;
    let rows = crate::feedback::list_feedback(&db()?, 200)
        .await
        .map_err(AppError::internal)?
        .into_iter()
        .map(|f| FeedbackRow { created_at: f.created_at, lang: f.lang, page: f.page, message: f.message, contact: f.contact })
        .collect();
    page(&user, rows).await
}

/// The most searched queries and those without results (anonymous counts).
#[server(endpoint = "staff/search-insight")]
pub async fn get_search_insight() -> Result<StaffPage<SearchInsight>, AppError> {
    use crate::search::log::{query_stats, QueryStat};
    use crate::staff::guard::{db, page, require};
    let user = require(CONTENT_ROLES).await?;
    let db = db()?;
    let rows = |stats: Vec<QueryStat>| stats.into_iter().map(QueryRow::from).collect::<Vec<_>>();
    let data = SearchInsight {
        top: rows(query_stats(&db, false, 50).await.map_err(AppError::internal)?),
        zero_results: rows(query_stats(&db, true, 50).await.map_err(AppError::internal)?),
    };
    page(&user, data).await
}

/// A page of the audit log (administrators only).
#[server(endpoint = "staff/audit")]
pub async fn get_audit(#[server(default)] actor: String, #[server(default)] action: String, #[server(default)] subject: String, #[server(default)] page: usize) -> Result<StaffPage<AuditPage>, AppError> {
    use crate::staff::guard::{db, require};
    let user = require(&[Role::Administrator]).await?;
    let filter = AuditFilter { actor, action, subject, page: page.max(1) };
    let (entries, total) = super::audit::list(&db()?, &filter).await.map_err(AppError::internal)?;
    crate::staff::guard::page(&user, AuditPage { filter, entries, total }).await
}
