//! Router tests of the request journey and tracking: the whole journey without JavaScript,
//! idempotent submission, uploads checked by content, and every kind of bad input.

use super::router::router;
use super::staff_tests::{encode, location, on_each_backend, Browser};
use app::db::Row;
use app::requests::date::Day;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;

pub(super) const PNG: &[u8] = &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, b'I', b'H', b'D', b'R'];

fn in_days(days: i64) -> String {
    Day::from_unix(app::db::now()).plus(days).iso()
}

/// Starts a draft of `service`; returns the first page's address.
async fn start(app: &Router, browser: &mut Browser, service: &str) -> String {
    let (response, _) = browser.post(app, "/antrag/neu", &format!("service={service}&website=")).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    location(&response).to_string()
}

pub(super) fn code_of(page: &str) -> String {
    page.split('/').nth(2).unwrap().to_string()
}

/// Posts a page with version field and answers; returns where it redirected.
async fn answer(app: &Router, browser: &mut Browser, page: &str, version: i64, answers: &str) -> String {
    let (response, body) = browser.post(app, page, &format!("_version={version}&_aktion=weiter&{answers}")).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "{page}: {body}");
    location(&response).to_string()
}

async fn form_version(app: &Router, browser: &mut Browser, page: &str) -> i64 {
    let (response, html) = browser.get(app, page).await;
    assert_eq!(response.status(), StatusCode::OK, "{page}");
    let start = html.find("name=\"_version\" value=\"").expect("version field") + 23;
    html[start..].split('"').next().unwrap().parse().unwrap()
}

/// Fills the Sperrmüll form up to the check page; returns the check page address.
pub(super) async fn fill_bulky_waste(app: &Router, browser: &mut Browser) -> String {
    let first = start(app, browser, "sperrmuell-anmelden").await;
    let version = form_version(app, browser, &first).await;
    let next = answer(app, browser, &first, version, "gegenstaende=Sofa%0AZwei+St%C3%BChle&menge=2%2C5&elektrogeraete=nein").await;
    assert!(next.ends_with("/frage/abholung"), "{next}");
    let next = answer(app, browser, &next, version, &format!("adresse.strasse=Porschestra%C3%9Fe+1&adresse.plz=38440&adresse.ort=Wolfsburg&wunschtermin={}", in_days(10))).await;
    assert!(next.ends_with("/frage/kontakt"), "{next}");
    let check = answer(app, browser, &next, version, "name=Erika+Mustermann&email=erika%40example.org&telefon=").await;
    assert!(check.ends_with("/pruefen"), "{check}");
    check
}

pub(super) fn submit_key(check_page: &str) -> String {
    let start = check_page.find("name=\"schluessel\" value=\"").expect("submit key") + 25;
    check_page[start..start + 32].to_string()
}

#[tokio::test]
async fn a_resident_requests_a_service_without_javascript_and_tracks_it() {
    on_each_backend(|state| async move {
        let db = state.db.clone();
        let app = router(state);
        let mut browser = Browser::default();
        let (response, start_page) = browser.get(&app, "/leistungen/sperrmuell-anmelden/antrag").await;
        assert_eq!(response.status(), StatusCode::OK);
        assert!(start_page.contains("Jetzt starten"));
        let check = fill_bulky_waste(&app, &mut browser).await;
        let (_, page) = browser.get(&app, &check).await;
        assert!(page.contains("Porschestraße 1") && page.contains("38440 Wolfsburg") && page.contains("Erika Mustermann"), "{page}");
        assert!(page.contains("?von=pruefen#gegenstaende"), "change links");
        let key = submit_key(&page);
        let code = code_of(&check);
        // Without the declaration: back to the check page with the error.
        let submit = format!("/antrag/{code}/absenden");
        let (response, _) = browser.post(&app, &submit, &format!("schluessel={key}")).await;
        assert!(location(&response).contains("erklaerung=fehlt"));
        // A forged key creates nothing.
        let (response, _) = browser.post(&app, &submit, "schluessel=0123456789abcdef0123456789abcdef&erklaerung=ja").await;
        assert!(location(&response).ends_with("/pruefen"));
        let count = |db: app::db::Db| async move { sqlx::query("SELECT COUNT(*) AS n FROM requests").fetch_one(db.pool()).await.unwrap().try_get::<i64, _>("n").unwrap() };
        assert_eq!(count(db.clone()).await, 0);
        // A double click: two posts, one request, both land on the confirmation.
        for _ in 0..2 {
            let (response, _) = browser.post(&app, &submit, &format!("schluessel={key}&erklaerung=ja")).await;
            assert_eq!(location(&response), format!("/antrag/{code}/bestaetigung"));
        }
        assert_eq!(count(db.clone()).await, 1);
        let mails = sqlx::query("SELECT recipient, subject, body FROM mail_outbox ORDER BY id").fetch_all(db.pool()).await.unwrap();
        let mails: Vec<(String, String, String)> =
            mails.iter().map(|row| (row.try_get("recipient").unwrap(), row.try_get("subject").unwrap(), row.try_get("body").unwrap())).collect();
        assert_eq!(mails.len(), 2, "one to the resident, one to the office: {mails:?}");
        assert_eq!(mails[0].0, "erika@example.org");
        assert!(mails[0].2.contains("/antrag/status?nummer="), "the resident's mail has the tracking link");
        assert!(mails[1].0.contains('@') && mails[1].0 != "erika@example.org", "the office's address");
        let (response, confirmation) = browser.get(&app, &format!("/antrag/{code}/bestaetigung")).await;
        assert_eq!(response.status(), StatusCode::OK);
        let at = confirmation.find("/antrag/status?nummer=").expect("tracking link");
        let link = confirmation[at..].split('"').next().unwrap().replace("&amp;", "&");
        // The draft is closed: its pages are gone.
        let (response, _) = browser.get(&app, &format!("/antrag/{code}/frage/kontakt")).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        // Tracking with the link.
        let (response, status) = browser.get(&app, &link).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert!(status.contains("Eingegangen") && status.contains("Sperrmüll"), "{status}");
        let expected = Day::from_unix(app::db::now()).plus(14).german();
        assert!(status.contains(&expected), "expected decision date {expected}");
        // A wrong PIN and an unknown reference get the same answer.
        let reference = link.split("nummer=").nth(1).unwrap().split('&').next().unwrap().to_string();
        let (wrong_pin, wrong_pin_page) = browser.get(&app, &format!("/antrag/status?nummer={reference}&pin=ABCD-EFGH")).await;
        let (unknown, unknown_page) = browser.get(&app, "/antrag/status?nummer=2026-ABCD-EFGH&pin=ABCD-EFGH").await;
        assert_eq!((wrong_pin.status(), unknown.status()), (StatusCode::OK, StatusCode::OK));
        assert!(wrong_pin_page.contains("passen zu keinem Antrag") && unknown_page.contains("passen zu keinem Antrag"));
        // The resident answers with a file, then withdraws.
        let pin = link.split("pin=").nth(1).unwrap().to_string();
        let (response, _) = multipart(&app, "/antrag/status/antworten", &[("nummer", &reference), ("pin", &pin), ("nachricht", "Hier das Foto.")], &[("dateien", "foto.png", PNG)]).await;
        assert!(location(&response).contains("hinweis=antwort"), "{}", location(&response));
        let (response, _) = browser.post(&app, "/antrag/status/zurueckziehen", &format!("nummer={reference}&pin={pin}&bestaetigt=ja")).await;
        assert!(location(&response).contains("hinweis=zurueckgezogen"));
        let (_, status) = browser.get(&app, &link).await;
        assert!(status.contains("Zurückgezogen") && status.contains("Hier das Foto.") && status.contains("foto.png"), "{status}");
        assert!(!status.contains("Antrag zurückziehen</span>"), "no second withdrawal");
        let last: String = sqlx::query("SELECT subject FROM mail_outbox ORDER BY id DESC LIMIT 1").fetch_one(db.pool()).await.unwrap().try_get("subject").unwrap();
        assert!(last.contains(&reference), "the withdrawal is mailed: {last}");
    })
    .await;
}

pub(super) async fn multipart(app: &Router, uri: &str, fields: &[(&str, &str)], files: &[(&str, &str, &[u8])]) -> (axum::response::Response, String) {
    let boundary = "XyZboundary42";
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes());
    }
    for (name, file_name, bytes) in files {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n").as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    let request = Request::post(uri).header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={boundary}")).body(Body::from(body)).unwrap();
    Browser::default().send(app, request).await
}

#[tokio::test]
async fn bad_answers_come_back_with_errors_and_nothing_typed_is_lost() {
    on_each_backend(|state| async move {
        let app = router(state);
        let mut browser = Browser::default();
        let first = start(&app, &mut browser, "sperrmuell-anmelden").await;
        let version = form_version(&app, &mut browser, &first).await;
        let long = "x".repeat(1001);
        let next = answer(&app, &mut browser, &first, version, &format!("gegenstaende={long}&menge=zehn&elektrogeraete=vielleicht")).await;
        assert!(next.ends_with("?fehler=1"), "{next}");
        let (_, page) = browser.get(&app, &next).await;
        assert!(page.contains("Bitte prüfen Sie Ihre Angaben") && page.contains("href=\"#menge\"") && page.contains("href=\"#elektrogeraete\""), "{page}");
        assert!(page.contains(&long), "the long text is shown again");
        assert!(page.contains("value=\"zehn\""), "the bad number is shown again");
        // Answering "yes" reveals the device question on the same page.
        let again = answer(&app, &mut browser, &first, version, "gegenstaende=Sofa&menge=1&elektrogeraete=ja").await;
        assert_eq!(again, format!("{first}#geraetearten"));
        let (_, page) = browser.get(&app, &again).await;
        assert!(!page.contains("data-field=\"geraetearten\" data-show-if=\"elektrogeraete=ja\" hidden"), "revealed");
        // With JavaScript the device question shows at once: answered with it, the post goes on.
        let fresh = start(&app, &mut browser, "sperrmuell-anmelden").await;
        let next = answer(&app, &mut browser, &fresh, version, "gegenstaende=Sofa&menge=1&elektrogeraete=ja&geraetearten=herd").await;
        assert!(next.ends_with("/frage/abholung"), "{next}");
        // With JavaScript and the device question left empty, it is an error like any other.
        let seen = start(&app, &mut browser, "sperrmuell-anmelden").await;
        let next = answer(&app, &mut browser, &seen, version, "gegenstaende=Sofa&menge=1&elektrogeraete=ja&_live=1").await;
        assert!(next.ends_with("?fehler=1"), "{next}");
        // Control characters and query syntax are just text.
        let next = answer(&app, &mut browser, &first, version, "gegenstaende=%00%1B%22%3A*()-&menge=1&elektrogeraete=ja&geraetearten=herd&geraetearten=unbekannt").await;
        assert!(next.ends_with("?fehler=1"), "an unknown choice is refused: {next}");
        // A date in the past, a bad postcode.
        let code = code_of(&first);
        let pickup = format!("/antrag/{code}/frage/abholung");
        let next = answer(&app, &mut browser, &pickup, version, &format!("adresse.strasse=A&adresse.plz=123&adresse.ort=W&wunschtermin={}", in_days(-1))).await;
        assert!(next.ends_with("?fehler=1"));
        let (_, page) = browser.get(&app, &next).await;
        assert!(page.contains("fünf Ziffern") && page.contains("nicht vor dem"), "{page}");
        // A page of another form version changes nothing.
        let (response, _) = browser.post(&app, &first, "_version=999999&gegenstaende=anders&menge=1&elektrogeraete=nein").await;
        assert_eq!(location(&response), first);
        let (_, page) = browser.get(&app, &first).await;
        assert!(!page.contains(">anders<"));
    })
    .await;
}

#[tokio::test]
async fn unknown_services_drafts_and_pages_get_clear_answers() {
    on_each_backend(|state| async move {
        let app = router(state);
        let mut browser = Browser::default();
        // A service without an online form, and one that does not exist.
        let (response, _) = browser.get(&app, "/leistungen/personalausweis-beantragen/antrag").await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        let (response, _) = browser.post(&app, "/antrag/neu", "service=gibt-es-nicht").await;
        assert_eq!(location(&response), "/leistungen");
        let (response, _) = browser.post(&app, "/antrag/neu", "service=personalausweis-beantragen").await;
        assert_eq!(location(&response), "/leistungen/personalausweis-beantragen/antrag");
        // Unknown and malformed resume codes.
        for uri in ["/antrag/ABCD-EFGH-JKLM-NPQR/frage/sperrmuell", "/antrag/%22%3Cscript%3E/pruefen", "/antrag/x/bestaetigung"] {
            let (response, page) = browser.get(&app, uri).await;
            assert_eq!(response.status(), StatusCode::NOT_FOUND, "{uri}");
            assert!(page.contains("Antrag nicht gefunden") && !page.contains("<script>"), "{uri}");
        }
        let (response, _) = browser.post(&app, "/antrag/ABCD-EFGH-JKLM-NPQR/absenden", "schluessel=x&erklaerung=ja").await;
        assert!(location(&response).starts_with("/antrag/fortsetzen"));
        // An unknown page of a real draft.
        let first = start(&app, &mut browser, "sperrmuell-anmelden").await;
        let code = code_of(&first);
        let (response, _) = browser.get(&app, &format!("/antrag/{code}/frage/gibt-es-nicht")).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        // Resuming with the code, typed in lower case with spaces.
        let typed = code.to_lowercase().replace('-', " ");
        let (response, _) = browser.get(&app, &format!("/antrag/fortsetzen?code={}", encode(&typed))).await;
        assert_eq!(location(&response), first);
        let (_, page) = browser.get(&app, "/antrag/fortsetzen?code=falsch").await;
        assert!(page.contains("keinen begonnenen Antrag"));
        // A malformed multipart body is a 400, not a panic.
        let request = Request::post(&first).header(header::CONTENT_TYPE, "multipart/form-data; boundary=").body(Body::from("--\r\nnonsense")).unwrap();
        let (response, _) = browser.send(&app, request).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        // The honeypot: a bot's start creates no draft.
        let (response, _) = browser.post(&app, "/antrag/neu", "service=sperrmuell-anmelden&website=spam").await;
        assert_eq!(location(&response), "/leistungen/sperrmuell-anmelden/antrag");
    })
    .await;
}

#[tokio::test]
async fn uploads_are_checked_by_content_and_limited() {
    on_each_backend(|state| async move {
        let app = router(state);
        let mut browser = Browser::default();
        let first = start(&app, &mut browser, "fundsache-abgeben").await;
        let version = form_version(&app, &mut browser, &first).await.to_string();
        let fields = [("_version", version.as_str()), ("art", "handy"), ("beschreibung", "Schwarzes Handy"), ("_aktion", "hochladen:foto")];
        // A PDF renamed to .png is refused (this field takes photos only); the text stays.
        let (response, _) = multipart(&app, &first, &fields, &[("foto", "foto.png", b"%PDF-1.7 not an image")]).await;
        let back = location(&response).to_string();
        assert!(back.contains("datei=foto%3A"), "{back}");
        let (_, page) = browser.get(&app, &back).await;
        assert!(page.contains("Diese Datei können wir nicht annehmen") && page.contains("Schwarzes Handy"), "{page}");
        // A real PNG with a dangerous name is kept under a safe name.
        let (response, _) = multipart(&app, &first, &fields, &[("foto", "../../etc/<b>passwd.exe", PNG)]).await;
        assert_eq!(location(&response), format!("{first}#foto"));
        let (_, page) = browser.get(&app, &first).await;
        assert!(page.contains(">b_passwd.png<") && !page.contains("<b>passwd"), "{page}");
        // Three photos at most.
        for _ in 0..2 {
            multipart(&app, &first, &fields, &[("foto", "b.png", PNG)]).await;
        }
        let (response, _) = multipart(&app, &first, &fields, &[("foto", "d.png", PNG)]).await;
        assert!(location(&response).contains("datei=foto%3A"));
        // Removing one.
        let (_, page) = browser.get(&app, &first).await;
        let at = page.find("value=\"entfernen:").unwrap() + 17;
        let id = &page[at..at + 32];
        let (response, _) = multipart(&app, &first, &[("_version", version.as_str()), ("art", "handy"), ("beschreibung", "x"), ("_aktion", &format!("entfernen:{id}"))], &[]).await;
        assert_eq!(location(&response), format!("{first}#foto"));
        let (_, page) = browser.get(&app, &first).await;
        assert_eq!(page.matches("value=\"entfernen:").count(), 2);
    })
    .await;
}

#[tokio::test]
async fn a_draft_keeps_its_form_version_when_the_form_changes() {
    on_each_backend(|state| async move {
        let db = state.db.clone();
        let app = router(state);
        let mut browser = Browser::default();
        let check = fill_bulky_waste(&app, &mut browser).await;
        let old = sqlx::query("SELECT f.id, f.service_id, f.definition FROM form_versions f JOIN services s ON s.id = f.service_id WHERE s.slug_de = 'sperrmuell-anmelden'")
            .fetch_one(db.pool())
            .await
            .unwrap();
        let old_id: i64 = old.try_get("id").unwrap();
        let mut definition: app::requests::form::FormDefinition = serde_json::from_str(&old.try_get::<String, _>("definition").unwrap()).unwrap();
        definition.pages[0].fields[0].limits.max_length = Some(3);
        let new_id = app::requests::store::publish_form(&db, old.try_get("service_id").unwrap(), &definition, "test").await.unwrap();
        assert_ne!(old_id, new_id);
        let (_, page) = browser.get(&app, &check).await;
        let key = submit_key(&page);
        let code = code_of(&check);
        let (response, _) = browser.post(&app, &format!("/antrag/{code}/absenden"), &format!("schluessel={key}&erklaerung=ja")).await;
        assert!(location(&response).ends_with("/bestaetigung"));
        let kept: i64 = sqlx::query("SELECT form_version_id FROM requests").fetch_one(db.pool()).await.unwrap().try_get("form_version_id").unwrap();
        assert_eq!(kept, old_id, "the request keeps the version it was filled in");
        // A new draft gets the new version.
        let first = start(&app, &mut browser, "sperrmuell-anmelden").await;
        assert_eq!(form_version(&app, &mut browser, &first).await, new_id);
    })
    .await;
}

#[tokio::test]
async fn expired_drafts_are_deleted_with_their_files() {
    on_each_backend(|state| async move {
        let db = state.db.clone();
        let app = router(state);
        let mut browser = Browser::default();
        let first = start(&app, &mut browser, "fundsache-abgeben").await;
        let version = form_version(&app, &mut browser, &first).await.to_string();
        multipart(&app, &first, &[("_version", version.as_str()), ("art", "handy"), ("beschreibung", "x"), ("_aktion", "hochladen:foto")], &[("foto", "a.png", PNG)]).await;
        let files = |db: app::db::Db| async move { sqlx::query("SELECT COUNT(*) AS n FROM request_files").fetch_one(db.pool()).await.unwrap().try_get::<i64, _>("n").unwrap() };
        assert_eq!(files(db.clone()).await, 1);
        assert_eq!(app::requests::store::delete_expired_drafts(&db).await.unwrap(), 0, "a fresh draft stays");
        sqlx::query("UPDATE request_drafts SET expires_at = $1").bind(app::db::now() - 1).execute(db.pool()).await.unwrap();
        assert_eq!(app::requests::store::delete_expired_drafts(&db).await.unwrap(), 1);
        assert_eq!(files(db.clone()).await, 0, "its files went with it");
        let (response, _) = browser.get(&app, &first).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
    })
    .await;
}
