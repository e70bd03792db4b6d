//! Router-level tests of the staff area on SQLite and PostgreSQL: every staff endpoint refuses
//! callers without a session and with the wrong roles, changes need the CSRF token, sessions
//! end, and sign-in with the second factor works and throttles.

use super::tests::state;
use super::{router, AppState};
use app::auth::{accounts, create_user, hash_password, second_factor, NewUser, Role};
use app::db::Db;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::response::Response;
use axum::Router;
use http_body_util::BodyExt;
use std::future::Future;
use tower::ServiceExt;

const PASSWORD: &str = "ein sehr langes Testpasswort";

/// Runs `test` on the demo state with SQLite, then with a fresh PostgreSQL database when
/// `RATHAUS_TEST_POSTGRES_URL` names a server (as `make test` does).
pub(super) async fn on_each_backend<F, Fut>(test: F)
where
    F: Fn(AppState) -> Fut,
    Fut: Future<Output = ()>,
{
    test(state(None).await).await;
    let Ok(admin_url) = std::env::var("RATHAUS_TEST_POSTGRES_URL") else {
        assert_eq!(std::env::var("RATHAUS_TEST_SQLITE_ONLY").as_deref(), Ok("1"), "set RATHAUS_TEST_POSTGRES_URL or RATHAUS_TEST_SQLITE_ONLY=1");
        return;
    };
    let admin = Db::connect(&admin_url).await.expect("PostgreSQL test server");
    let name = format!("rathaus_router_{}_{}", std::process::id(), app::db::random_token());
    sqlx::query(&format!("CREATE DATABASE {name}")).execute(admin.pool()).await.expect("create database");
    let url = format!("{}/{name}", admin_url.rsplit_once('/').expect("URL ends in /database").0);
    let mut state = state(None).await;
    let db = Db::connect(&url).await.expect("connect");
    db.migrate().await.expect("migrate");
    app::catalogue::seed_demo(&db).await.expect("demo catalogue");
    app::requests::store::seed_demo_forms(&db).await.expect("demo forms");
    state.catalogue = app::catalogue::snapshot::CatalogueCache::load(&db).await.expect("catalogue");
    state.db = db.clone();
    test(state).await;
    db.close().await;
    sqlx::query(&format!("DROP DATABASE {name} WITH (FORCE)")).execute(admin.pool()).await.expect("drop database");
}

/// A browser: the session cookie and the CSRF token of the last staff page.
#[derive(Clone, Default)]
pub(super) struct Browser {
    cookie: Option<String>,
}

impl Browser {
    pub(super) async fn send(&mut self, app: &Router, mut request: Request<Body>) -> (Response, String) {
        if let Some(cookie) = &self.cookie {
            request.headers_mut().insert(header::COOKIE, cookie.parse().unwrap());
        }
        let response = app.clone().oneshot(request).await.unwrap();
        if let Some(set) = response.headers().get(header::SET_COOKIE).and_then(|v| v.to_str().ok()) {
            let pair = set.split(';').next().unwrap_or_default().to_string();
            self.cookie = (!pair.ends_with('=')).then_some(pair);
        }
        let (parts, body) = response.into_parts();
        let bytes = body.collect().await.unwrap().to_bytes();
        (Response::from_parts(parts, Body::empty()), String::from_utf8_lossy(&bytes).into_owned())
    }

    pub(super) async fn get(&mut self, app: &Router, uri: &str) -> (Response, String) {
        self.send(app, Request::get(uri).header(header::ACCEPT, "text/html").body(Body::empty()).unwrap()).await
    }

    pub(super) async fn post(&mut self, app: &Router, uri: &str, form: &str) -> (Response, String) {
        let request = Request::post(uri)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "text/html")
            .header(header::REFERER, "http://localhost/verwaltung")
            .body(Body::from(form.to_string()))
            .unwrap();
        self.send(app, request).await
    }

    /// The CSRF token from the staff home page.
    pub(super) async fn csrf(&mut self, app: &Router) -> String {
        let (_, page) = self.get(app, "/verwaltung").await;
        let start = page.find("name=\"csrf\" value=\"").expect("a CSRF field on the staff page") + 19;
        page[start..start + 32].to_string()
    }
}

pub(super) fn location(response: &Response) -> &str {
    response.headers().get(header::LOCATION).and_then(|v| v.to_str().ok()).unwrap_or_default()
}

pub(super) fn encode(value: &str) -> String {
    url::form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

/// Creates an account with `roles`; publishers, caseworkers and administrators get a TOTP secret.
pub(super) async fn account(db: &Db, email: &str, roles: &[Role]) -> Option<String> {
    let hash = hash_password(PASSWORD).unwrap();
    let id = create_user(db, NewUser { email, display_name: email, roles, password_hash: &hash }).await.unwrap();
    let needs = roles.iter().any(|r| matches!(r, Role::Publisher | Role::Caseworker | Role::Administrator));
    if needs {
        let secret = second_factor::new_secret();
        accounts::enable_second_factor(db, id, &secret, &["abcd-efgh".to_string()]).await.unwrap();
        Some(secret)
    } else {
        None
    }
}

/// Signs in through the forms; returns the browser with its session.
pub(super) async fn signed_in(app: &Router, email: &str, secret: Option<&str>) -> Browser {
    let mut browser = Browser::default();
    let (response, _) = browser.post(app, "/api/staff/sign-in", &format!("email={}&password={}", encode(email), encode(PASSWORD))).await;
    assert_eq!(response.status(), StatusCode::FOUND);
    if let Some(secret) = secret {
        assert_eq!(location(&response), "/verwaltung/anmelden/code");
        let code = second_factor::current_code(secret).unwrap();
        let (response, _) = browser.post(app, "/api/staff/sign-in/code", &format!("code={code}")).await;
        assert_eq!(location(&response), "/verwaltung", "the code signs in");
    } else {
        assert_eq!(location(&response), "/verwaltung");
    }
    browser
}

/// Every staff page and the roles that may open it (empty: every signed-in person).
const PAGES: &[(&str, &[Role])] = &[
    ("/verwaltung", &[]),
    ("/verwaltung/konto", &[]),
    ("/verwaltung/dashboard", DASHBOARD),
    ("/verwaltung/konten", &[Role::Administrator]),
    ("/verwaltung/protokoll", &[Role::Administrator]),
    ("/verwaltung/katalog", &[Role::Administrator]),
    ("/verwaltung/katalog/export", &[Role::Administrator]),
    ("/verwaltung/rueckmeldungen", &[Role::Editor, Role::Publisher, Role::Administrator]),
    ("/verwaltung/suchstatistik", &[Role::Editor, Role::Publisher, Role::Administrator]),
    ("/verwaltung/leistungen", READ),
    ("/verwaltung/leistungen/neu", EDIT),
    ("/verwaltung/leistungen/personalausweis-beantragen", READ),
    ("/verwaltung/leistungen/personalausweis-beantragen/bearbeiten", EDIT),
    ("/verwaltung/leistungen/personalausweis-beantragen/vorschau", READ),
    ("/verwaltung/themen", TAXONOMY),
    ("/verwaltung/themen/thema/neu", TAXONOMY),
    ("/verwaltung/themen/thema/ausweise-dokumente", TAXONOMY),
    ("/verwaltung/themen/lebenslage/neu", TAXONOMY),
    ("/verwaltung/themen/lebenslage/umzug", TAXONOMY),
    ("/verwaltung/dienststellen", TAXONOMY),
    ("/verwaltung/dienststellen/neu", TAXONOMY),
    ("/verwaltung/dienststellen/buergerbuero-mitte", TAXONOMY),
    ("/verwaltung/synonyme", TAXONOMY),
    ("/verwaltung/antraege", INBOX),
    ("/verwaltung/antraege?status=gibtsnicht&seite=-1", INBOX),
    ("/verwaltung/antraege/antwortvorlagen", INBOX),
    ("/verwaltung/antraege/export.csv", INBOX),
    ("/verwaltung/formulare", READ),
    ("/verwaltung/formulare/sperrmuell-anmelden", READ),
    ("/verwaltung/formulare/sperrmuell-anmelden/vorschau", READ),
    ("/verwaltung/formulare/sperrmuell-anmelden/seite/neu", EDIT),
    ("/verwaltung/formulare/sperrmuell-anmelden/seite/kontakt", EDIT),
    ("/verwaltung/formulare/sperrmuell-anmelden/feld/kontakt/neu", EDIT),
    ("/verwaltung/formulare/sperrmuell-anmelden/feld/kontakt/name", EDIT),
];

/// Who may open the dashboard ("Lagebild").
const DASHBOARD: &[Role] = &[Role::Caseworker, Role::Publisher, Role::Administrator];
/// Who works with the inbox of requests.
const INBOX: &[Role] = &[Role::Caseworker, Role::Administrator];

const READ: &[Role] = &[Role::Editor, Role::Publisher, Role::Administrator];
const EDIT: &[Role] = &[Role::Editor, Role::Publisher];
const PUBLISH: &[Role] = &[Role::Publisher];
const SERVICE: &str = "slug=personalausweis-beantragen";

/// Who may edit topics, life situations, offices, synonyms and featured services.
const TAXONOMY: &[Role] = &[Role::Publisher, Role::Administrator];

/// Every state-changing staff server function, the roles allowed, and a valid form body.
/// `{csrf}` is replaced by the caller's token.
const CHANGES: &[(&str, &[Role], &str)] = &[
    ("/api/staff/accounts/create", &[Role::Administrator], "csrf={csrf}&email=neu%40rathaus.example&display_name=Neu"),
    ("/api/staff/accounts/roles", &[Role::Administrator], "csrf={csrf}&id=1&roles[editor]=1"),
    ("/api/staff/accounts/disable", &[Role::Administrator], "csrf={csrf}&id=1"),
    ("/api/staff/accounts/reset-second-factor", &[Role::Administrator], "csrf={csrf}&id=1"),
    ("/api/staff/listing/save", EDIT, "csrf={csrf}&slug=personalausweis-beantragen&f%5Btitle%5D%5Bde%5D=Neu&f%5Bprocessing_days%5D=1"),
    ("/api/staff/listing/submit", EDIT, "csrf={csrf}&slug=personalausweis-beantragen"),
    ("/api/staff/listing/return", PUBLISH, "csrf={csrf}&slug=personalausweis-beantragen&note=x"),
    ("/api/staff/listing/publish", PUBLISH, "csrf={csrf}&slug=personalausweis-beantragen"),
    ("/api/staff/listing/archive", PUBLISH, "csrf={csrf}&slug=personalausweis-beantragen"),
    ("/api/staff/listing/restore", EDIT, "csrf={csrf}&slug=personalausweis-beantragen&number=1"),
    (
        "/api/staff/taxonomy/topic/save",
        TAXONOMY,
        "csrf={csrf}&original=tiere&entry[slug_de]=haustiere&entry[slug_en]=pets&entry[position]=13&entry[name_de]=Haustiere",
    ),
    ("/api/staff/taxonomy/topic/delete", TAXONOMY, "csrf={csrf}&slug=tiere&confirm=1"),
    (
        "/api/staff/taxonomy/life-situation/save",
        TAXONOMY,
        "csrf={csrf}&entry[slug_de]=neue-lage&entry[slug_en]=new-situation&entry[parent]=umzug&entry[position]=4&entry[name_de]=Neue+Lage",
    ),
    ("/api/staff/taxonomy/life-situation/delete", TAXONOMY, "csrf={csrf}&slug=reisen&confirm=1"),
    ("/api/staff/taxonomy/featured", TAXONOMY, "csrf={csrf}&featured=personalausweis-beantragen%0Awohnung-anmelden"),
    (
        "/api/staff/offices/save",
        TAXONOMY,
        "csrf={csrf}&office[slug_de]=neues-amt&office[slug_en]=new-office&office[name_de]=Neues+Amt&office[street]=Porschestra%C3%9Fe+49\
         &office[postcode]=38440&office[city]=Wolfsburg&office[latitude]=52.4&office[longitude]=10.8&office[hours]=Mo+8-12",
    ),
    ("/api/staff/offices/delete", TAXONOMY, "csrf={csrf}&slug=sozialamt&confirm=1"),
    ("/api/staff/synonyms/save", TAXONOMY, "csrf={csrf}&synonyms[de]=auto%2C+kfz&synonyms[en]=car%2C+vehicle"),
    ("/api/staff/inbox/assign", INBOX, "csrf={csrf}&reference=2026-ABCD-EFGH&to=ich"),
    ("/api/staff/inbox/status", INBOX, "csrf={csrf}&reference=2026-ABCD-EFGH&status=in_progress&message=x"),
    ("/api/staff/inbox/ask", INBOX, "csrf={csrf}&reference=2026-ABCD-EFGH&message=x"),
    ("/api/staff/inbox/note", INBOX, "csrf={csrf}&reference=2026-ABCD-EFGH&note=x"),
    ("/api/staff/inbox/canned-replies/save", INBOX, "csrf={csrf}&service=sperrmuell-anmelden&title=T&body=B"),
    ("/api/staff/inbox/canned-replies/delete", INBOX, "csrf={csrf}&id=1"),
    ("/api/staff/form/field/save", EDIT, "csrf={csrf}&slug=sperrmuell-anmelden&page=kontakt&f[id]=neu&f[kind]=text&f[label][de]=Neu"),
    ("/api/staff/form/page/save", EDIT, "csrf={csrf}&slug=sperrmuell-anmelden&title[de]=Neu"),
    ("/api/staff/form/arrange", EDIT, "csrf={csrf}&slug=sperrmuell-anmelden&page=kontakt&field=telefon&action=hoch"),
    ("/api/staff/form/submit", EDIT, "csrf={csrf}&slug=sperrmuell-anmelden"),
    ("/api/staff/form/return", PUBLISH, "csrf={csrf}&slug=sperrmuell-anmelden&note=x"),
    ("/api/staff/form/publish", PUBLISH, "csrf={csrf}&slug=sperrmuell-anmelden"),
    ("/api/staff/form/discard", EDIT, "csrf={csrf}&slug=sperrmuell-anmelden"),
];

/// Changes every signed-in person may make (checked for the session and the CSRF token above).
const OWN_CHANGES: &[&str] = &["/api/staff/account/password"];

/// Server functions of the staff area that only read, with the roles allowed and a valid body.
const READS: &[(&str, &[Role], &str)] = &[
    ("/api/staff/dashboard", &[], ""),
    ("/api/staff/statistics", DASHBOARD, "period=90"),
    ("/api/staff/account", &[], ""),
    ("/api/staff/accounts", &[Role::Administrator], ""),
    ("/api/staff/audit", &[Role::Administrator], ""),
    ("/api/staff/catalogue-size", &[Role::Administrator], ""),
    ("/api/staff/feedback", READ, ""),
    ("/api/staff/search-insight", READ, ""),
    ("/api/staff/recovery-codes", &[], ""),
    ("/api/staff/listings", READ, ""),
    ("/api/staff/listing", READ, SERVICE),
    ("/api/staff/listing-editor", EDIT, SERVICE),
    ("/api/staff/listing-preview", READ, SERVICE),
    ("/api/staff/taxonomy", TAXONOMY, ""),
    ("/api/staff/taxonomy/topic", TAXONOMY, ""),
    ("/api/staff/taxonomy/life-situation", TAXONOMY, ""),
    ("/api/staff/offices", TAXONOMY, ""),
    ("/api/staff/offices/office", TAXONOMY, ""),
    ("/api/staff/synonyms", TAXONOMY, ""),
    ("/api/staff/inbox", INBOX, ""),
    ("/api/staff/inbox/request", INBOX, "reference=2026-ABCD-EFGH"),
    ("/api/staff/inbox/canned-replies", INBOX, ""),
    ("/api/staff/forms", READ, ""),
    ("/api/staff/form", READ, FORM),
    ("/api/staff/form-preview", READ, FORM),
    ("/api/staff/form-page", EDIT, "slug=sperrmuell-anmelden&page=kontakt"),
    ("/api/staff/form-field", EDIT, "slug=sperrmuell-anmelden&page=kontakt&field=name"),
];

/// The service whose demo form the sweep reads.
const FORM: &str = "slug=sperrmuell-anmelden";

/// Endpoints of the sign-in flow itself, open to everyone by design.
const SIGN_IN_FLOW: &[&str] = &[
    "/api/staff/sign-in",
    "/api/staff/sign-in/code",
    "/api/staff/second-factor",
    "/api/staff/sign-out",
    "/api/staff/sign-in-form",
    "/api/staff/code-form",
    "/api/staff/second-factor-form",
];

#[test]
fn the_sweep_covers_every_staff_server_function() {
    let listed: Vec<&str> = CHANGES.iter().map(|c| c.0).chain(READS.iter().map(|r| r.0)).chain(SIGN_IN_FLOW.iter().copied()).chain(OWN_CHANGES.iter().copied()).collect();
    let registered: Vec<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.to_string())
        .filter(|path| path.starts_with("/api/staff/"))
        .collect();
    assert!(!registered.is_empty());
    for path in &registered {
        assert!(listed.contains(&path.as_str()), "{path} is not in the role sweep");
    }
}

#[tokio::test]
async fn staff_endpoints_refuse_strangers_and_wrong_roles() {
    on_each_backend(|state| async move {
        let app = router(state.clone());
        let mut stranger = Browser::default();
        for (page, _) in PAGES {
            let (response, _) = stranger.get(&app, page).await;
            assert!(response.status().is_redirection(), "{page} without a session");
            assert!(location(&response).starts_with("/verwaltung/anmelden"), "{page} sends to the sign-in page");
        }
        for (path, _, form) in CHANGES {
            let (response, _) = stranger.post(&app, path, &form.replace("{csrf}", "x")).await;
            assert!(location(&response).starts_with("/verwaltung/anmelden"), "{path} without a session");
        }
        for (path, _, body) in READS {
            let request = Request::post(*path).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded").body(Body::from(*body)).unwrap();
            let (response, _) = stranger.send(&app, request).await;
            assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{path} answers API callers with 401");
        }

        for role in Role::ALL {
            let email = format!("{}@rathaus.example", role.as_str());
            let secret = account(&state.db, &email, &[role]).await;
            let mut browser = signed_in(&app, &email, secret.as_deref()).await;
            let csrf = browser.csrf(&app).await;
            for (page, allowed) in PAGES {
                let (response, _) = browser.get(&app, page).await;
                let expected = if allowed.is_empty() || allowed.contains(&role) { StatusCode::OK } else { StatusCode::FORBIDDEN };
                assert_eq!(response.status(), expected, "{page} as {role:?}");
            }
            for (path, allowed, form) in CHANGES {
                if !allowed.contains(&role) {
                    let before: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log").fetch_one(state.db.pool()).await.unwrap();
                    let (response, _) = browser.post(&app, path, &form.replace("{csrf}", &csrf)).await;
                    assert_eq!(response.status(), StatusCode::FORBIDDEN, "{path} as {role:?}");
                    let after: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log").fetch_one(state.db.pool()).await.unwrap();
                    assert_eq!(before, after, "{path} as {role:?} changed nothing");
                }
            }
            for (path, allowed, body) in READS {
                if !allowed.is_empty() && !allowed.contains(&role) {
                    let (response, _) = browser.post(&app, path, body).await;
                    assert_eq!(response.status(), StatusCode::FORBIDDEN, "{path} as {role:?}");
                }
            }
        }
    })
    .await;
}

#[tokio::test]
async fn changes_need_the_session_csrf_token() {
    on_each_backend(|state| async move {
        let app = router(state.clone());
        let secret = account(&state.db, "admin@test.example", &[Role::Administrator]).await;
        let mut admin = signed_in(&app, "admin@test.example", secret.as_deref()).await;
        let csrf = admin.csrf(&app).await;
        let create = |token: &str| format!("csrf={token}&email=anna%40rathaus.example&display_name=Anna&roles%5Beditor%5D=1");
        for token in ["", "00000000000000000000000000000000"] {
            let (response, _) = admin.post(&app, "/api/staff/accounts/create", &create(token)).await;
            assert_eq!(response.status(), StatusCode::FORBIDDEN, "token {token:?}");
        }
        assert!(accounts::account_by_email(&state.db, "anna@rathaus.example").await.unwrap().is_none());
        let (response, _) = admin.post(&app, "/api/staff/accounts/create", &create(&csrf)).await;
        assert_eq!(location(&response), "/verwaltung/konten");
        let anna = accounts::account_by_email(&state.db, "anna@rathaus.example").await.unwrap().expect("created");
        assert_eq!(anna.user.roles, [Role::Editor]);
        let (_, page) = admin.get(&app, "/verwaltung/konten").await;
        assert!(page.contains("Einmal-Passwort"), "the one-time password is shown once");
        let (_, page) = admin.get(&app, "/verwaltung/protokoll").await;
        assert!(page.contains("Konto angelegt") && page.contains("anna@rathaus.example"));
    })
    .await;
}

#[tokio::test]
async fn sessions_end_when_idle_too_long_or_signed_out_everywhere() {
    on_each_backend(|state| async move {
        let app = router(state.clone());
        account(&state.db, "erik@rathaus.example", &[Role::Editor]).await;
        let mut first = signed_in(&app, "erik@rathaus.example", None).await;
        assert_eq!(first.get(&app, "/verwaltung").await.0.status(), StatusCode::OK);
        sqlx::query("UPDATE staff_sessions SET expires_at = $1").bind(app::db::now() - 1).execute(state.db.pool()).await.unwrap();
        let (response, _) = first.get(&app, "/verwaltung").await;
        assert!(location(&response).starts_with("/verwaltung/anmelden"), "an idle session has ended");

        let mut laptop = signed_in(&app, "erik@rathaus.example", None).await;
        let mut phone = signed_in(&app, "erik@rathaus.example", None).await;
        let csrf = laptop.csrf(&app).await;
        let (response, _) = laptop.post(&app, "/api/staff/sign-out", &format!("csrf={csrf}&everywhere=1")).await;
        assert!(location(&response).starts_with("/verwaltung/anmelden"));
        let (response, _) = phone.get(&app, "/verwaltung").await;
        assert!(location(&response).starts_with("/verwaltung/anmelden"), "the other session has ended too");
    })
    .await;
}

#[tokio::test]
async fn an_unchanged_session_is_written_only_when_its_expiry_moves_a_minute() {
    on_each_backend(|state| async move {
        let app = router(state.clone());
        account(&state.db, "erik@rathaus.example", &[Role::Editor]).await;
        let mut browser = signed_in(&app, "erik@rathaus.example", None).await;
        let full = app::staff::guard::IDLE_TIMEOUT_MINUTES * 60;
        let set_expiry = |seconds_left: i64| {
            let db = state.db.clone();
            async move {
                sqlx::query("UPDATE staff_sessions SET expires_at = $1").bind(app::db::now() + seconds_left).execute(db.pool()).await.unwrap();
            }
        };
        let stored = || {
            let db = state.db.clone();
            async move { sqlx::query_scalar::<_, i64>("SELECT expires_at FROM staff_sessions").fetch_one(db.pool()).await.unwrap() - app::db::now() }
        };

        set_expiry(full - 20).await;
        assert_eq!(browser.get(&app, "/verwaltung").await.0.status(), StatusCode::OK);
        assert!(stored().await <= full - 20, "20 s of lag is not worth a write");

        set_expiry(full - 5 * 60).await;
        assert_eq!(browser.get(&app, "/verwaltung").await.0.status(), StatusCode::OK);
        assert!(stored().await > full - 120, "five minutes of lag are written: the idle timeout counts from now");

        let csrf = browser.csrf(&app).await;
        let (response, _) = browser.post(&app, "/api/staff/sign-out", &format!("csrf={csrf}&everywhere=1")).await;
        assert!(location(&response).starts_with("/verwaltung/anmelden"));
        let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM staff_sessions").fetch_one(state.db.pool()).await.unwrap();
        assert_eq!(count, 0, "signing out leaves no session row behind");
    })
    .await;
}

#[tokio::test]
async fn sign_in_checks_the_second_factor_refuses_replays_and_backs_off() {
    on_each_backend(|state| async move {
        let app = router(state.clone());
        let secret = account(&state.db, "petra@rathaus.example", &[Role::Publisher]).await.unwrap();
        let mut browser = Browser::default();
        let (response, _) = browser.post(&app, "/api/staff/sign-in", &format!("email=petra%40rathaus.example&password={}", encode(PASSWORD))).await;
        assert_eq!(location(&response), "/verwaltung/anmelden/code");
        let (response, _) = browser.get(&app, "/verwaltung").await;
        assert!(location(&response).starts_with("/verwaltung/anmelden"), "the password alone does not sign in");
        let (response, _) = browser.post(&app, "/api/staff/sign-in/code", "code=000000").await;
        assert_eq!(location(&response), "/verwaltung/anmelden/code");
        let (_, page) = browser.get(&app, "/verwaltung/anmelden/code").await;
        assert!(page.contains("Der Code stimmt nicht"));
        let code = second_factor::current_code(&secret).unwrap();
        let (response, _) = browser.post(&app, "/api/staff/sign-in/code", &format!("code={code}")).await;
        assert_eq!(location(&response), "/verwaltung");

        let mut again = Browser::default();
        again.post(&app, "/api/staff/sign-in", &format!("email=petra%40rathaus.example&password={}", encode(PASSWORD))).await;
        let (response, _) = again.post(&app, "/api/staff/sign-in/code", &format!("code={code}")).await;
        assert_eq!(location(&response), "/verwaltung/anmelden/code", "a used code is refused");
        let (response, _) = again.post(&app, "/api/staff/sign-in/code", "code=ABCD-EFGH").await;
        assert_eq!(location(&response), "/verwaltung", "a recovery code works once");

        let mut attacker = Browser::default();
        for _ in 0..3 {
            attacker.post(&app, "/api/staff/sign-in", "email=petra%40rathaus.example&password=falsch-falsch-falsch").await;
        }
        let (_, page) = attacker.get(&app, "/verwaltung/anmelden").await;
        assert!(page.contains("E-Mail-Adresse oder Passwort ist falsch"));
        attacker.post(&app, "/api/staff/sign-in", &format!("email=petra%40rathaus.example&password={}", encode(PASSWORD))).await;
        let (_, page) = attacker.get(&app, "/verwaltung/anmelden").await;
        assert!(page.contains("Bitte warten Sie"), "after three failures even the right password waits");
        assert!(page.contains("value=\"petra@rathaus.example\""), "the typed address is kept");
        let failures: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'sign_in_failed'").fetch_one(state.db.pool()).await.unwrap();
        assert!(failures >= 4, "failed attempts are audited");
        attacker.post(&app, "/api/staff/sign-in", "email=MeinGeheimesPasswort123&password=x").await;
        let leaked: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE actor LIKE '%Geheim%' OR subject LIKE '%Geheim%'")
            .fetch_one(state.db.pool())
            .await
            .unwrap();
        assert_eq!(leaked, 0, "a password typed into the address field is not logged");
        let tamper = sqlx::query("DELETE FROM audit_log").execute(state.db.pool()).await;
        assert!(tamper.is_err(), "the audit log is append-only");
    })
    .await;
}

#[tokio::test]
async fn an_edit_goes_live_only_after_another_person_publishes_it() {
    on_each_backend(|state| async move {
        let app = router(state.clone());
        let service = "/leistungen/personalausweis-beantragen";
        let listing = "/verwaltung/leistungen/personalausweis-beantragen";
        account(&state.db, "erik@rathaus.example", &[Role::Editor]).await;
        let secret = account(&state.db, "petra@rathaus.example", &[Role::Publisher]).await;
        let mut editor = signed_in(&app, "erik@rathaus.example", None).await;
        let csrf = editor.csrf(&app).await;
        let form = format!(
            "csrf={csrf}&slug=personalausweis-beantragen&then=review&f%5Btitle%5D%5Bde%5D=Personalausweis+Zwiebelkuchen+beantragen\
             &f%5Bteaser%5D%5Bde%5D=Kurz&f%5Bprocessing_days%5D=21&f%5Bavailability%5D=appointment&f%5Btopics%5D%5Bausweise-dokumente%5D=1"
        );
        let (response, _) = editor.post(&app, "/api/staff/listing/save", &form).await;
        assert_eq!(location(&response), listing);
        let (_, page) = editor.get(&app, service).await;
        assert!(!page.contains("Personalausweis Zwiebelkuchen beantragen"), "the published version stays online while the draft waits");
        let (_, json) = editor.get(&app, "/api/v1/search?q=zwiebelkuchen&limit=3").await;
        assert!(!json.contains("personalausweis-beantragen"), "drafts are not searchable: {json}");
        let (response, _) = editor.post(&app, "/api/staff/listing/publish", &format!("csrf={csrf}&slug=personalausweis-beantragen")).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "editors cannot publish");

        let mut publisher = signed_in(&app, "petra@rathaus.example", secret.as_deref()).await;
        let (_, page) = publisher.get(&app, listing).await;
        assert!(page.contains("Veröffentlichen") && page.contains("Titel (Deutsch)") && page.contains("Personalausweis Zwiebelkuchen beantragen"));
        let csrf = publisher.csrf(&app).await;
        let (response, _) = publisher.post(&app, "/api/staff/listing/publish", &format!("csrf={csrf}&slug=personalausweis-beantragen")).await;
        assert_eq!(location(&response), listing);
        let (_, page) = publisher.get(&app, service).await;
        assert!(page.contains("Personalausweis Zwiebelkuchen beantragen"), "published at once on this instance");
        let (_, json) = publisher.get(&app, "/api/v1/search?q=zwiebelkuchen&limit=3").await;
        assert!(json.contains("personalausweis-beantragen"), "search follows, past the cached answer: {json}");

        // The publisher's own edit waits for another publisher.
        let own = form.replace(&format!("csrf={}", &form[5..37]), &format!("csrf={csrf}")).replace("Zwiebelkuchen+beantragen", "ganz+neu");
        publisher.post(&app, "/api/staff/listing/save", &own).await;
        publisher.post(&app, "/api/staff/listing/publish", &format!("csrf={csrf}&slug=personalausweis-beantragen")).await;
        let (_, page) = publisher.get(&app, listing).await;
        assert!(page.contains("Vier-Augen-Prinzip"));
        let (_, page) = publisher.get(&app, service).await;
        assert!(!page.contains("Personalausweis ganz neu"), "not published by its own author");
        let entries: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'service.publish' AND actor = 'petra@rathaus.example'")
            .fetch_one(state.db.pool())
            .await
            .unwrap();
        assert_eq!(entries, 1);
    })
    .await;
}

#[tokio::test]
async fn changing_the_password_ends_the_other_sessions_and_keeps_this_one() {
    on_each_backend(|state| async move {
        let app = router(state.clone());
        account(&state.db, "erik@rathaus.example", &[Role::Editor]).await;
        let mut laptop = signed_in(&app, "erik@rathaus.example", None).await;
        let mut phone = signed_in(&app, "erik@rathaus.example", None).await;
        let csrf = laptop.csrf(&app).await;
        let change = |current: &str, new: &str, repeat: &str| {
            format!("csrf={csrf}&current={}&new={}&repeat={}", encode(current), encode(new), encode(repeat))
        };
        let (response, _) = Browser::default().post(&app, "/api/staff/account/password", &change(PASSWORD, "x", "x")).await;
        assert!(location(&response).starts_with("/verwaltung/anmelden"), "needs a session");
        laptop.post(&app, "/api/staff/account/password", &change("falsch-falsch-falsch", "ein neues langes Passwort", "ein neues langes Passwort")).await;
        let (_, page) = laptop.get(&app, "/verwaltung/konto").await;
        assert!(page.contains("Das bisherige Passwort stimmt nicht"));
        laptop.post(&app, "/api/staff/account/password", &change(PASSWORD, "zu kurz", "zu kurz")).await;
        let (_, page) = laptop.get(&app, "/verwaltung/konto").await;
        assert!(page.contains("mindestens 12 Zeichen"));
        let (response, _) = laptop.post(&app, "/api/staff/account/password", &change(PASSWORD, "ein neues langes Passwort", "ein neues langes Passwort")).await;
        assert_eq!(location(&response), "/verwaltung/konto");
        let (response, page) = laptop.get(&app, "/verwaltung/konto").await;
        assert_eq!(response.status(), StatusCode::OK, "this session stays signed in");
        assert!(page.contains("Ihr Passwort ist geändert"));
        let (response, _) = phone.get(&app, "/verwaltung").await;
        assert!(location(&response).starts_with("/verwaltung/anmelden"), "the other session has ended");
        let mut again = Browser::default();
        let (response, _) = again.post(&app, "/api/staff/sign-in", "email=erik%40rathaus.example&password=ein+neues+langes+Passwort").await;
        assert_eq!(location(&response), "/verwaltung");
    })
    .await;
}

#[tokio::test]
async fn behind_a_trusted_proxy_one_address_failing_does_not_slow_down_the_others() {
    let mut state = state(None).await;
    let mut config = (*state.config).clone();
    config.trusted_proxies = 1;
    state.config = std::sync::Arc::new(config);
    let app = router(state.clone());
    account(&state.db, "erik@rathaus.example", &[Role::Editor]).await;
    let sign_in = |forwarded: &str, email: &str, password: &str| {
        Request::post("/api/staff/sign-in")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "text/html")
            .header("x-forwarded-for", forwarded)
            .body(Body::from(format!("email={}&password={}", encode(email), encode(password))))
            .unwrap()
    };
    for attempt in 0..12 {
        // A client cannot choose its address by sending its own X-Forwarded-For entry first.
        let forged = "198.51.100.7, 203.0.113.9";
        let (response, _) = Browser::default().send(&app, sign_in(forged, &format!("rate-{attempt}@rathaus.example"), "falsch-falsch-falsch")).await;
        assert_eq!(response.status(), StatusCode::FOUND);
    }
    let (_, page) = {
        let mut attacker = Browser::default();
        attacker.send(&app, sign_in("203.0.113.9", "erik@rathaus.example", PASSWORD)).await;
        attacker.get(&app, "/verwaltung/anmelden").await
    };
    assert!(page.contains("Bitte warten Sie"), "the failing address waits");
    let mut colleague = Browser::default();
    let (response, _) = colleague.send(&app, sign_in("198.51.100.7", "erik@rathaus.example", PASSWORD)).await;
    assert_eq!(location(&response), "/verwaltung", "another address behind the same proxy signs in at once");
}
