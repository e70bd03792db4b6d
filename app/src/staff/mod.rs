//! The staff area's shared pieces: who is signed in, the checks every staff server function
//! makes, the sign-in flow and the audit log. Staff pages are rendered on the server only (no
//! islands), so none of this reaches the residents' WebAssembly bundle.

pub mod account;
pub mod admin;
pub mod audit;
#[cfg(feature = "ssr")]
mod form_changes;
pub mod form_field;
pub mod forms;
#[cfg(feature = "ssr")]
pub mod guard;
pub mod insight;
pub mod listing_form;
pub mod listings;
pub mod model;
pub mod sign_in;
pub mod taxonomy;

pub use model::{Notice, StaffContext, StaffPage, SIGN_IN_PATH, STAFF_ROOT};
