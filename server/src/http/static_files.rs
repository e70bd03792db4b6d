//! The built site's files: hashed bundles under `/pkg` (cached for a year, immutable) and the
//! public files (fonts, icons, robots.txt; cached for a day). Brotli or gzip variants made at
//! build time (`make build`) are served to clients that accept them.

use axum::http::{header, HeaderValue};
use axum::Router;
use std::path::Path;
use tower_http::services::ServeDir;
use tower::Layer;
use tower_http::set_header::{SetResponseHeader, SetResponseHeaderLayer};

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const ONE_DAY: &str = "public, max-age=86400";

/// Routes for `/pkg/*`.
pub fn pkg_routes<S: Clone + Send + Sync + 'static>(site_root: &Path) -> Router<S> {
    let pkg = ServeDir::new(site_root.join("pkg")).precompressed_br().precompressed_gzip();
    Router::new().nest_service(
        "/pkg",
        tower::ServiceBuilder::new()
            .layer(SetResponseHeaderLayer::overriding(header::CACHE_CONTROL, HeaderValue::from_static(IMMUTABLE)))
            .layer(SetResponseHeaderLayer::overriding(header::VARY, HeaderValue::from_static("accept-encoding")))
            .service(pkg),
    )
}

/// A service for the other public files, handing anything it does not find to `not_found`
/// (which sets its own `Cache-Control`).
pub fn public_files<F>(site_root: &Path, not_found: F) -> SetResponseHeader<ServeDir<F>, HeaderValue> {
    SetResponseHeaderLayer::if_not_present(header::CACHE_CONTROL, HeaderValue::from_static(ONE_DAY))
        .layer(ServeDir::new(site_root).precompressed_br().precompressed_gzip().fallback(not_found))
}

/// The URL of the stylesheet, with its content hash when the build wrote one.
pub fn stylesheet_href(options: &leptos::config::LeptosOptions) -> String {
    app::components::bundle_href(options, "css")
}
