//! Administrators manage staff accounts: create them with a one-time password, change roles,
//! disable them, reset a lost second factor.

use crate::auth::Role;
use crate::error::AppError;
use crate::staff::StaffPage;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// An account in the list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountRow {
    /// Id.
    pub id: i64,
    /// Sign-in address.
    pub email: String,
    /// Name.
    pub display_name: String,
    /// Roles.
    pub roles: Vec<Role>,
    /// Second factor set up.
    pub totp_enabled: bool,
    /// Disabled (cannot sign in).
    pub disabled: bool,
}

/// The roles ticked in a form (one field per role, any value means ticked).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleBoxes {
    /// Editor ticked.
    #[serde(default)]
    pub editor: String,
    /// Publisher ticked.
    #[serde(default)]
    pub publisher: String,
    /// Caseworker ticked.
    #[serde(default)]
    pub caseworker: String,
    /// Administrator ticked.
    #[serde(default)]
    pub administrator: String,
}

impl RoleBoxes {
    /// The ticked roles.
    pub fn roles(&self) -> Vec<Role> {
        [(&self.editor, Role::Editor), (&self.publisher, Role::Publisher), (&self.caseworker, Role::Caseworker), (&self.administrator, Role::Administrator)]
            .into_iter()
            .filter(|(value, _)| !value.is_empty())
            .map(|(_, role)| role)
            .collect()
    }
}

#[cfg(feature = "ssr")]
fn role_names(roles: &[Role]) -> String {
    roles.iter().map(|r| r.label()).collect::<Vec<_>>().join(", ")
}

/// Every account.
#[server(endpoint = "staff/accounts")]
pub async fn get_accounts() -> Result<StaffPage<Vec<AccountRow>>, AppError> {
    use crate::db::Row;
    use crate::staff::guard::{db, page, require};
    let user = require(&[Role::Administrator]).await?;
    let db = db()?;
    // SQLite spells STRING_AGG as GROUP_CONCAT.
    let aggregate = match db.backend() {
        crate::db::Backend::Sqlite => "GROUP_CONCAT(r.role, ',')",
        crate::db::Backend::Postgres => "STRING_AGG(r.role, ',')",
    };
    let rows = sqlx::query(&format!(
        "SELECT u.id, u.email, u.display_name, \
         CASE WHEN u.totp_secret IS NULL THEN 0 ELSE 1 END AS totp, \
         CASE WHEN u.disabled_at IS NULL THEN 0 ELSE 1 END AS disabled, \
         COALESCE((SELECT {aggregate} FROM user_roles r WHERE r.user_id = u.id), '') AS roles FROM users u ORDER BY u.email"
    ))
    .fetch_all(db.pool())
    .await
    .map_err(AppError::internal)?;
    let accounts = rows
        .iter()
        .map(|row| {
            let roles: String = row.try_get("roles")?;
            Ok(AccountRow {
                id: row.try_get("id")?,
                email: row.try_get("email")?,
                display_name: row.try_get("display_name")?,
                roles: roles.split(',').filter_map(Role::parse).collect(),
                totp_enabled: row.try_get::<i64, _>("totp")? == 1,
                disabled: row.try_get::<i64, _>("disabled")? == 1,
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()
        .map_err(AppError::internal)?;
    page(&user, accounts).await
}

/// Creates an account; its one-time password is shown once in the notice.
#[server(endpoint = "staff/accounts/create")]
pub async fn create_account(csrf: String, email: String, #[server(default)] display_name: String, #[server(default)] roles: RoleBoxes) -> Result<(), AppError> {
    use crate::auth::{create_user, generate_password, hash_password, NewUser, UserError};
    use crate::staff::guard::{audit, db, notify, require_change};
    let user = require_change(&[Role::Administrator], &csrf).await?;
    let roles = roles.roles();
    let password = generate_password();
    let hash = tokio::task::spawn_blocking({
        let password = password.clone();
        move || hash_password(&password)
    })
    .await
    .map_err(AppError::internal)?
    .map_err(AppError::internal)?;
    let display_name: String = display_name.trim().chars().take(100).collect();
    let result = create_user(&db()?, NewUser { email: &email, display_name: &display_name, roles: &roles, password_hash: &hash }).await;
    leptos_axum::redirect("/verwaltung/konten");
    match result {
        Ok(_) => {
            let email = email.trim().to_lowercase();
            audit(&user, "user.create", &email, &format!("Rollen: {}", role_names(&roles))).await?;
            notify(true, format!("Konto {email} angelegt. Einmal-Passwort (nur jetzt sichtbar, bitte sicher weitergeben): {password}")).await
        }
        Err(UserError::InvalidEmail(_)) => notify(false, "Bitte geben Sie eine gültige E-Mail-Adresse ein.").await,
        Err(UserError::Exists(email)) => notify(false, format!("Ein Konto für {email} gibt es bereits.")).await,
        Err(error) => Err(AppError::internal(error)),
    }
}

/// Replaces an account's roles.
#[server(endpoint = "staff/accounts/roles")]
pub async fn set_account_roles(csrf: String, id: i64, #[server(default)] roles: RoleBoxes) -> Result<(), AppError> {
    use crate::staff::guard::{audit, db, notify, require_change};
    let user = require_change(&[Role::Administrator], &csrf).await?;
    let roles = roles.roles();
    leptos_axum::redirect("/verwaltung/konten");
    if id == user.id && !roles.contains(&Role::Administrator) {
        return notify(false, "Sie können sich die Administration nicht selbst entziehen.").await;
    }
    let db = db()?;
    let email: Option<String> = sqlx::query_scalar("SELECT email FROM users WHERE id = $1").bind(id).fetch_optional(db.pool()).await.map_err(AppError::internal)?;
    let Some(email) = email else { return Err(AppError::NotFound) };
    let mut tx = db.pool().begin().await.map_err(AppError::internal)?;
    sqlx::query("DELETE FROM user_roles WHERE user_id = $1").bind(id).execute(&mut *tx).await.map_err(AppError::internal)?;
    for role in &roles {
        sqlx::query("INSERT INTO user_roles (user_id, role) VALUES ($1, $2)").bind(id).bind(role.as_str()).execute(&mut *tx).await.map_err(AppError::internal)?;
    }
    tx.commit().await.map_err(AppError::internal)?;
    audit(&user, "user.roles", &email, &format!("Rollen jetzt: {}", role_names(&roles))).await?;
    notify(true, format!("Rollen von {email} gespeichert.")).await
}

/// Disables or re-enables an account; disabling ends its sessions at once.
#[server(endpoint = "staff/accounts/disable")]
pub async fn set_account_disabled(csrf: String, id: i64, #[server(default)] enable: String) -> Result<(), AppError> {
    use crate::staff::guard::{audit, db, notify, require_change};
    let user = require_change(&[Role::Administrator], &csrf).await?;
    leptos_axum::redirect("/verwaltung/konten");
    if id == user.id {
        return notify(false, "Sie können Ihr eigenes Konto nicht sperren.").await;
    }
    let db = db()?;
    let email: Option<String> = sqlx::query_scalar("SELECT email FROM users WHERE id = $1").bind(id).fetch_optional(db.pool()).await.map_err(AppError::internal)?;
    let Some(email) = email else { return Err(AppError::NotFound) };
    let enable = !enable.is_empty();
    let disabled_at = (!enable).then(crate::db::now);
    sqlx::query("UPDATE users SET disabled_at = $1, session_epoch = session_epoch + 1 WHERE id = $2")
        .bind(disabled_at)
        .bind(id)
        .execute(db.pool())
        .await
        .map_err(AppError::internal)?;
    audit(&user, if enable { "user.enable" } else { "user.disable" }, &email, "").await?;
    notify(true, if enable { format!("Konto {email} entsperrt.") } else { format!("Konto {email} gesperrt; alle Sitzungen beendet.") }).await
}

/// Removes an account's second factor (lost phone); they set it up at the next sign-in.
#[server(endpoint = "staff/accounts/reset-second-factor")]
pub async fn reset_account_second_factor(csrf: String, id: i64) -> Result<(), AppError> {
    use crate::staff::guard::{audit, db, notify, require_change};
    let user = require_change(&[Role::Administrator], &csrf).await?;
    leptos_axum::redirect("/verwaltung/konten");
    let db = db()?;
    let email: Option<String> = sqlx::query_scalar("SELECT email FROM users WHERE id = $1").bind(id).fetch_optional(db.pool()).await.map_err(AppError::internal)?;
    let Some(email) = email else { return Err(AppError::NotFound) };
    crate::auth::accounts::disable_second_factor(&db, id).await.map_err(AppError::internal)?;
    audit(&user, "second_factor.reset", &email, "zweiter Faktor entfernt").await?;
    notify(true, format!("Zweiter Faktor von {email} entfernt; alle Sitzungen beendet.")).await
}

/// What the export and import page shows about the current catalogue.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogueSize {
    /// Services (any state).
    pub services: i64,
    /// Published services.
    pub published: i64,
    /// Topics.
    pub topics: i64,
    /// Offices.
    pub offices: i64,
}

/// The export and import page (administrators).
#[server(endpoint = "staff/catalogue-size")]
pub async fn get_catalogue_size() -> Result<StaffPage<CatalogueSize>, AppError> {
    use crate::staff::guard::{db, page, require};
    let user = require(&[Role::Administrator]).await?;
    let db = db()?;
    let count = |sql: &'static str| {
        let db = db.clone();
        async move { sqlx::query_scalar::<_, i64>(sql).fetch_one(db.pool()).await.map_err(AppError::internal) }
    };
    let size = CatalogueSize {
        services: count("SELECT COUNT(*) FROM services").await?,
        published: count("SELECT COUNT(*) FROM service_versions WHERE status = 'published'").await?,
        topics: count("SELECT COUNT(*) FROM topics").await?,
        offices: count("SELECT COUNT(*) FROM offices").await?,
    };
    page(&user, size).await
}
