//! Search over the published catalogue: German-aware analysis, an in-memory tantivy index
//! rebuilt with every catalogue snapshot, ranking, highlighting and "did you mean", and the
//! anonymous statistics staff see (queries, result counts, clicks).

pub mod api;
pub mod model;

#[cfg(feature = "ssr")]
mod analysis;
#[cfg(feature = "ssr")]
mod index;
#[cfg(feature = "ssr")]
pub mod log;
#[cfg(feature = "ssr")]
mod query;
#[cfg(feature = "ssr")]
mod spelling;

#[cfg(feature = "ssr")]
pub use index::SearchIndex;

/// Position of a language in the search's per-language arrays.
#[cfg(feature = "ssr")]
fn slot(lang: crate::i18n::Lang) -> usize {
    lang.pick(0, 1)
}
#[cfg(feature = "ssr")]
pub use query::{Found, Matcher, SearchQuery};
