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
use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex};

/// Answers of the suggestion endpoint, kept per catalogue generation: residents type the same
/// beginnings ("perso", "ummel", "hund") again and again, and each answer is the same until the
/// catalogue changes. Bounded (least recently used go first; `RATHAUS_SUGGESTION_CACHE`, 0 turns
/// it off); a new catalogue generation makes old entries unreachable.
#[derive(Clone, Debug)]
pub struct SuggestionCache(Option<Arc<Mutex<lru::LruCache<SuggestionKey, axum::body::Bytes>>>>);

/// Catalogue generation, language, limit and the typed text.
type SuggestionKey = (u64, Lang, usize, String);

impl SuggestionCache {
    /// A cache of at most `answers` answers (a few hundred bytes each); none for 0.
    pub fn new(answers: usize) -> Self {
        SuggestionCache(NonZeroUsize::new(answers).map(|n| Arc::new(Mutex::new(lru::LruCache::new(n)))))
    }

    fn get(&self, key: &SuggestionKey) -> Option<axum::body::Bytes> {
        self.0.as_ref()?.lock().ok()?.get(key).cloned()
    }

    fn put(&self, key: SuggestionKey, json: axum::body::Bytes) {
        if let Some(Ok(mut cache)) = self.0.as_ref().map(|c| c.lock()) {
            cache.put(key, json);
        }
    }
}

fn json_answer(json: axum::body::Bytes) -> Response {
    (
        [(header::CONTENT_TYPE, HeaderValue::from_static("application/json")), (header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=60"))],
        json,
    )
        .into_response()
}

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
    // Longer input is cut by the search anyway; the key stays small.
    let key = (state.catalogue.generation(), lang, limit, q.chars().take(200).collect::<String>());
    if let Some(json) = state.suggestions.get(&key) {
        return json_answer(json);
    }
    match suggestions(&state.catalogue.get(), lang, q, limit) {
        Ok(found) => match serde_json::to_vec(&found) {
            Ok(json) => {
                let json = axum::body::Bytes::from(json);
                state.suggestions.put(key, json.clone());
                json_answer(json)
            }
            Err(error) => {
                tracing::error!(%error, "encoding suggestions failed");
                StatusCode::INTERNAL_SERVER_ERROR.into_response()
            }
        },
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
