//! What every staff page knows about the person using it.

use crate::auth::Role;
use serde::{Deserialize, Serialize};

/// The staff area's root.
pub const STAFF_ROOT: &str = "/verwaltung";
/// The sign-in page.
pub const SIGN_IN_PATH: &str = "/verwaltung/anmelden";

/// The signed-in person, the form token and a one-time message, for the page frame.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffContext {
    /// Display name (or email when none).
    pub name: String,
    /// Sign-in address.
    pub email: String,
    /// Granted roles.
    pub roles: Vec<Role>,
    /// The session's CSRF token; every form sends it back.
    pub csrf: String,
    /// A message from the last action ("Gespeichert."), shown once.
    pub notice: Option<Notice>,
}

impl StaffContext {
    /// Whether the person holds at least one of `roles`.
    pub fn has_any(&self, roles: &[Role]) -> bool {
        roles.iter().any(|role| self.roles.contains(role))
    }
}

/// A one-time message after an action.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    /// Success (green) or problem (red).
    pub success: bool,
    /// The message, in German.
    pub text: String,
}

/// A staff page's data with the frame's context.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StaffPage<T> {
    /// Who is signed in.
    pub context: StaffContext,
    /// What the page shows.
    pub data: T,
}
