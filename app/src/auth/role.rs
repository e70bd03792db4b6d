//! The roles of staff members.

use serde::{Deserialize, Serialize};

/// What a member of staff may do. A person may hold several roles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Writes service listings; cannot publish.
    Editor,
    /// Reviews and publishes listings written by others.
    Publisher,
    /// Works the inbox of incoming requests.
    Caseworker,
    /// Manages accounts, roles, settings and reads the audit log.
    Administrator,
}

impl Role {
    /// Every role.
    pub const ALL: [Role; 4] = [Role::Editor, Role::Publisher, Role::Caseworker, Role::Administrator];

    /// The name stored in the database and used on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Editor => "editor",
            Role::Publisher => "publisher",
            Role::Caseworker => "caseworker",
            Role::Administrator => "administrator",
        }
    }

    /// The role with this name (case and surrounding spaces ignored).
    pub fn parse(value: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|role| role.as_str().eq_ignore_ascii_case(value.trim()))
    }

    /// The German name shown in the staff area.
    pub fn label(self) -> &'static str {
        match self {
            Role::Editor => "Redaktion",
            Role::Publisher => "Freigabe",
            Role::Caseworker => "Sachbearbeitung",
            Role::Administrator => "Administration",
        }
    }
}
