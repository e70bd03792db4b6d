//! axum-login's view of staff accounts: how a session finds its user again on each request,
//! and how a password is checked.

use super::accounts::{account_by_email, account_by_id, StaffUser};
use super::verify_password;
use crate::db::{Db, DbError};
use axum_login::{AuthUser, AuthnBackend};

impl AuthUser for StaffUser {
    type Id = i64;

    fn id(&self) -> i64 {
        self.id
    }

    fn session_auth_hash(&self) -> &[u8] {
        &self.auth_hash
    }
}

/// Email and password as typed.
#[derive(Clone)]
pub struct Credentials {
    /// Sign-in address.
    pub email: String,
    /// The password.
    pub password: String,
}

/// Staff accounts in the portal's database.
#[derive(Clone, Debug)]
pub struct StaffBackend {
    db: Db,
}

impl StaffBackend {
    /// The backend on `db`.
    pub fn new(db: Db) -> Self {
        StaffBackend { db }
    }
}

/// A hash of a random password nobody knows, verified when the account does not exist so
/// that both answers take the same time.
fn decoy_hash() -> String {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| super::hash_password(&super::generate_password()).unwrap_or_default()).clone()
}

impl AuthnBackend for StaffBackend {
    type User = StaffUser;
    type Credentials = Credentials;
    type Error = DbError;

    async fn authenticate(&self, credentials: Credentials) -> Result<Option<StaffUser>, DbError> {
        let account = account_by_email(&self.db, &credentials.email).await?;
        let known = account.as_ref().map(|a| a.password_hash.clone());
        let password = credentials.password;
        let matches = tokio::task::spawn_blocking(move || verify_password(&password, &known.unwrap_or_else(decoy_hash)))
            .await
            .unwrap_or(false);
        Ok(account.filter(|_| matches).map(|a| a.user))
    }

    async fn get_user(&self, id: &i64) -> Result<Option<StaffUser>, DbError> {
        Ok(account_by_id(&self.db, *id).await?.map(|a| a.user))
    }
}
