//! The catalogue of city services: model, storage, the publish operation, export and import,
//! and the demo data.

pub mod model;

#[cfg(feature = "ssr")]
mod db;
#[cfg(feature = "ssr")]
mod demo;
#[cfg(feature = "ssr")]
pub mod synthetic;

pub use model::*;

#[cfg(feature = "ssr")]
pub use db::{
    export_catalogue, import_catalogue, insert_services, is_slug, publish_version, published_services, validate, CatalogueError, ImportSummary,
    PublishedService,
};
#[cfg(feature = "ssr")]
pub use demo::{demo_catalogue, seed_demo, seed_synthetic};
