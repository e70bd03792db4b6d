//! The error type of every server function. Internal causes are logged on the server and reach
//! the browser only as a generic message with the request id.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// What a server function can answer instead of its result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// Something failed on the server; the cause is in the log under this request id.
    #[error("internal error (request {0})")]
    Internal(String),
    /// The request could not be transported or decoded.
    #[error("request failed: {0}")]
    Transport(String),
    /// A staff function was called without a valid session.
    #[error("sign-in required")]
    SignInRequired,
    /// The caller's roles do not allow this, or the form's CSRF token was wrong.
    #[error("not allowed")]
    Forbidden,
    /// The thing asked for does not exist (any more).
    #[error("not found")]
    NotFound,
    /// The input breaks a rule; the message is meant for the person, in their language.
    #[error("{0}")]
    Invalid(String),
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Transport(value.to_string())
    }
}

impl AppError {
    /// Logs `cause` and returns the generic error carrying the request id.
    #[cfg(feature = "ssr")]
    pub fn internal(cause: impl std::fmt::Display) -> AppError {
        let request_id = leptos::prelude::use_context::<http::request::Parts>()
            .and_then(|parts| parts.headers.get("x-request-id").and_then(|v| v.to_str().ok()).map(str::to_string))
            .unwrap_or_else(|| "-".into());
        tracing::error!(%cause, request_id, "server function failed");
        AppError::Internal(request_id)
    }
}
