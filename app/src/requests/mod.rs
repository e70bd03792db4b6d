//! Online requests (Anträge): form definitions, answers and their checks, reference numbers,
//! and on the server the drafts, submissions and tracking (see `shared/DOMAIN.md`).

pub mod answers;
pub mod api;
pub mod date;
pub mod form;
pub mod paths;
pub mod reference;
pub mod status;
pub mod validate;
pub mod views;

#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod limits;
#[cfg(feature = "ssr")]
pub mod settings;
#[cfg(feature = "ssr")]
pub mod store;
