//! The staff home page and "my account".

use crate::auth::Role;
use crate::error::AppError;
use crate::staff::StaffPage;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What the staff home page counts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dashboard {
    /// Listings waiting for a publisher.
    pub in_review: i64,
    /// Listings with a draft.
    pub drafts: i64,
    /// Accessibility feedback messages in all.
    pub feedback: i64,
}

/// "My account".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountInfo {
    /// Sign-in address.
    pub email: String,
    /// Name shown to colleagues.
    pub display_name: String,
    /// Granted roles.
    pub roles: Vec<Role>,
    /// Whether the second factor is set up.
    pub totp_enabled: bool,
    /// Whether the roles demand it.
    pub totp_required: bool,
    /// Unused recovery codes.
    pub recovery_codes_left: i64,
}

/// The staff home page.
#[server(endpoint = "staff/dashboard")]
pub async fn get_dashboard() -> Result<StaffPage<Dashboard>, AppError> {
    use crate::staff::guard::{db, page, require};
    let user = require(&[]).await?;
    let db = db()?;
    let count = |sql: &'static str| {
        let db = db.clone();
        async move { sqlx::query_scalar::<_, i64>(sql).fetch_one(db.pool()).await.map_err(AppError::internal) }
    };
    let data = Dashboard {
        in_review: count("SELECT COUNT(*) FROM service_versions WHERE status = 'in_review'").await?,
        drafts: count("SELECT COUNT(*) FROM service_versions WHERE status = 'draft'").await?,
        feedback: count("SELECT COUNT(*) FROM accessibility_feedback").await?,
    };
    page(&user, data).await
}

/// The signed-in person's account.
#[server(endpoint = "staff/account")]
pub async fn get_account() -> Result<StaffPage<AccountInfo>, AppError> {
    use crate::staff::guard::{db, page, require};
    let user = require(&[]).await?;
    let left = crate::auth::accounts::recovery_codes_left(&db()?, user.id).await.map_err(AppError::internal)?;
    let data = AccountInfo {
        email: user.email.clone(),
        display_name: user.display_name.clone(),
        roles: user.roles.clone(),
        totp_enabled: user.totp_enabled,
        totp_required: user.needs_second_factor(),
        recovery_codes_left: left,
    };
    page(&user, data).await
}
