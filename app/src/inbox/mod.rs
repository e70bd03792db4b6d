//! The caseworkers' inbox (issue #7): the filtered list of submitted requests, one request
//! with its answers, files and history, the actions on it (assign, status with a message to
//! the resident, ask for more, internal notes) and canned replies per service.

pub mod api;
pub mod model;
#[cfg(feature = "ssr")]
pub mod store;
