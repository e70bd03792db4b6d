//! The resident pages of the service catalogue.

mod indexes;
mod listing;
mod office;
mod service;

pub use indexes::{LifeSituationIndexPage, OfficeIndexPage, TopicIndexPage};
pub use listing::{AToZPage, LifeSituationPage, TopicPage};
pub use office::OfficePage;
pub use service::{ServicePage, ServiceView};

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The `:slug` parameter of the current route.
fn slug_param() -> String {
    use_params_map().read_untracked().get("slug").unwrap_or_default()
}
