//! The suggestion endpoint (`/api/v1/search?q=…&limit=…&lang=…`, JSON) and the click counter
//! between a result and its service page. Both read parameters leniently: any query string,
//! however malformed, gets an answer, never an error.

use super::router::AppState;
use app::i18n::Lang;
use app::search::api::ssr::{service_href, suggestions};
use app::search::model::search_path;
use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use std::collections::HashMap;

/// Suggestions returned when `limit` is missing or not a number.
const DEFAULT_LIMIT: usize = 5;
/// Most suggestions returned.
const MAX_LIMIT: usize = 20;

fn params(query: Option<String>) -> HashMap<String, String> {
    url::form_urlencoded::parse(query.unwrap_or_default().as_bytes()).into_owned().collect()
}

/// `GET /api/v1/search`: the best services for what has been typed so far.
pub async fn suggest(State(state): State<AppState>, RawQuery(query): RawQuery) -> Response {
    let params = params(query);
    let lang = if params.get("lang").is_some_and(|l| l == "en") { Lang::En } else { Lang::De };
    let limit = params.get("limit").and_then(|l| l.trim().parse::<usize>().ok()).unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT);
    let q = params.get("q").map(String::as_str).unwrap_or_default();
    match suggestions(&state.catalogue.get(), lang, q, limit) {
        Ok(found) => {
            let mut response = axum::Json(found).into_response();
            response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=60"));
            response
        }
        Err(error) => {
            let message = app::search::api::ssr::unavailable(lang);
            tracing::error!(%error, "suggestions failed");
            (StatusCode::INTERNAL_SERVER_ERROR, axum::Json(serde_json::json!({ "error": message }))).into_response()
        }
    }
}

/// `GET /suche/treffer?q=…&zu=…`: counts the click and sends the resident on to the service.
pub async fn open_hit_de(state: State<AppState>, query: RawQuery) -> Redirect {
    open_hit(state, query, Lang::De)
}

/// `GET /en/search/open?q=…&zu=…`: as [`open_hit_de`] for the English site.
pub async fn open_hit_en(state: State<AppState>, query: RawQuery) -> Redirect {
    open_hit(state, query, Lang::En)
}

fn open_hit(State(state): State<AppState>, RawQuery(query): RawQuery, lang: Lang) -> Redirect {
    let params = params(query);
    let q = params.get("q").map(String::as_str).unwrap_or_default();
    let snapshot = state.catalogue.get();
    match params.get("zu").and_then(|slug| Some((slug, service_href(&snapshot, lang, slug)?))) {
        Some((slug, href)) => {
            state.search_log.record_click(lang, q, slug);
            Redirect::to(&href)
        }
        None => Redirect::to(search_path(lang)),
    }
}
