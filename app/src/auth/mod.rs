//! Staff accounts: roles, password hashing, account creation, sessions, the second factor and
//! sign-in back-off. Only [`Role`] is compiled for the browser too.

mod role;
pub use role::Role;

#[cfg(feature = "ssr")]
pub mod accounts;
#[cfg(feature = "ssr")]
mod backend;
#[cfg(feature = "ssr")]
mod password;
#[cfg(feature = "ssr")]
pub mod second_factor;
#[cfg(feature = "ssr")]
mod session_store;
#[cfg(feature = "ssr")]
pub mod throttle;
#[cfg(feature = "ssr")]
mod users;

#[cfg(feature = "ssr")]
pub use accounts::StaffUser;
#[cfg(feature = "ssr")]
pub use backend::{Credentials, StaffBackend};
#[cfg(feature = "ssr")]
pub use password::{generate_password, hash_password, verify_password, PasswordError, MIN_PASSWORD_LEN};
#[cfg(feature = "ssr")]
pub use session_store::DbSessionStore;
#[cfg(feature = "ssr")]
pub use users::{create_user, NewUser, UserError};

/// The session of a request as axum-login sees it.
#[cfg(feature = "ssr")]
pub type AuthSession = axum_login::AuthSession<StaffBackend>;
