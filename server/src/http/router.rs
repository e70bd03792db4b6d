//! The complete router: probes, Leptos pages and server functions, static files, middleware.
//! Tests drive it with `tower::ServiceExt::oneshot`, without a socket.

use super::middleware::{body_limit, catch_panic, client_address, same_origin_writes, security_headers, HeaderPolicy};
use super::page_cache::{cached_pages, PageCache};
use super::{catalogue_transfer, health, inbox_files, language, requests, search, seo, static_files};
use crate::config::Config;
use app::catalogue::snapshot::CatalogueCache;
use app::db::Db;
use app::search::log::SearchLog;
use app::i18n::Lang;
use app::search::model::{click_path, SUGGEST_PATH};
use app::{shell, App};
use axum::body::Body;
use axum::extract::{FromRef, Request};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::from_fn_with_state;
use axum::routing::{get, post};
use axum::Router;
use leptos::config::LeptosOptions;
use leptos::nonce::Nonce;
use leptos::prelude::{provide_context, use_context};
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use std::convert::Infallible;
use tower::ServiceExt;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};

/// Largest request body accepted by default (uploads get their own limit on their route).
pub const BODY_LIMIT: usize = 1024 * 1024;
/// Longest time a request may take before it is answered with 408.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// Everything a handler or server function may need; provided to Leptos as context.
#[derive(Clone, Debug, FromRef)]
pub struct AppState {
    /// How Leptos renders and where the site files are.
    pub leptos_options: LeptosOptions,
    /// The database.
    pub db: Db,
    /// The published catalogue in memory.
    pub catalogue: CatalogueCache,
    /// The process configuration.
    pub config: Arc<Config>,
    /// Search statistics not yet written.
    pub search_log: SearchLog,
    /// Recent answers of the suggestion endpoint.
    pub suggestions: search::SuggestionCache,
    pub request_limits: app::requests::limits::RequestLimits,
}

/// The app's routes, listed once per process. Listing them renders the app with resource loading
/// switched off for the whole process (a global flag in leptos_server), so listing them again
/// while requests are served would leave those requests' resources unloaded and the requests
/// hanging until the timeout; router tests that built routers side by side did exactly that.
fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<AxumRouteListing>> = std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// The router with every route and all middleware.
pub fn router(state: AppState) -> Router {
    let options = state.leptos_options.clone();
    let site_root = PathBuf::from(options.site_root.as_ref());
    let context = leptos_context(state.clone());
    let not_found = {
        let render = leptos_axum::render_app_to_stream_with_context(context.clone(), {
            let options = options.clone();
            move || shell(options.clone())
        });
        tower::service_fn(move |request: Request| {
            let render = render.clone();
            async move {
                let mut response = render(request).await;
                response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
                Ok::<_, Infallible>(response)
            }
        })
    };
    let routes = Router::new()
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/robots.txt", get(seo::robots))
        .route("/sitemap.xml", get(seo::sitemap))
        .route(SUGGEST_PATH, get(search::suggest))
        .route(click_path(Lang::De), get(search::open_hit_de))
        .route(click_path(Lang::En), get(search::open_hit_en))
        .route(app::i18n::LANGUAGE_CHOICE_PATH, get(language::choose))
        .route(catalogue_transfer::EXPORT_PATH, get(catalogue_transfer::export))
        .route(catalogue_transfer::IMPORT_PATH, post(catalogue_transfer::import))
        .route(inbox_files::EXPORT_ROUTE, get(inbox_files::export))
        .route(inbox_files::FILE_ROUTE, get(inbox_files::download))
        .merge(requests::routes())
        .leptos_routes_with_context(&state, route_list(), context, move || shell(options.clone()))
        .merge(static_files::pkg_routes(&site_root))
        .fallback_service(static_files::public_files(&site_root, not_found))
        .with_state(state.clone());
    with_middleware(routes, &state)
}

/// Wraps routes in the middleware stack, outermost first: request id, tracing, compression of
/// dynamic responses (static bundles are precompressed), security headers, redirect of the
/// home page to the remembered language, cache of rendered catalogue pages, panic page,
/// cross-site write refusal, timeout, body limit.
pub fn with_middleware(routes: Router, state: &AppState) -> Router {
    let policy = HeaderPolicy {
        hsts: state.config.is_https(),
        stylesheet_href: static_files::stylesheet_href(&state.leptos_options).into(),
    };
    // Only the staff area reads or writes staff sessions; every other request skips the session
    // layer (and its cookie parsing and store lookups) entirely.
    let with_sessions = routes.clone().layer(staff_sessions(state));
    let by_area = tower::service_fn(move |request: Request| {
        let routes = if is_staff_path(request.uri().path()) { with_sessions.clone() } else { routes.clone() };
        routes.oneshot(request)
    });
    // Each `layer` wraps everything added before it: the last one is the outermost.
    Router::new()
        .fallback_service(by_area)
        .layer(from_fn_with_state(state.config.trusted_proxies, client_address))
        .layer(axum::middleware::from_fn(body_limit))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, REQUEST_TIMEOUT))
        .layer(axum::middleware::from_fn(same_origin_writes))
        .layer(from_fn_with_state(policy.clone(), catch_panic))
        .layer(from_fn_with_state(PageCache::new(state.catalogue.clone()), cached_pages))
        .layer(axum::middleware::from_fn(language::remembered_home))
        .layer(from_fn_with_state(policy, security_headers))
        .layer(CompressionLayer::new().quality(CompressionLevel::Fastest))
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|request: &Request<Body>| {
                    let id = request.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("-");
                    tracing::info_span!("request", id, method = %request.method(), path = %request.uri().path())
                })
                .on_response(DefaultOnResponse::new().level(tracing::Level::INFO)),
        )
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
}

/// Staff sessions (tower-sessions in the database) and the signed-in user (axum-login). The
/// cookie is `__Host-` prefixed and `Secure` behind https, always HttpOnly and SameSite=Lax;
/// a session ends after 30 idle minutes (the guard also enforces an absolute limit). Requests
/// without the cookie, i.e. every resident's, never touch the session table.
/// Whether `path` belongs to the staff area (pages, server functions, catalogue transfer).
fn is_staff_path(path: &str) -> bool {
    path == "/verwaltung" || path.starts_with("/verwaltung/") || path.starts_with("/api/staff/")
}

fn staff_sessions(state: &AppState) -> axum_login::AuthManagerLayer<app::auth::StaffBackend, app::auth::DbSessionStore> {
    use tower_sessions::{cookie::time, cookie::SameSite, Expiry, SessionManagerLayer};
    let https = state.config.is_https();
    let sessions = SessionManagerLayer::new(app::auth::DbSessionStore::new(state.db.clone()))
        .with_name(if https { "__Host-rathaus_staff" } else { "rathaus_staff" })
        .with_secure(https)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(time::Duration::minutes(app::staff::guard::IDLE_TIMEOUT_MINUTES)))
        .with_always_save(true);
    axum_login::AuthManagerLayerBuilder::new(app::auth::StaffBackend::new(state.db.clone()), sessions).build()
}

/// What Leptos components and server functions find in context for each request.
fn leptos_context(state: AppState) -> impl Fn() + Clone + Send + Sync + 'static {
    move || {
        provide_context(state.db.clone());
        provide_context(state.catalogue.clone());
        provide_context(state.search_log.clone());
        provide_context(state.config.requests);
        provide_context(state.request_limits.clone());
        if let Some(parts) = use_context::<axum::http::request::Parts>() {
            provide_context(app::components::SiteOrigin(seo::public_origin(&state.config, &parts.headers)));
        }
        if let Some(nonce) = use_context::<axum::http::request::Parts>().and_then(|p| p.extensions.get::<Nonce>().cloned()) {
            provide_context(nonce);
        }
    }
}
