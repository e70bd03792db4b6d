//! The dashboard's data and the server function that counts it.

use super::stats::Period;
use crate::auth::Role;
use crate::error::AppError;
use crate::requests::status::RequestStatus;
use crate::staff::insight::QueryRow;
use crate::staff::StaffPage;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Who may open the dashboard: the people who work with requests, publish, or administer.
pub const DASHBOARD_ROLES: &[Role] = &[Role::Caseworker, Role::Publisher, Role::Administrator];
/// Who sees the overdue requests with their references and assignees.
pub const CASE_ROLES: &[Role] = &[Role::Caseworker, Role::Administrator];
/// Who sees the text of feedback messages (as on `/verwaltung/rueckmeldungen`).
pub const FEEDBACK_ROLES: &[Role] = crate::staff::insight::CONTENT_ROLES;
/// Services shown by name; the rest are summed up as "others".
pub const TOP_SERVICES: usize = 15;
/// Overdue requests listed.
pub const OVERDUE_LISTED: i64 = 10;

/// How long decisions of one service took, against what residents were told.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DecisionTime {
    /// The service's title.
    pub service: String,
    /// Decided requests counted.
    pub decided: i64,
    /// Median days from submission to the decision.
    pub median_days: f64,
    /// Median days promised (expected day minus day of submission).
    pub expected_days: f64,
}

/// An open request past its expected day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OverdueRequest {
    /// The reference number.
    pub reference: String,
    /// The service's title.
    pub service: String,
    /// Whole days past the expected day.
    pub days_overdue: i64,
    /// Who works on it, if anyone.
    pub assignee: Option<String>,
}

/// A feedback message, shortened, without the contact details.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackExcerpt {
    /// When it arrived (Unix seconds).
    pub created_at: i64,
    /// The page named by the resident ("" when none).
    pub page: String,
    /// The first words of the message.
    pub summary: String,
}

/// Accessibility feedback in the period.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackSummary {
    /// Messages in all.
    pub total: i64,
    /// Messages per page named (most first; "" for none named).
    pub per_page: Vec<(String, i64)>,
    /// Messages per language of the statement they were sent from.
    pub per_lang: Vec<(String, i64)>,
    /// The newest messages; `None` for roles that do not read feedback.
    pub latest: Option<Vec<FeedbackExcerpt>>,
}

/// Everything the dashboard shows.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Dashboard {
    /// The period counted.
    pub period: Period,
    /// Why the period asked for was not used, if it was not.
    pub period_problem: Option<String>,
    /// Requests submitted in the period.
    pub requests: i64,
    /// Requests per status, every status in workflow order.
    pub per_status: Vec<(RequestStatus, i64)>,
    /// Requests per service, most first, at most [`TOP_SERVICES`].
    pub per_service: Vec<(String, i64)>,
    /// Requests of the other services together.
    pub other_services: Option<i64>,
    /// Decision times per service (services with decisions only), slowest median first.
    pub decision_times: Vec<DecisionTime>,
    /// Open requests past their expected day (now, whatever the period).
    pub overdue: i64,
    /// The most overdue; `None` for roles that do not work on requests.
    pub most_overdue: Option<Vec<OverdueRequest>>,
    /// Most frequent searches (all time).
    pub top_queries: Vec<QueryRow>,
    /// Most frequent searches without results (all time).
    pub zero_result_queries: Vec<QueryRow>,
    /// Accessibility feedback.
    pub feedback: FeedbackSummary,
}

/// The dashboard for `period` (`30`, `90` or `alle`; anything else counts everything and says so).
#[server(endpoint = "staff/statistics")]
pub async fn get_statistics(#[server(default)] period: String) -> Result<StaffPage<Dashboard>, AppError> {
    use crate::staff::guard::{db, page, require};
    let user = require(DASHBOARD_ROLES).await?;
    let (period, period_problem) = Period::parse(&period);
    let access = super::db::Access { cases: user.has_any(CASE_ROLES), feedback: user.has_any(FEEDBACK_ROLES) };
    let mut data = super::db::load(&db()?, period, crate::db::now(), access).await.map_err(AppError::internal)?;
    data.period_problem = period_problem;
    page(&user, data).await
}
