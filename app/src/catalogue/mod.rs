//! The catalogue of city services: model, storage, the publish operation, export and import,
//! the in-memory snapshot residents read, and the demo data.

pub mod api;
pub mod hours;
pub mod model;
pub mod paths;
pub mod text;

#[cfg(feature = "ssr")]
mod db;
#[cfg(feature = "ssr")]
mod demo;
#[cfg(feature = "ssr")]
pub mod sitemap;
#[cfg(feature = "ssr")]
pub mod snapshot;
#[cfg(feature = "ssr")]
pub mod synthetic;

pub use model::*;

#[cfg(feature = "ssr")]
pub use db::{
    catalogue_version, export_catalogue, import_catalogue, insert_services, is_slug, load_taxonomy, publish_version, published_services, validate,
    CatalogueError, ImportSummary, PublishedService, Taxonomy,
};
#[cfg(feature = "ssr")]
pub use demo::{demo_catalogue, seed_demo, seed_synthetic};
