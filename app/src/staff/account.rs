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

/// Changes the signed-in person's password. Every other session of the account ends; this one
/// stays signed in.
#[server(endpoint = "staff/account/password")]
pub async fn change_password(csrf: String, current: String, new: String, repeat: String) -> Result<(), AppError> {
    use crate::auth::{hash_password, verify_password, PasswordError, MIN_PASSWORD_LEN};
    use crate::staff::guard::{audit, auth_session, db, notify, require_change};
    let user = require_change(&[], &csrf).await?;
    leptos_axum::redirect("/verwaltung/konto");
    let db = db()?;
    let account = crate::auth::accounts::account_by_id(&db, user.id).await.map_err(AppError::internal)?.ok_or(AppError::SignInRequired)?;
    let stored = account.password_hash.clone();
    let typed = current.clone();
    let matches = tokio::task::spawn_blocking(move || verify_password(&typed, &stored)).await.unwrap_or(false);
    if !matches {
        return notify(false, "Das bisherige Passwort stimmt nicht. Das Passwort wurde nicht geändert.").await;
    }
    if new != repeat {
        return notify(false, "Die beiden neuen Passwörter stimmen nicht überein. Das Passwort wurde nicht geändert.").await;
    }
    if new == current {
        return notify(false, "Das neue Passwort muss sich vom bisherigen unterscheiden.").await;
    }
    let hashed = tokio::task::spawn_blocking(move || hash_password(&new)).await.map_err(AppError::internal)?;
    let hash = match hashed {
        Ok(hash) => hash,
        Err(PasswordError::TooShort) => {
            return notify(false, format!("Das neue Passwort braucht mindestens {MIN_PASSWORD_LEN} Zeichen. Ein Satz aus mehreren Wörtern ist gut zu merken.")).await
        }
        Err(PasswordError::TooCommon) => return notify(false, "Dieses Passwort ist zu verbreitet. Bitte wählen Sie ein anderes.").await,
        Err(error) => return Err(AppError::internal(error)),
    };
    sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2").bind(&hash).bind(user.id).execute(db.pool()).await.map_err(AppError::internal)?;
    // The new hash ends every session of the account; this one signs in again at once.
    let updated = crate::auth::accounts::account_by_id(&db, user.id).await.map_err(AppError::internal)?.ok_or(AppError::SignInRequired)?;
    let mut auth = auth_session().await?;
    auth.login(&updated.user).await.map_err(AppError::internal)?;
    audit(&user, "user.password", &user.email, "eigenes Passwort geändert; andere Sitzungen beendet").await?;
    notify(true, "Ihr Passwort ist geändert. Auf anderen Geräten sind Sie abgemeldet.").await
}
