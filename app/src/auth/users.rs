//! Creating staff accounts.

use crate::db::{Db, DbError};
use super::Role;
use std::str::FromStr;

impl FromStr for Role {
    type Err = UserError;

    fn from_str(value: &str) -> Result<Self, Self::Err> {
        Role::parse(value).ok_or_else(|| UserError::UnknownRole(value.to_string()))
    }
}

/// Why an account could not be created.
#[derive(Debug, thiserror::Error)]
pub enum UserError {
    /// The role name is not one of [`Role::ALL`].
    #[error("unknown role \"{0}\"; use editor, publisher, caseworker or administrator")]
    UnknownRole(String),
    /// The email address is not plausible.
    #[error("\"{0}\" is not an email address")]
    InvalidEmail(String),
    /// An account with this email address exists already.
    #[error("an account for {0} exists already")]
    Exists(String),
    /// The password breaks a rule.
    #[error(transparent)]
    Password(#[from] super::PasswordError),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
}

/// An account to create.
#[derive(Debug)]
pub struct NewUser<'a> {
    /// Sign-in address; stored lower-cased.
    pub email: &'a str,
    /// Shown in the staff area and the audit log.
    pub display_name: &'a str,
    /// The roles to grant.
    pub roles: &'a [Role],
    /// Argon2id hash from [`super::hash_password`].
    pub password_hash: &'a str,
}

/// Creates an account with its roles in one transaction; returns its id.
pub async fn create_user(db: &Db, user: NewUser<'_>) -> Result<i64, UserError> {
    let email = user.email.trim().to_lowercase();
    let plausible = email.len() <= 254
        && email.split_once('@').is_some_and(|(local, domain)| !local.is_empty() && domain.contains('.'))
        && !email.chars().any(char::is_whitespace);
    if !plausible {
        return Err(UserError::InvalidEmail(user.email.to_string()));
    }
    let mut tx = db.pool().begin().await.map_err(DbError::from)?;
    let existing = sqlx::query("SELECT id FROM users WHERE email = $1")
        .bind(&email)
        .fetch_optional(&mut *tx)
        .await
        .map_err(DbError::from)?;
    if existing.is_some() {
        return Err(UserError::Exists(email));
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO users (email, display_name, password_hash, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(&email)
    .bind(user.display_name)
    .bind(user.password_hash)
    .bind(crate::db::now())
    .fetch_one(&mut *tx)
    .await
    .map_err(DbError::from)?;
    for role in user.roles {
        sqlx::query("INSERT INTO user_roles (user_id, role) VALUES ($1, $2)")
            .bind(id)
            .bind(role.as_str())
            .execute(&mut *tx)
            .await
            .map_err(DbError::from)?;
    }
    tx.commit().await.map_err(DbError::from)?;
    Ok(id)
}
