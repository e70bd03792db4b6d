//! Staff accounts: roles, password hashing and account creation.

mod password;
mod users;

pub use password::{generate_password, hash_password, verify_password, PasswordError, MIN_PASSWORD_LEN};
pub use users::{create_user, NewUser, Role, UserError};
