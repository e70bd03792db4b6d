//! A cache of rendered catalogue pages. Catalogue pages are the same for every resident, so a
//! page is rendered once per catalogue version and minute (offices show "open now") and then
//! served from memory. A cached page cannot keep its CSP nonce: the nonce is swapped for a
//! placeholder when the page is stored and for the response's fresh nonce when it is served.

use axum::body::{to_bytes, Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use app::catalogue::snapshot::CatalogueCache;
use leptos::nonce::Nonce;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

/// How long a page is served from the cache at most.
const TIME_TO_LIVE: Duration = Duration::from_secs(60);
/// How many pages are kept at most; the cache starts over when full.
const CAPACITY: usize = 2000;
/// Largest page that is cached.
const MAX_PAGE: usize = 2 * 1024 * 1024;
/// Stands in for the nonce inside stored pages.
const PLACEHOLDER: &str = "__rathaus_nonce__";

/// Path prefixes of pages that depend only on their path and the published catalogue.
const CACHEABLE: &[&str] = &[
    "/leistungen", "/themen", "/lebenslagen", "/dienststellen", "/impressum", "/datenschutz", "/leichte-sprache",
    "/en/services", "/en/topics", "/en/life-situations", "/en/offices", "/en/imprint", "/en/privacy", "/en/easy-read",
];

struct Entry {
    generation: u64,
    stored: Instant,
    html: Bytes,
}

/// The cache; cheap to clone.
#[derive(Clone)]
pub struct PageCache {
    catalogue: CatalogueCache,
    pages: Arc<RwLock<HashMap<String, Entry>>>,
}

impl PageCache {
    /// An empty cache following `catalogue`'s versions.
    pub fn new(catalogue: CatalogueCache) -> PageCache {
        PageCache { catalogue, pages: Arc::default() }
    }

    fn get(&self, path: &str) -> Option<Bytes> {
        let pages = self.pages.read().ok()?;
        let entry = pages.get(path)?;
        (entry.generation == self.catalogue.generation() && entry.stored.elapsed() < TIME_TO_LIVE).then(|| entry.html.clone())
    }

    fn put(&self, path: String, generation: u64, html: Bytes) {
        if let Ok(mut pages) = self.pages.write() {
            if pages.len() >= CAPACITY {
                pages.clear();
            }
            pages.insert(path, Entry { generation, stored: Instant::now(), html });
        }
    }
}

fn cacheable(request: &Request) -> bool {
    let path = request.uri().path();
    request.method() == Method::GET
        && request.uri().query().is_none()
        // A request's start page follows its live form, which the catalogue generation does not.
        && !path.ends_with("/antrag")
        && !path.ends_with("/request")
        && (path == "/" || path == "/en" || CACHEABLE.iter().any(|p| path == *p || path.starts_with(&format!("{p}/"))))
}

fn html_response(body: Bytes) -> Response {
    let mut response = Body::from(body).into_response();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    response
}

/// Serves cacheable pages from the cache, and stores them after rendering.
pub async fn cached_pages(State(cache): State<PageCache>, request: Request, next: Next) -> Response {
    if !cacheable(&request) {
        return next.run(request).await;
    }
    let Some(nonce) = request.extensions().get::<Nonce>().cloned() else {
        return next.run(request).await;
    };
    // Pages carry absolute links on their origin: without a configured public URL, the host
    // the client asked for is part of the key.
    let host = request.headers().get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or_default();
    let path = format!("{host}{}", request.uri().path());
    if let Some(html) = cache.get(&path) {
        tracing::trace!(path, "page served from the cache");
        let page = String::from_utf8_lossy(&html).replace(PLACEHOLDER, &nonce);
        return html_response(Bytes::from(page));
    }
    let generation = cache.catalogue.generation();
    let response = next.run(request).await;
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    if response.status() != StatusCode::OK || !is_html {
        return response;
    }
    let (parts, body) = response.into_parts();
    match to_bytes(body, MAX_PAGE).await {
        Ok(html) => {
            let stored = String::from_utf8_lossy(&html).replace(&*nonce, PLACEHOLDER);
            cache.put(path, generation, Bytes::from(stored));
            Response::from_parts(parts, Body::from(html))
        }
        Err(error) => {
            tracing::warn!(%error, "page too large or failed while caching");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
