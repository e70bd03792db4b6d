//! Middleware every response passes through: security headers with a per-response CSP nonce,
//! and turning a panic in a handler into the site's error page.

use super::error_page;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use futures_util::FutureExt;
use leptos::nonce::Nonce;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;

/// What the header middleware needs to know, built once at start-up.
#[derive(Clone, Debug)]
pub struct HeaderPolicy {
    /// Send `Strict-Transport-Security` (only when the public URL is https).
    pub hsts: bool,
    /// The stylesheet URL, for the error page.
    pub stylesheet_href: Arc<str>,
}

/// The Content-Security-Policy for a response whose inline scripts carry `nonce`.
/// `'strict-dynamic'` lets the nonce'd hydration script load the wasm bundle;
/// `'wasm-unsafe-eval'` lets the browser compile it.
pub fn content_security_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'nonce-{nonce}' 'strict-dynamic' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
         object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    )
}

/// Adds a fresh nonce to the request (Leptos puts it on its script tags) and the security
/// headers to the response.
pub async fn security_headers(State(policy): State<HeaderPolicy>, mut request: Request, next: Next) -> Response {
    let nonce = Nonce::new();
    request.extensions_mut().insert(nonce.clone());
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    // A handler's own policy (the sandbox of a staff file download) is stricter: keep it.
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        if let Ok(csp) = HeaderValue::from_str(&content_security_policy(&nonce)) {
            headers.insert(header::CONTENT_SECURITY_POLICY, csp);
        }
    }
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("strict-origin-when-cross-origin"));
    headers.insert(
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=()"),
    );
    headers.insert(
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    );
    if policy.hsts {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    response
}

/// Refuses state-changing requests (anything but GET, HEAD, OPTIONS) that a browser says come
/// from another site: `Sec-Fetch-Site` must be `same-origin` or `none`, and an `Origin` header,
/// when sent, must name this host. Browsers send both on every cross-site form post, so a
/// forged form on another site cannot reach a server function; plain `<form>` posts from our
/// own pages (JavaScript off) pass.
pub async fn same_origin_writes(request: Request, next: Next) -> Response {
    if matches!(*request.method(), axum::http::Method::GET | axum::http::Method::HEAD | axum::http::Method::OPTIONS) {
        return next.run(request).await;
    }
    let headers = request.headers();
    let fetch_site_ok = headers
        .get("sec-fetch-site")
        .map(|v| matches!(v.as_bytes(), b"same-origin" | b"none"))
        .unwrap_or(true);
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    let origin_ok = match headers.get(header::ORIGIN).and_then(|o| o.to_str().ok()) {
        None => true,
        Some(origin) => {
            let origin_host = origin.split_once("://").map(|(_, rest)| rest.trim_end_matches('/'));
            origin_host.is_some() && origin_host == host
        }
    };
    if fetch_site_ok && origin_ok {
        next.run(request).await
    } else {
        tracing::warn!("cross-site write refused");
        (
            StatusCode::FORBIDDEN,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "Diese Anfrage kam von einer anderen Website und wurde abgelehnt. / This request came from another website and was refused.",
        )
            .into_response()
    }
}

/// Determines the client's address for sign-in back-off: the connection's peer, or behind
/// `trusted` proxies the address the outermost trusted proxy saw (counted from the right of
/// X-Forwarded-For, since each proxy appends). Entries a client wrote itself are never used.
pub async fn client_address(State(trusted): State<usize>, mut request: Request, next: Next) -> Response {
    let peer = request.extensions().get::<axum::extract::ConnectInfo<std::net::SocketAddr>>().map(|c| c.0.ip());
    let forwarded = (trusted > 0)
        .then(|| request.headers().get_all("x-forwarded-for").iter().filter_map(|v| v.to_str().ok()).collect::<Vec<_>>().join(","))
        .and_then(|list| {
            let hops: Vec<&str> = list.split(',').map(str::trim).filter(|h| !h.is_empty()).collect();
            hops.len().checked_sub(trusted).and_then(|i| hops.get(i)).and_then(|h| h.parse::<std::net::IpAddr>().ok())
        });
    if let Some(address) = forwarded.or(peer) {
        request.extensions_mut().insert(app::auth::throttle::ClientAddress(address));
    }
    next.run(request).await
}

/// Limits request bodies: 1 MiB, and more only for the administrators' catalogue import. A
/// declared length over the limit is refused with 413 at once; a longer stream fails when read.
pub async fn body_limit(request: Request, next: Next) -> Response {
    let limit = if request.uri().path() == super::catalogue_transfer::IMPORT_PATH {
        super::catalogue_transfer::IMPORT_LIMIT
    } else if request.method() == axum::http::Method::POST && super::requests::is_upload_path(request.uri().path()) {
        super::requests::UPLOAD_LIMIT
    } else {
        super::router::BODY_LIMIT
    };
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|length| length > limit) {
        return (
            StatusCode::PAYLOAD_TOO_LARGE,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "Die Anfrage ist zu groß. / The request is too large.",
        )
            .into_response();
    }
    next.run(request.map(|body| Body::new(http_body_util::Limited::new(body, limit)))).await
}

/// Turns a panic while handling a request into a 500 error page; the process keeps serving.
pub async fn catch_panic(State(policy): State<HeaderPolicy>, request: Request, next: Next) -> Response {
    let request_id = request
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-")
        .chars()
        .take(64)
        .collect::<String>();
    match AssertUnwindSafe(next.run(request)).catch_unwind().await {
        Ok(response) => response,
        Err(_) => {
            tracing::error!("handler panicked; answered with 500");
            let html = error_page::render(StatusCode::INTERNAL_SERVER_ERROR, &request_id, &policy.stylesheet_href);
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                [(header::CONTENT_TYPE, "text/html; charset=utf-8"), (header::CACHE_CONTROL, "no-store")],
                Body::from(html),
            )
                .into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_names_the_nonce_and_forbids_framing_and_plugins() {
        let csp = content_security_policy("abc123");
        assert!(csp.contains("script-src 'nonce-abc123' 'strict-dynamic' 'wasm-unsafe-eval'"));
        for directive in ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"] {
            assert!(csp.contains(directive), "{directive} missing");
        }
    }
}
