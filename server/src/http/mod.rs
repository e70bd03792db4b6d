//! The HTTP side: routes, middleware and the server loop.

mod catalogue_transfer;
mod error_page;
mod health;
mod inbox_files;
mod language;
mod middleware;
mod page_cache;
mod requests;
mod router;
mod search;
mod seo;
mod serve;
mod static_files;

pub use router::{router, AppState};
pub use search::SuggestionCache;
pub use serve::{serve, shutdown_signal};

#[cfg(test)]
mod tests;
#[cfg(test)]
mod search_tests;
#[cfg(test)]
mod staff_tests;
#[cfg(test)]
mod inbox_tests;
#[cfg(test)]
mod inbox_demo_tests;
#[cfg(test)]
mod request_tests;
#[cfg(test)]
mod form_builder_tests;
#[cfg(test)]
mod taxonomy_tests;
#[cfg(test)]
mod dashboard_tests;
