//! The catalogue of city services: model, storage, the publish operation, export and import,
//! the editorial workflow of the staff area, the in-memory snapshot residents read, the demo data,
//! and staff editing of topics, life situations, offices, synonyms and featured services.

pub mod api;
pub mod diff;
pub mod editorial_model;
pub mod hours;
pub mod hours_text;
pub mod model;
pub mod paths;
pub mod synonyms_text;
pub mod text;

#[cfg(feature = "ssr")]
mod db;
#[cfg(feature = "ssr")]
mod demo;
#[cfg(feature = "ssr")]
pub mod editorial;
#[cfg(feature = "ssr")]
mod error;
#[cfg(feature = "ssr")]
mod service_rows;
#[cfg(feature = "ssr")]
pub mod sitemap;
#[cfg(feature = "ssr")]
pub mod snapshot;
#[cfg(feature = "ssr")]
pub mod synthetic;
#[cfg(feature = "ssr")]
pub mod taxonomy_edit;

pub use model::*;

#[cfg(feature = "ssr")]
pub use db::{
    catalogue_version, export_catalogue, import_catalogue, insert_services, is_slug, load_taxonomy, publish_version, published_services, validate,
    CatalogueError, ImportSummary, PublishedService, Taxonomy,
};
/// Marks the published catalogue as changed (used when a request form goes live).
#[cfg(feature = "ssr")]
pub(crate) use db::bump_version;
#[cfg(feature = "ssr")]
pub use error::StateError;
#[cfg(feature = "ssr")]
pub use demo::{demo_catalogue, seed_demo, seed_synthetic};
