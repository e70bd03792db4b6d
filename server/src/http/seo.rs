//! `robots.txt` and `sitemap.xml`, with absolute URLs on the public origin.

use super::AppState;
use app::i18n::Lang;
use app::search::model::{search_path, SUGGEST_PATH};
use axum::extract::State;
use axum::http::{header, HeaderMap};
use axum::response::IntoResponse;

/// The public origin: `RATHAUS_PUBLIC_URL` when configured, or else from the `Host` header (only plain
/// host characters are accepted, so a forged header cannot inject markup).
pub fn public_origin(config: &crate::config::Config, headers: &HeaderMap) -> String {
    if let Some(url) = &config.public_url {
        return url.origin().ascii_serialization();
    }
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| h.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']')))
        .unwrap_or("localhost");
    format!("http://{host}")
}

/// `/robots.txt`: everything may be indexed but the language choice (a redirect), search
/// results (endless, and they would count as residents' searches), the suggestion API and the
/// staff area; names the sitemap.
pub async fn robots(State(state): State<AppState>, headers: HeaderMap) -> impl IntoResponse {
    let disallowed = [app::i18n::LANGUAGE_CHOICE_PATH, search_path(Lang::De), search_path(Lang::En), SUGGEST_PATH, app::staff::STAFF_ROOT];
    let body = format!(
        "User-agent: *\nAllow: /\n{}Sitemap: {}/sitemap.xml\n",
        disallowed.iter().map(|path| format!("Disallow: {path}\n")).collect::<String>(),
        public_origin(&state.config, &headers)
    );
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=3600")], body)
}

/// `/sitemap.xml`: every published page in both languages.
pub async fn sitemap(State(state): State<AppState>, headers: HeaderMap) -> impl IntoResponse {
    let xml = app::catalogue::sitemap::sitemap_xml(&state.catalogue.get(), &public_origin(&state.config, &headers));
    ([(header::CONTENT_TYPE, "application/xml; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=3600")], xml)
}
