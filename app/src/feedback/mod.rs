//! Accessibility feedback: residents report barriers through the form on the accessibility
//! statement (BITV 2.0 requires the feedback mechanism); staff read the messages.
//!
//! The form is a plain HTML form, so it works without JavaScript: the server function answers a
//! form post with a redirect back to the statement, carrying either "thank you" or a token under
//! which the entered text and the errors wait (for an hour) to be shown again.

mod api;
#[cfg(feature = "ssr")]
mod db;

pub use api::*;
#[cfg(feature = "ssr")]
pub use db::{list_feedback, save_feedback, save_flash, take_flash, StoredFeedback};
