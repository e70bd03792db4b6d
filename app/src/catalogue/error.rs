//! Why a catalogue operation failed, and the JSON helpers every storage module shares.

use crate::db::DbError;
use serde::de::DeserializeOwned;

/// Why a catalogue operation failed.
///
/// The editorial variants (from [`InvalidSlug`](CatalogueError::InvalidSlug) on) are meant to
/// be matched on and put into words by the staff interface; their `Display` is a short
/// technical text for logs.
#[derive(Debug, thiserror::Error)]
pub enum CatalogueError {
    /// The data breaks a rule of the catalogue (duplicate slug, unknown reference, …).
    #[error("invalid catalogue: {0}")]
    Invalid(String),
    /// No such service or version.
    #[error("not found: {0}")]
    NotFound(String),
    /// A stored JSON document does not match the model (a bug or a manual edit).
    #[error("stored catalogue data is damaged: {0}")]
    Corrupt(String),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Building the search index failed.
    #[error("building the search index failed: {0}")]
    Search(String),
    /// A slug is not lowercase letters, digits and single inner hyphens (at most 120 bytes).
    #[error("invalid slug: {0}")]
    InvalidSlug(String),
    /// A slug is already used by a service (German and English slugs share one namespace).
    #[error("slug taken: {0}")]
    SlugTaken(String),
    /// The German title is empty.
    #[error("German title missing")]
    TitleMissing,
    /// The Leistungsschlüssel does not have 14 digits.
    #[error("invalid LeiKa key: {0}")]
    InvalidLeikaKey(String),
    /// The content names a topic that does not exist.
    #[error("unknown topic: {0}")]
    UnknownTopic(String),
    /// The content names an office that does not exist.
    #[error("unknown office: {0}")]
    UnknownOffice(String),
    /// The content names a life situation that does not exist.
    #[error("unknown life situation: {0}")]
    UnknownLifeSituation(String),
    /// The action is not possible in the service's current workflow state.
    #[error("not possible now: {0}")]
    State(StateError),
    /// Four-eyes rule: the person who last changed a version cannot publish it.
    #[error("four-eyes rule: the last editor cannot publish")]
    FourEyes,
}

/// Which workflow state an editorial action needed and did not find.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StateError {
    /// Submitting needs a working version in draft.
    #[error("no draft")]
    NoDraft,
    /// Publishing or returning needs a working version in review.
    #[error("no version in review")]
    NotInReview,
    /// Archiving needs a published version.
    #[error("not published")]
    NotPublished,
}

impl From<sqlx::Error> for CatalogueError {
    fn from(error: sqlx::Error) -> Self {
        CatalogueError::Db(DbError::Query(error))
    }
}

impl From<StateError> for CatalogueError {
    fn from(error: StateError) -> Self {
        CatalogueError::State(error)
    }
}

/// `value` as JSON text for a document column.
pub(super) fn to_json<T: serde::Serialize>(value: &T) -> Result<String, CatalogueError> {
    serde_json::to_string(value).map_err(|e| CatalogueError::Invalid(e.to_string()))
}

/// A stored JSON document; `what` names it in the error.
pub(super) fn from_json<T: DeserializeOwned>(text: &str, what: &str) -> Result<T, CatalogueError> {
    serde_json::from_str(text).map_err(|e| CatalogueError::Corrupt(format!("{what}: {e}")))
}
