//! Storage of forms, drafts, requests and their files, the same on SQLite and PostgreSQL.

mod drafts;
pub(crate) mod files;
mod form_workflow;
mod forms;
mod submit;
mod tracking;

pub use drafts::{delete_expired_drafts, issue_submit_key, load_draft, save_answers, start_draft, Draft, DRAFT_DAYS};
pub use files::{add_draft_file, remove_draft_file, sanitise_file_name, FileRefusal, Upload};
pub use form_workflow::{
    discard_form_draft, form_history, form_states, publish_reviewed_form, return_form, save_form_draft, submit_form, working_form, FormState,
    FormVersionInfo, FormWorkflowError, WorkingForm,
};
pub use forms::{form_version, live_form, live_form_by_slug, publish_form, seed_demo_forms, StoredForm};
pub use submit::{submit, Receipt, Submission, SubmitOutcome};
pub use tracking::{reply, track, withdraw, Tracked};

/// Why a request operation failed.
#[derive(Debug, thiserror::Error)]
pub enum RequestError {
    /// The database failed.
    #[error("database error: {0}")]
    Db(#[from] sqlx::Error),
    /// Stored JSON could not be read.
    #[error("stored data is corrupt: {0}")]
    Corrupt(String),
}

impl From<crate::db::DbError> for RequestError {
    fn from(error: crate::db::DbError) -> Self {
        match error {
            crate::db::DbError::Query(error) => RequestError::Db(error),
            other => RequestError::Corrupt(other.to_string()),
        }
    }
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, RequestError> {
    serde_json::to_string(value).map_err(|e| RequestError::Corrupt(e.to_string()))
}

fn from_json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, RequestError> {
    serde_json::from_str(text).map_err(|e| RequestError::Corrupt(e.to_string()))
}
