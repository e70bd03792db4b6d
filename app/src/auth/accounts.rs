//! Reading and changing staff accounts after they exist: the signed-in user, roles, second
//! factor, "sign out everywhere".

use super::Role;
use crate::db::{Db, DbError, Row};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::str::FromStr;

/// A member of staff as the server sees them on every request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffUser {
    /// Account id.
    pub id: i64,
    /// Sign-in address.
    pub email: String,
    /// Shown in the staff area and the audit log.
    pub display_name: String,
    /// Granted roles.
    pub roles: Vec<Role>,
    /// Whether a TOTP second factor is set up.
    pub totp_enabled: bool,
    /// Changes when the password changes or every session is signed out; sessions remember it
    /// and end when it no longer matches.
    pub auth_hash: Vec<u8>,
}

impl StaffUser {
    /// Whether the user holds at least one of `roles`.
    pub fn has_any(&self, roles: &[Role]) -> bool {
        roles.iter().any(|role| self.roles.contains(role))
    }

    /// Whether this account must use a second factor (publishers, administrators, and
    /// caseworkers, who see residents' personal data).
    pub fn needs_second_factor(&self) -> bool {
        self.has_any(&[Role::Publisher, Role::Caseworker, Role::Administrator])
    }

    /// Name for the audit log and "last edited by": the email, which is unique.
    pub fn actor(&self) -> &str {
        &self.email
    }
}

/// An account together with its password hash and TOTP secret, for signing in.
#[derive(Clone, Debug)]
pub struct Account {
    /// The user.
    pub user: StaffUser,
    /// Argon2id PHC string.
    pub password_hash: String,
    /// Base32 TOTP secret, once set up.
    pub totp_secret: Option<String>,
}

const ACCOUNT_COLUMNS: &str = "id, email, display_name, password_hash, totp_secret, session_epoch";

async fn account_from_row(db: &Db, row: &sqlx::any::AnyRow) -> Result<Account, DbError> {
    let id: i64 = row.try_get("id")?;
    let password_hash: String = row.try_get("password_hash")?;
    let epoch: i64 = row.try_get("session_epoch")?;
    let totp_secret: Option<String> = row.try_get("totp_secret")?;
    let roles: Vec<String> = sqlx::query_scalar("SELECT role FROM user_roles WHERE user_id = $1 ORDER BY role")
        .bind(id)
        .fetch_all(db.pool())
        .await?;
    let auth_hash = Sha256::digest(format!("{password_hash}\n{epoch}").as_bytes()).to_vec();
    Ok(Account {
        user: StaffUser {
            id,
            email: row.try_get("email")?,
            display_name: row.try_get("display_name")?,
            roles: roles.iter().filter_map(|r| Role::from_str(r).ok()).collect(),
            totp_enabled: totp_secret.is_some(),
            auth_hash,
        },
        password_hash,
        totp_secret,
    })
}

/// The active (not disabled) account with this email address.
pub async fn account_by_email(db: &Db, email: &str) -> Result<Option<Account>, DbError> {
    let row = sqlx::query(&format!("SELECT {ACCOUNT_COLUMNS} FROM users WHERE email = $1 AND disabled_at IS NULL"))
        .bind(email.trim().to_lowercase())
        .fetch_optional(db.pool())
        .await?;
    match row {
        Some(row) => Ok(Some(account_from_row(db, &row).await?)),
        None => Ok(None),
    }
}

/// The active account with this id.
pub async fn account_by_id(db: &Db, id: i64) -> Result<Option<Account>, DbError> {
    let row = sqlx::query(&format!("SELECT {ACCOUNT_COLUMNS} FROM users WHERE id = $1 AND disabled_at IS NULL"))
        .bind(id)
        .fetch_optional(db.pool())
        .await?;
    match row {
        Some(row) => Ok(Some(account_from_row(db, &row).await?)),
        None => Ok(None),
    }
}

/// Ends every session of the account (they no longer match its auth hash).
pub async fn end_all_sessions(db: &Db, id: i64) -> Result<(), DbError> {
    sqlx::query("UPDATE users SET session_epoch = session_epoch + 1 WHERE id = $1").bind(id).execute(db.pool()).await?;
    Ok(())
}

/// Stores the TOTP secret and the hashes of fresh recovery codes, replacing earlier ones.
pub async fn enable_second_factor(db: &Db, id: i64, secret: &str, recovery_codes: &[String]) -> Result<(), DbError> {
    let mut tx = db.pool().begin().await?;
    sqlx::query("UPDATE users SET totp_secret = $1 WHERE id = $2").bind(secret).bind(id).execute(&mut *tx).await?;
    sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1").bind(id).execute(&mut *tx).await?;
    for code in recovery_codes {
        sqlx::query("INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)")
            .bind(id)
            .bind(super::second_factor::recovery_code_hash(code))
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Removes the second factor and the recovery codes, and ends every session.
pub async fn disable_second_factor(db: &Db, id: i64) -> Result<(), DbError> {
    let mut tx = db.pool().begin().await?;
    sqlx::query("UPDATE users SET totp_secret = NULL, session_epoch = session_epoch + 1 WHERE id = $1").bind(id).execute(&mut *tx).await?;
    sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1").bind(id).execute(&mut *tx).await?;
    tx.commit().await?;
    Ok(())
}

/// Uses up a recovery code; whether it was valid and unused.
pub async fn use_recovery_code(db: &Db, id: i64, code: &str) -> Result<bool, DbError> {
    let used = sqlx::query("UPDATE recovery_codes SET used_at = $1 WHERE user_id = $2 AND code_hash = $3 AND used_at IS NULL")
        .bind(crate::db::now())
        .bind(id)
        .bind(super::second_factor::recovery_code_hash(code))
        .execute(db.pool())
        .await?;
    Ok(used.rows_affected() == 1)
}

/// How many unused recovery codes the account has left.
pub async fn recovery_codes_left(db: &Db, id: i64) -> Result<i64, DbError> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL")
        .bind(id)
        .fetch_one(db.pool())
        .await?)
}
