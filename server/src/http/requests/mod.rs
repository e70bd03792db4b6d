//! The request journey's and tracking page's form posts (plain axum routes, because they take
//! files: server_fn's multipart codec panics on a malformed boundary). The pages themselves are
//! Leptos routes in `app::pages::request`.

mod journey;
mod mails;
mod posted;
mod tracking;

use super::AppState;
use app::auth::throttle::ClientAddress;
use app::i18n::Lang;
use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;
use std::net::{IpAddr, Ipv4Addr};

/// The largest post on these routes: several files of a field at once (60 MiB).
pub const UPLOAD_LIMIT: usize = 60 * 1024 * 1024;

/// The query parameter a refused upload's field and message come back in.
const UPLOAD_ERROR_PARAM: &str = "datei";

/// Whether `path` is one of these routes (for the body limit).
pub fn is_upload_path(path: &str) -> bool {
    path.starts_with("/antrag/") || path.starts_with("/en/request/")
}

/// The routes, German and English.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/antrag/neu", post(journey::begin))
        .route("/en/request/new", post(journey::begin))
        .route("/antrag/{code}/frage/{page}", post(journey::save_page))
        .route("/en/request/{code}/question/{page}", post(journey::save_page))
        .route("/antrag/{code}/absenden", post(journey::submit))
        .route("/en/request/{code}/submit", post(journey::submit))
        .route("/antrag/status/antworten", post(tracking::reply))
        .route("/en/request/status/reply", post(tracking::reply))
        .route("/antrag/status/zurueckziehen", post(tracking::withdraw))
        .route("/en/request/status/withdraw", post(tracking::withdraw))
        .layer(DefaultBodyLimit::max(UPLOAD_LIMIT))
}

/// "See other": where the browser goes after a post.
fn redirect(to: &str) -> Response {
    (StatusCode::SEE_OTHER, [(header::LOCATION, to.to_string()), (header::CACHE_CONTROL, "no-store".to_string())]).into_response()
}

/// The client's address as the middleware found it.
fn client(request: &Request) -> IpAddr {
    request.extensions().get::<ClientAddress>().map(|c| c.0).unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED))
}

/// 429 with a page that says to wait.
fn too_many(lang: Lang) -> Response {
    let text = lang.pick(
        "Zu viele Anfragen in kurzer Zeit. Bitte warten Sie eine Minute und gehen Sie dann im Browser zurück. Ihre Angaben sind gespeichert.",
        "Too many requests in a short time. Wait a minute, then go back in your browser. Your answers are saved.",
    );
    (StatusCode::TOO_MANY_REQUESTS, [(header::CONTENT_TYPE, "text/plain; charset=utf-8"), (header::RETRY_AFTER, "60")], text).into_response()
}
