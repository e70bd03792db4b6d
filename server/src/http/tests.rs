//! Router-level tests: the whole middleware stack and routes, driven without a socket.

use super::router::{with_middleware, BODY_LIMIT};
use super::{router, AppState};
use crate::cli::Settings;
use crate::config::Config;
use app::db::Db;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use http_body_util::BodyExt;
use std::sync::Arc;
use tower::ServiceExt;

pub(super) async fn state(public_url: Option<&str>) -> AppState {
    let settings = Settings {
        database_url: "sqlite://:memory:".into(),
        listen: "127.0.0.1:0".into(),
        public_url: public_url.map(str::to_string),
        site_root: std::env::temp_dir().join("rathaus-test-site"),
        log: "warn".into(),
        log_format: "text".into(),
        suggestion_cache: 4096,
        trusted_proxies: 0,
        draft_days: 30,
        submissions_per_minute: 1000,
        tracking_per_minute: 1000,
        smtp_url: None,
        mail_from: None,
    };
    let config = Config::from_settings(&settings).expect("valid test settings");
    let db = Db::connect(&config.database_url).await.expect("in-memory database");
    db.migrate().await.expect("migrate");
    app::catalogue::seed_demo(&db).await.expect("demo catalogue");
    app::requests::store::seed_demo_forms(&db).await.expect("demo forms");
    let catalogue = app::catalogue::snapshot::CatalogueCache::load(&db).await.expect("catalogue");
    let suggestions = super::search::SuggestionCache::new(config.suggestion_cache);
    let request_limits = app::requests::limits::RequestLimits::new(&config.requests);
    AppState { leptos_options: config.leptos_options(), db, catalogue, config: Arc::new(config), search_log: Default::default(), suggestions, request_limits }
}

pub(super) async fn get_page(app: Router, uri: &str) -> (Response, String) {
    let response = app.oneshot(Request::get(uri).body(Body::empty()).unwrap()).await.unwrap();
    let (parts, body) = response.into_parts();
    let bytes = body.collect().await.unwrap().to_bytes();
    (Response::from_parts(parts, Body::empty()), String::from_utf8_lossy(&bytes).into_owned())
}

#[tokio::test]
async fn probes_answer() {
    let app = router(state(None).await);
    let (response, body) = get_page(app.clone(), "/healthz").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(body, "ok");
    let (response, body) = get_page(app, "/readyz").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(body, "ready");
}

#[tokio::test]
async fn readiness_fails_when_the_database_is_gone() {
    let state = state(None).await;
    state.db.close().await;
    let (response, _) = get_page(router(state), "/readyz").await;
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
}

#[tokio::test]
async fn pages_carry_security_headers_and_the_csp_nonce_on_their_scripts() {
    let (response, body) = get_page(router(state(None).await), "/").await;
    assert_eq!(response.status(), StatusCode::OK);
    let headers = response.headers();
    let csp = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    let nonce = csp.split("'nonce-").nth(1).and_then(|rest| rest.split('\'').next()).expect("nonce in CSP");
    assert!(nonce.len() >= 16);
    assert!(body.contains(&format!("nonce=\"{nonce}\"")), "the hydration script must carry the response's nonce");
    assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert!(headers.contains_key(header::REFERRER_POLICY));
    assert!(headers.contains_key("x-request-id"));
    assert!(!headers.contains_key(header::STRICT_TRANSPORT_SECURITY), "no HSTS without an https public URL");
    assert!(body.contains("<html lang=\"de\""), "German by default");
    assert!(body.contains("Ihr digitales Rathaus"));
}

#[tokio::test]
async fn each_response_gets_a_fresh_nonce() {
    let app = router(state(None).await);
    let (first, _) = get_page(app.clone(), "/").await;
    let (second, _) = get_page(app, "/").await;
    assert_ne!(first.headers()[header::CONTENT_SECURITY_POLICY], second.headers()[header::CONTENT_SECURITY_POLICY]);
}

#[tokio::test]
async fn https_deployments_send_hsts() {
    let (response, _) = get_page(router(state(Some("https://service.wolfsburg.de")).await), "/healthz").await;
    assert!(response.headers().contains_key(header::STRICT_TRANSPORT_SECURITY));
}

#[tokio::test]
async fn english_pages_say_so() {
    let (response, body) = get_page(router(state(None).await), "/en/imprint").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(body.contains("<html lang=\"en\""));
    assert!(body.contains("Imprint"));
}

#[tokio::test]
async fn unknown_pages_are_404_in_the_site_design() {
    let (response, body) = get_page(router(state(None).await), "/gibt-es-nicht").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert!(body.contains("Seite nicht gefunden"));
    assert_eq!(response.headers()[header::CACHE_CONTROL], "no-cache");
    let (response, body) = get_page(router(state(None).await), "/en/does-not-exist").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert!(body.contains("Page not found"));
}

#[tokio::test]
async fn a_panicking_handler_gets_the_error_page_and_the_server_keeps_serving() {
    let state = state(None).await;
    let routes = Router::new()
        .route("/boom", get(|| async { panic!("deliberate test panic") as &'static str }))
        .route("/fine", get(|| async { "fine" }));
    let app = with_middleware(routes, &state);
    let (response, body) = get_page(app.clone(), "/boom").await;
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert!(body.contains("Technischer Fehler"));
    let request_id = response.headers()["x-request-id"].to_str().unwrap();
    assert!(body.contains(request_id), "the page names the request id");
    assert!(response.headers().contains_key(header::CONTENT_SECURITY_POLICY));
    let (response, body) = get_page(app, "/fine").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(body, "fine");
}

#[tokio::test]
async fn oversized_bodies_are_refused() {
    let state = state(None).await;
    let routes = Router::new().route("/echo", post(|body: String| async move { body.len().to_string() }));
    let app = with_middleware(routes, &state);
    let big = "x".repeat(BODY_LIMIT + 1);
    let response = app.oneshot(Request::post("/echo").body(Body::from(big)).unwrap()).await.unwrap();
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
}

#[test]
fn bad_settings_name_the_setting() {
    let mut settings = Settings {
        database_url: "mysql://root:secret@db/x".into(),
        listen: "127.0.0.1:3000".into(),
        public_url: None,
        site_root: "target/site".into(),
        log: "info".into(),
        log_format: "text".into(),
        suggestion_cache: 4096,
        trusted_proxies: 0,
        draft_days: 30,
        submissions_per_minute: 1000,
        tracking_per_minute: 1000,
        smtp_url: None,
        mail_from: None,
    };
    let error = Config::from_settings(&settings).unwrap_err().to_string();
    assert!(error.contains("DATABASE_URL") && !error.contains("secret"), "{error}");
    settings.database_url = "sqlite://data/x.db".into();
    settings.listen = "localhost".into();
    assert!(Config::from_settings(&settings).unwrap_err().to_string().contains("LEPTOS_SITE_ADDR"));
    settings.listen = "127.0.0.1:3000".into();
    settings.log_format = "xml".into();
    assert!(Config::from_settings(&settings).unwrap_err().to_string().contains("RATHAUS_LOG_FORMAT"));
    settings.log_format = "json".into();
    settings.public_url = Some("ftp://x".into());
    assert!(Config::from_settings(&settings).unwrap_err().to_string().contains("RATHAUS_PUBLIC_URL"));
}

#[tokio::test]
async fn a_service_page_shows_every_module_of_the_listing() {
    let (response, body) = get_page(router(state(None).await), "/leistungen/personalausweis-beantragen").await;
    assert_eq!(response.status(), StatusCode::OK);
    for expected in [
        "<h1 class=\"kern-heading-x-large\">Personalausweis beantragen</h1>",
        "Wer kann das beantragen?",
        "Welche Unterlagen brauche ich?",
        "Was kostet das?",
        "37,00 €",
        "Wie lange dauert es?",
        "So läuft es ab",
        "Zuständige Stelle",
        "Rechtsgrundlagen",
        "Rechtsbehelf",
        "Stand: fachlich freigegeben am",
        "\"@type\":\"GovernmentService\"",
        "Diese Seite in Leichter Sprache",
        "weiter=/en/services/",
    ] {
        assert!(body.contains(expected), "missing {expected}");
    }
}

#[tokio::test]
async fn english_and_easy_read_versions_exist_where_written() {
    let app = router(state(None).await);
    let (response, body) = get_page(app.clone(), "/en/services/apply-for-an-id-card").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(body.contains("What does it cost?") && body.contains("€37.00"));
    let (response, body) = get_page(app.clone(), "/leistungen/personalausweis-beantragen/leichte-sprache").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(body.contains("lang=\"de-x-ls\""));
    let (response, _) = get_page(app, "/leistungen/grundsteuer/leichte-sprache").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND, "no Leichte Sprache version written for this one");
}

#[tokio::test]
async fn unknown_catalogue_entries_are_404() {
    let app = router(state(None).await);
    for path in ["/leistungen/gibt-es-nicht", "/themen/gibt-es-nicht", "/en/offices/nope", "/lebenslagen/%00%FF"] {
        let (response, body) = get_page(app.clone(), path).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
        assert!(body.contains("nicht gefunden") || body.contains("not found"), "{path}");
    }
}

#[tokio::test]
async fn listings_link_their_services() {
    let app = router(state(None).await);
    let (response, body) = get_page(app.clone(), "/themen/tiere").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(body.contains("href=\"/leistungen/hundesteuer-anmelden\""));
    let (_, body) = get_page(app.clone(), "/lebenslagen/umzug").await;
    assert!(body.contains("href=\"/leistungen/wohnung-anmelden\""), "services of child situations are listed too");
    let (_, body) = get_page(app.clone(), "/leistungen").await;
    assert!(body.contains("href=\"#buchstabe-A\"") && body.contains("id=\"buchstabe-W\""));
    let (response, body) = get_page(app, "/dienststellen/buergerbuero-mitte").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(body.contains("Öffnungszeiten") && body.contains("Porschestraße 49"));
}

#[tokio::test]
async fn the_sitemap_lists_every_page_in_both_languages() {
    let app = router(state(Some("https://service.wolfsburg.de")).await);
    let (response, xml) = get_page(app.clone(), "/sitemap.xml").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(xml.contains("<loc>https://service.wolfsburg.de/leistungen/personalausweis-beantragen</loc>"));
    assert!(xml.contains("hreflang=\"en\" href=\"https://service.wolfsburg.de/en/services/apply-for-an-id-card\""));
    assert_eq!(xml.matches("<url>").count(), 2 * (9 + 62 + 13 + 14 + 14));
    let (_, robots) = get_page(app, "/robots.txt").await;
    assert!(robots.contains("Sitemap: https://service.wolfsburg.de/sitemap.xml"));
    assert!(robots.contains("Disallow: /sprache\n"), "the language choice is a redirect, not a page");
}

#[tokio::test]
async fn cross_site_writes_are_refused_and_same_site_ones_pass() {
    let state = state(None).await;
    let routes = Router::new().route("/write", post(|| async { "written" }));
    let app = with_middleware(routes, &state);
    let send = |origin: Option<&'static str>, fetch_site: Option<&'static str>| {
        let app = app.clone();
        async move {
            let mut request = Request::post("/write").header(header::HOST, "service.wolfsburg.de");
            if let Some(origin) = origin {
                request = request.header(header::ORIGIN, origin);
            }
            if let Some(site) = fetch_site {
                request = request.header("sec-fetch-site", site);
            }
            app.oneshot(request.body(Body::empty()).unwrap()).await.unwrap().status()
        }
    };
    assert_eq!(send(Some("https://evil.example"), Some("cross-site")).await, StatusCode::FORBIDDEN);
    assert_eq!(send(Some("https://evil.example"), None).await, StatusCode::FORBIDDEN);
    assert_eq!(send(None, Some("same-site")).await, StatusCode::FORBIDDEN);
    assert_eq!(send(Some("https://service.wolfsburg.de"), Some("same-origin")).await, StatusCode::OK);
    assert_eq!(send(None, None).await, StatusCode::OK, "non-browser clients send neither header");
}

#[tokio::test]
async fn pages_are_compressed_for_browsers_that_accept_it() {
    let app = router(state(None).await);
    let request = Request::get("/leistungen/personalausweis-beantragen").header(header::ACCEPT_ENCODING, "br, gzip").body(Body::empty()).unwrap();
    let response = app.oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[header::CONTENT_ENCODING], "br");
    assert!(response.headers().contains_key(header::CONTENT_SECURITY_POLICY));
}

async fn post_form(app: Router, uri: &str, form: &str) -> Response {
    let request = Request::post(uri)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "text/html")
        .header(header::REFERER, "http://localhost/barrierefreiheit")
        .body(Body::from(form.to_string()))
        .unwrap();
    app.oneshot(request).await.unwrap()
}

#[tokio::test]
async fn accessibility_feedback_is_stored_and_bad_input_comes_back_with_errors() {
    use leptos::server_fn::ServerFn;
    let state = state(None).await;
    let app = router(state.clone());
    let url = <app::feedback::SendFeedback as ServerFn>::url();

    let response = post_form(app.clone(), url, "lang=De&message=Der+Fokus+ist+unsichtbar&contact=a%40b.de&page=%2F&website=").await;
    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(response.headers()[header::LOCATION], "/barrierefreiheit?rueckmeldung=danke#rueckmeldung");
    let stored = app::feedback::list_feedback(&state.db, 10).await.unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].message, "Der Fokus ist unsichtbar");
    let (_, page) = get_page(app.clone(), "/barrierefreiheit?rueckmeldung=danke").await;
    assert!(page.contains("Vielen Dank!"));

    let response = post_form(app.clone(), url, "lang=En&message=short&contact=&page=&website=").await;
    assert_eq!(response.status(), StatusCode::FOUND);
    let location = response.headers()[header::LOCATION].to_str().unwrap().to_string();
    assert!(location.starts_with("/en/accessibility?rueckmeldung="), "{location}");
    let (_, page) = get_page(app.clone(), location.split('#').next().unwrap()).await;
    assert!(page.contains("Please check your answers"));
    assert!(page.contains("href=\"#feedback-message\""));
    assert!(page.contains(">short</textarea>"), "the entered text is kept");

    let long_contact = "x".repeat(300);
    let response = post_form(app.clone(), url, &format!("lang=De&message=Text%3C%2Ftextarea%3E%3Cb%3Efett%3C%2Fb%3E+%26amp%3B&contact={long_contact}&page=&website=")).await;
    let location = response.headers()[header::LOCATION].to_str().unwrap().to_string();
    let (_, page) = get_page(app.clone(), location.split('#').next().unwrap()).await;
    assert!(page.contains(">Text&lt;/textarea&gt;&lt;b&gt;fett&lt;/b&gt; &amp;amp;</textarea>"), "typed markup stays text in the field");

    let response = post_form(app.clone(), url, "lang=De&message=Ich+bin+ein+Bot+mit+Werbung&contact=&page=&website=http%3A%2F%2Fspam").await;
    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(app::feedback::list_feedback(&state.db, 10).await.unwrap().len(), 1, "the honeypot drops bots");

    let (response, page) = get_page(app, "/barrierefreiheit?rueckmeldung=nichtda").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(!page.contains("Bitte prüfen Sie"), "an unknown token shows an empty form");
}

#[tokio::test]
async fn cached_pages_get_a_fresh_nonce_and_follow_publishing() {
    let state = state(None).await;
    let app = router(state.clone());
    let path = "/leistungen/personalausweis-beantragen";
    let (first, first_body) = get_page(app.clone(), path).await;
    let (second, second_body) = get_page(app.clone(), path).await;
    for (response, body) in [(&first, &first_body), (&second, &second_body)] {
        let csp = response.headers()[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
        let nonce = csp.split("'nonce-").nth(1).and_then(|rest| rest.split('\'').next()).unwrap();
        assert!(body.contains(&format!("nonce=\"{nonce}\"")), "served page carries its own response's nonce");
        assert!(!body.contains("__rathaus_nonce__"));
    }
    assert_ne!(first_body, second_body, "nonces differ");

    let mut catalogue = app::catalogue::export_catalogue(&state.db).await.unwrap();
    let service = catalogue.services.iter_mut().find(|s| s.slug_de == "personalausweis-beantragen").unwrap();
    let mut next = service.versions[0].clone();
    next.number = 2;
    next.status = app::catalogue::VersionStatus::Draft;
    next.content.title.de = "Personalausweis neu beantragen".into();
    service.versions.push(next);
    app::catalogue::import_catalogue(&state.db, &catalogue).await.unwrap();
    app::catalogue::publish_version(&state.db, "personalausweis-beantragen", 2, "publisher@wolfsburg.de").await.unwrap();
    state.catalogue.reload(&state.db).await.unwrap();
    let (_, body) = get_page(app, path).await;
    assert!(body.contains("Personalausweis neu beantragen"), "publishing invalidates the cached page");
}

#[tokio::test]
async fn canonical_and_language_links_are_absolute() {
    let app = router(state(Some("https://service.wolfsburg.de")).await);
    let (_, body) = get_page(app, "/en/services/apply-for-an-id-card").await;
    assert!(body.contains(r#"<link href="https://service.wolfsburg.de/en/services/apply-for-an-id-card" rel="canonical">"#));
    assert!(body.contains(r#"<link href="https://service.wolfsburg.de/leistungen/personalausweis-beantragen" hreflang="de" rel="alternate">"#));
}

async fn get_with_cookie(app: Router, uri: &str, cookie: &str) -> Response {
    app.oneshot(Request::get(uri).header(header::COOKIE, cookie).body(Body::empty()).unwrap()).await.unwrap()
}

fn location(response: &Response) -> &str {
    response.headers()[header::LOCATION].to_str().unwrap()
}

#[tokio::test]
async fn choosing_a_language_sets_the_cookie_and_continues_on_the_page() {
    let (response, _) = get_page(router(state(None).await), "/sprache?zu=en&weiter=/en/imprint").await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/en/imprint");
    assert_eq!(response.headers()[header::SET_COOKIE], "rathaus_lang=en; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly");
    assert_eq!(response.headers()[header::CACHE_CONTROL], "no-store");

    let (response, _) = get_page(router(state(Some("https://service.wolfsburg.de")).await), "/sprache?zu=de&weiter=/impressum").await;
    assert_eq!(location(&response), "/impressum");
    let cookie = response.headers()[header::SET_COOKIE].to_str().unwrap();
    assert!(cookie.starts_with("rathaus_lang=de;") && cookie.ends_with("; Secure"), "{cookie}");
}

#[tokio::test]
async fn the_language_choice_never_leaves_the_site() {
    let app = router(state(None).await);
    let long = format!("/{}", "a".repeat(5000));
    for weiter in ["//evil.example", "/%5Cevil.example", "https://evil.example", "%2F%2Fevil.example", "/%09/evil.example", "evil", &long] {
        let (response, _) = get_page(app.clone(), &format!("/sprache?zu=en&weiter={weiter}")).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{weiter}");
        assert_eq!(location(&response), "/en", "{weiter} leads to the chosen language's home page");
    }
}

#[tokio::test]
async fn bad_language_choices_redirect_without_a_cookie() {
    let app = router(state(None).await);
    for uri in ["/sprache", "/sprache?zu=fr&weiter=/impressum", "/sprache?zu=%ff&weiter=%ff", "/sprache?weiter=/en/imprint"] {
        let (response, _) = get_page(app.clone(), uri).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{uri}");
        assert!(!response.headers().contains_key(header::SET_COOKIE), "{uri}");
    }
    let (response, _) = get_page(app.clone(), "/sprache?zu=fr&weiter=/impressum").await;
    assert_eq!(location(&response), "/impressum");
    let (response, _) = get_page(app, "/sprache?zu=fr").await;
    assert_eq!(location(&response), "/");
}

#[tokio::test]
async fn the_home_page_follows_the_remembered_language() {
    let app = router(state(None).await);
    // Rendered once without cookie, so the page cache holds both home pages.
    for home in ["/", "/en"] {
        let (response, _) = get_page(app.clone(), home).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert!(response.headers().get_all(header::VARY).iter().any(|v| v == "cookie"), "{home} varies with the cookie");
    }
    let response = get_with_cookie(app.clone(), "/", "rathaus_lang=en").await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/en");
    assert_eq!(response.headers()[header::CACHE_CONTROL], "no-store");
    assert!(response.headers().get_all(header::VARY).iter().any(|v| v == "cookie"));
    let response = get_with_cookie(app.clone(), "/en", "other=1; rathaus_lang=de").await;
    assert_eq!(location(&response), "/");
    let response = get_with_cookie(app.clone(), "/?q=1", "rathaus_lang=en").await;
    assert_eq!(location(&response), "/en?q=1");

    for (uri, cookie) in [("/", "rathaus_lang=de"), ("/en", "rathaus_lang=en"), ("/", "rathaus_lang=fr"), ("/impressum", "rathaus_lang=en")] {
        let response = get_with_cookie(app.clone(), uri, cookie).await;
        assert_eq!(response.status(), StatusCode::OK, "{uri} with {cookie}");
    }
}

#[tokio::test]
async fn the_language_switch_goes_through_the_choice_and_alternates_stay_real() {
    let (_, body) = get_page(router(state(None).await), "/leistungen/personalausweis-beantragen").await;
    let switch = r#"href="/sprache?zu=en&amp;weiter=/en/services/apply-for-an-id-card" hreflang="en" lang="en""#;
    assert!(body.contains(switch), "the switch remembers the choice");
    assert!(body.contains(r#"<link href="http://localhost/en/services/apply-for-an-id-card" hreflang="en" rel="alternate">"#));
    assert!(body.split("<link ").skip(1).all(|tag| !tag.split('>').next().unwrap_or_default().contains("sprache")));
}

#[test]
fn building_a_router_beside_requests_never_stalls_them() {
    // Listing the routes switches resource loading off process-wide (see `route_list`): before
    // the list was kept, a request here stalled within the first ten.
    use std::sync::atomic::{AtomicBool, Ordering};
    let runtime = || tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let done = Arc::new(AtomicBool::new(false));
    let builder = std::thread::spawn({
        let done = done.clone();
        move || {
            runtime().block_on(async {
                let state = state(None).await;
                while !done.load(Ordering::Relaxed) {
                    drop(router(state.clone()));
                    tokio::task::yield_now().await;
                }
            })
        }
    });
    runtime().block_on(async {
        let app = router(state(None).await);
        let mut stranger = super::staff_tests::Browser::default();
        for i in 0..400 {
            let answer = tokio::time::timeout(std::time::Duration::from_secs(5), stranger.get(&app, "/verwaltung/antraege")).await;
            assert!(answer.is_ok(), "request {i} stalled");
        }
    });
    done.store(true, Ordering::Relaxed);
    builder.join().unwrap();
}
