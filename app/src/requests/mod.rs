//! Online requests (Anträge): form definitions, answers and their checks, reference numbers,
//! and on the server the drafts, submissions and tracking (see `shared/DOMAIN.md`).

pub mod answers;
pub mod date;
pub mod demo;
pub mod form;
pub mod reference;
pub mod validate;
pub mod status;
#[cfg(feature = "ssr")]
pub mod store;
pub mod paths;
pub mod views;
pub mod api;
#[cfg(feature = "ssr")]
pub mod limits;
#[cfg(feature = "ssr")]
pub mod settings;
