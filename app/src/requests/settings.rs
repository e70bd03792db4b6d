//! Settings of online requests, from the server's configuration.

use super::store::DRAFT_DAYS;

/// How drafts are kept and how often one address may act.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RequestSettings {
    /// Days a draft is kept after its last change (`RATHAUS_DRAFT_DAYS`).
    pub keep_days: i64,
    /// Requests started or submitted per minute and client address (`RATHAUS_SUBMISSIONS_PER_MINUTE`).
    pub submissions_per_minute: u32,
    /// Tracking lookups and replies per minute and client address (`RATHAUS_TRACKING_PER_MINUTE`).
    pub tracking_per_minute: u32,
}

impl Default for RequestSettings {
    fn default() -> Self {
        RequestSettings { keep_days: DRAFT_DAYS, submissions_per_minute: 10, tracking_per_minute: 20 }
    }
}
