//! Router tests of the caseworkers' inbox on SQLite and PostgreSQL: the whole flow
//! (a resident submits, the caseworker asks for a document, the resident answers with a file,
//! the caseworker completes it), the mails queued with each change, internal notes that never
//! reach the resident, filters, search, sorting and pages, the CSV export and the downloads.

use super::request_tests::{code_of, fill_bulky_waste, multipart, submit_key, PNG};
use super::router::router;
use super::staff_tests::{account, encode, location, on_each_backend, signed_in, Browser};
use app::auth::Role;
use app::db::{Db, Row};
use axum::http::{header, StatusCode};
use axum::Router;

/// Submits a Sperrmüll request through the resident's journey; returns (reference, PIN).
async fn submitted_request(app: &Router) -> (String, String) {
    let mut resident = Browser::default();
    let check = fill_bulky_waste(app, &mut resident).await;
    let (_, page) = resident.get(app, &check).await;
    let submit = format!("/antrag/{}/absenden", code_of(&check));
    let (response, _) = resident.post(app, &submit, &format!("schluessel={}&erklaerung=ja", submit_key(&page))).await;
    let (_, confirmation) = resident.get(app, location(&response)).await;
    let at = confirmation.find("/antrag/status?nummer=").expect("tracking link");
    let link = confirmation[at..].split('"').next().unwrap().replace("&amp;", "&");
    let reference = link.split("nummer=").nth(1).unwrap().split('&').next().unwrap().to_string();
    let pin = link.split("pin=").nth(1).unwrap().to_string();
    (reference, pin)
}

async fn caseworker(app: &Router, db: &Db, email: &str) -> (Browser, String) {
    let secret = account(db, email, &[Role::Caseworker]).await;
    assert!(secret.is_some(), "caseworkers need the second factor");
    let mut browser = signed_in(app, email, secret.as_deref()).await;
    let csrf = browser.csrf(app).await;
    (browser, csrf)
}

async fn mails(db: &Db) -> Vec<(String, String, String)> {
    let rows = sqlx::query("SELECT recipient, subject, body FROM mail_outbox ORDER BY id").fetch_all(db.pool()).await.unwrap();
    rows.iter().map(|r| (r.try_get("recipient").unwrap(), r.try_get("subject").unwrap(), r.try_get("body").unwrap())).collect()
}

async fn tracking_page(app: &Router, reference: &str, pin: &str) -> String {
    let (response, page) = Browser::default().get(app, &format!("/antrag/status?nummer={reference}&pin={pin}")).await;
    assert_eq!(response.status(), StatusCode::OK);
    page
}

#[tokio::test]
async fn a_caseworker_asks_for_a_document_and_completes_the_request() {
    on_each_backend(|state| async move {
        let db = state.db.clone();
        let app = router(state);
        let (reference, pin) = submitted_request(&app).await;
        let (mut clara, csrf) = caseworker(&app, &db, "clara@rathaus.example").await;
        let (response, list) = clara.get(&app, &format!("/verwaltung/antraege?q={}", reference.to_lowercase().replace('-', "+"))).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert!(list.contains("1 Antrag gefunden") && list.contains(&format!("/verwaltung/antraege/{reference}")), "{list}");
        let detail_path = format!("/verwaltung/antraege/{reference}");
        let (_, detail) = clara.get(&app, &detail_path).await;
        assert!(detail.contains("Erika Mustermann") && detail.contains("Porschestraße 1") && detail.contains("Eingegangen"), "{detail}");
        let form = |extra: &str| format!("csrf={csrf}&reference={reference}&{extra}");
        let (response, _) = clara.post(&app, "/api/staff/inbox/assign", &form("to=ich")).await;
        assert_eq!(location(&response), detail_path);
        let before = mails(&db).await.len();
        let (_, _) = clara.post(&app, "/api/staff/inbox/note", &form("note=GEHEIM+Nachbar+hat+angerufen")).await;
        assert_eq!(mails(&db).await.len(), before, "a note sends no mail");
        let (_, _) = clara.post(&app, "/api/staff/inbox/ask", &form("message=Bitte+senden+Sie+ein+Foto+der+Gegenst%C3%A4nde.")).await;
        let sent = mails(&db).await;
        assert_eq!(sent.len(), before + 1, "asking mails the resident");
        let (to, subject, body) = sent.last().unwrap().clone();
        assert_eq!(to, "erika@example.org");
        assert!(subject.contains(&reference) && body.contains("Bitte senden Sie ein Foto der Gegenstände.") && body.contains("/antrag/status"), "{body}");
        let tracking = tracking_page(&app, &reference, &pin).await;
        assert!(tracking.contains("Wartet auf Ihre Antwort") && tracking.contains("Bitte senden Sie ein Foto"), "{tracking}");
        assert!(!tracking.contains("GEHEIM") && !tracking.contains("clara@rathaus.example"), "internal entries stay internal");
        // The resident answers on the tracking page with a file.
        let (response, _) = multipart(&app, "/antrag/status/antworten", &[("nummer", &reference), ("pin", &pin), ("nachricht", "Hier das Foto.")], &[("dateien", "sofa foto.png", PNG)]).await;
        assert!(location(&response).contains("hinweis=antwort"));
        let (_, detail) = clara.get(&app, &detail_path).await;
        assert!(detail.contains("In Bearbeitung") && detail.contains("Hier das Foto.") && detail.contains("GEHEIM") && detail.contains("(intern)"), "{detail}");
        let at = detail.find("/dateien/").expect("a download link");
        let href = detail[..at].rsplit('"').next().unwrap().to_string() + detail[at..].split('"').next().unwrap();
        let (response, bytes) = clara.get(&app, &href).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(bytes, String::from_utf8_lossy(PNG), "the stored bytes");
        let headers = response.headers();
        assert_eq!(headers[header::CONTENT_TYPE], "image/png");
        assert_eq!(headers[header::CONTENT_DISPOSITION], "attachment; filename=\"sofa_foto.png\"; filename*=UTF-8''sofa%20foto.png");
        assert_eq!(headers["x-content-type-options"], "nosniff");
        assert_eq!(headers[header::CONTENT_SECURITY_POLICY], "sandbox; default-src 'none'; frame-ancestors 'none'");
        assert_eq!(headers[header::CACHE_CONTROL], "private, no-store");
        // Completing needs no message; closed requests only reopen.
        let (_, _) = clara.post(&app, "/api/staff/inbox/status", &form("status=completed&message=Abholung+am+Montag.")).await;
        let (_, _) = clara.post(&app, "/api/staff/inbox/status", &form("status=rejected&message=x")).await;
        let (_, detail) = clara.get(&app, &detail_path).await;
        assert!(detail.contains("nur wieder geöffnet werden"), "a closed request refuses other changes");
        let (to, subject, body) = mails(&db).await.last().unwrap().clone();
        assert_eq!(to, "erika@example.org");
        assert!(subject.contains("Abgeschlossen") && body.contains("Abholung am Montag."), "{subject}");
        let tracking = tracking_page(&app, &reference, &pin).await;
        assert!(tracking.contains("Abgeschlossen") && tracking.contains("Abholung am Montag."), "{tracking}");
        assert!(!tracking.contains("GEHEIM"));
        assert!(mails(&db).await.iter().all(|(_, _, body)| !body.contains("GEHEIM")), "notes never reach a mail");
        let events: Vec<(String, i64)> = sqlx::query("SELECT e.kind, e.internal FROM request_events e JOIN requests r ON r.id = e.request_id WHERE r.reference = $1 ORDER BY e.id")
            .bind(&reference)
            .fetch_all(db.pool())
            .await
            .unwrap()
            .iter()
            .map(|r| (r.try_get("kind").unwrap(), r.try_get("internal").unwrap()))
            .collect();
        let expected = [("submitted", 0), ("assigned", 1), ("note", 1), ("status", 0), ("reply", 0), ("status", 0)];
        assert_eq!(events, expected.map(|(k, i)| (k.to_string(), i)).to_vec());
        let audited: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE subject = $1").bind(&reference).fetch_one(db.pool()).await.unwrap();
        assert_eq!(audited, 5, "assign, note, ask, download, complete");
    })
    .await;
}

#[tokio::test]
async fn filters_search_sorting_and_pages_agree_with_the_database() {
    on_each_backend(|state| async move {
        let db = state.db.clone();
        let app = router(state);
        assert_eq!(app::inbox::store::seed_synthetic_requests(&db, 60).await.unwrap(), 60);
        let (mut clara, _) = caseworker(&app, &db, "clara@rathaus.example").await;
        let count = |sql: &'static str| {
            let db = db.clone();
            async move { sqlx::query_scalar::<_, i64>(sql).fetch_one(db.pool()).await.unwrap() }
        };
        let shown = |page: &str| page.replace("1 Antrag gefunden", "1 Anträge gefunden").split(" Anträge gefunden").next().and_then(|s| s.rsplit('>').next()).and_then(|n| n.trim().parse::<i64>().ok()).unwrap_or(-1);
        let (_, page) = clara.get(&app, "/verwaltung/antraege").await;
        assert_eq!(shown(&page), 60);
        assert!(page.contains("Seite 1 von 3"));
        let (_, page) = clara.get(&app, "/verwaltung/antraege?status=offen").await;
        assert_eq!(shown(&page), count("SELECT COUNT(*) FROM requests WHERE status IN ('received', 'in_progress', 'waiting')").await);
        let (_, page) = clara.get(&app, "/verwaltung/antraege?ueberfaellig=1").await;
        let today = app::requests::date::Day::from_unix(app::db::now()).0;
        let overdue: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM requests WHERE expected_day < $1 AND status IN ('received', 'in_progress', 'waiting')")
            .bind(today)
            .fetch_one(db.pool())
            .await
            .unwrap();
        assert!(overdue > 0);
        assert_eq!(page.matches("(überfällig)").count() as i64, overdue.min(25));
        let (_, page) = clara.get(&app, "/verwaltung/antraege?q=ANNA+m%C3%BCller").await;
        assert_eq!(shown(&page), count("SELECT COUNT(*) FROM requests WHERE applicant_name = 'Anna Müller'").await, "search ignores case");
        // Any word from its start, umlauts folded in Rust (SQLite's LOWER leaves "Ü" alone).
        let (_, page) = clara.get(&app, "/verwaltung/antraege?q=M%C3%9CLL").await;
        assert_eq!(shown(&page), count("SELECT COUNT(*) FROM requests WHERE applicant_name LIKE '% Müller'").await);
        assert!(shown(&page) > 0);
        let (_, page) = clara.get(&app, "/verwaltung/antraege?q=%C3%BCller").await;
        assert_eq!(shown(&page), 0, "only from the start of a word");
        let (_, page) = clara.get(&app, "/verwaltung/antraege?q=%21%21").await;
        assert_eq!(shown(&page), 0, "nothing to search for finds nothing");
        let code: String = sqlx::query_scalar("SELECT reference FROM requests ORDER BY id LIMIT 1").fetch_one(db.pool()).await.unwrap();
        let (_, page) = clara.get(&app, &format!("/verwaltung/antraege?q={}", code[5..9].to_lowercase())).await;
        assert!(shown(&page) >= 1 && page.contains(&code), "a group of the reference finds it");
        let (_, page) = clara.get(&app, "/verwaltung/antraege?seite=3").await;
        assert_eq!(page.matches("<tr class=\"kern-table__row\">").count(), 1 + 10, "header and the last 10 rows");
        assert!(page.contains("Vorherige Seite") && !page.contains("Nächste Seite"));
        let first_reference = |page: &str| page.split("/verwaltung/antraege/20").nth(1).map(|s| s[..12].to_string()).unwrap();
        let (_, newest) = clara.get(&app, "/verwaltung/antraege").await;
        let (_, oldest) = clara.get(&app, "/verwaltung/antraege?richtung=auf").await;
        let newest_db: String = sqlx::query_scalar("SELECT reference FROM requests ORDER BY submitted_at DESC, id DESC LIMIT 1").fetch_one(db.pool()).await.unwrap();
        let oldest_db: String = sqlx::query_scalar("SELECT reference FROM requests ORDER BY submitted_at, id LIMIT 1").fetch_one(db.pool()).await.unwrap();
        assert_eq!(format!("20{}", first_reference(&newest)), newest_db);
        assert_eq!(format!("20{}", first_reference(&oldest)), oldest_db);
        let (_, by_date) = clara.get(&app, "/verwaltung/antraege?sortierung=frist").await;
        let soonest: String = sqlx::query_scalar("SELECT reference FROM requests ORDER BY expected_day, id LIMIT 1").fetch_one(db.pool()).await.unwrap();
        assert_eq!(format!("20{}", first_reference(&by_date)), soonest);
        // Nonsense in the address: a clear page, never a 500.
        for query in ["status=gibtsnicht", "seite=-1", "seite=abc", "seite=99999999999999999999", "alter=-5", "sortierung=%3Cscript%3E", "seite=4000"] {
            let (response, page) = clara.get(&app, &format!("/verwaltung/antraege?{query}")).await;
            assert_eq!(response.status(), StatusCode::OK, "{query}");
            assert!(page.contains("Anträge gefunden"), "{query}");
            assert!(!page.contains("<script>"), "{query}");
        }
        let (_, page) = clara.get(&app, "/verwaltung/antraege?status=gibtsnicht").await;
        assert!(page.contains("gibt es nicht; alle Stände werden gezeigt"));
        let (response, _) = clara.get(&app, "/verwaltung/antraege/2026-ABCD-EFGH").await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        let (response, _) = clara.get(&app, "/verwaltung/antraege/kein-antrag").await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
    })
    .await;
}

#[tokio::test]
async fn the_csv_export_follows_the_filter_and_never_carries_formulas() {
    on_each_backend(|state| async move {
        let db = state.db.clone();
        let app = router(state);
        app::inbox::store::seed_synthetic_requests(&db, 30).await.unwrap();
        sqlx::query("UPDATE requests SET applicant_name = '=HYPERLINK(\"http://x\")' WHERE id = (SELECT MIN(id) FROM requests)").execute(db.pool()).await.unwrap();
        let (mut clara, _) = caseworker(&app, &db, "clara@rathaus.example").await;
        let (response, csv) = clara.get(&app, "/verwaltung/antraege/export.csv").await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()[header::CONTENT_TYPE], "text/csv; charset=utf-8");
        assert!(response.headers()[header::CONTENT_DISPOSITION].to_str().unwrap().starts_with("attachment; filename=\"antraege-"));
        assert!(csv.starts_with("\u{feff}Vorgangsnummer;Leistung;Name;Stand"));
        assert_eq!(csv.lines().count(), 31);
        assert!(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "{csv}");
        let (_, open) = clara.get(&app, "/verwaltung/antraege/export.csv?status=offen").await;
        let expected: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM requests WHERE status IN ('received', 'in_progress', 'waiting')").fetch_one(db.pool()).await.unwrap();
        assert_eq!(open.lines().count() as i64, expected + 1);
        let (_, list) = clara.get(&app, "/verwaltung/antraege?status=offen&q=anna").await;
        assert!(list.contains("/verwaltung/antraege/export.csv?status=offen&amp;q=anna"), "the export link carries the filter");
        let exported: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'requests.export'").fetch_one(db.pool()).await.unwrap();
        assert_eq!(exported, 2);
    })
    .await;
}

#[tokio::test]
async fn downloads_refuse_other_roles_and_strangers() {
    on_each_backend(|state| async move {
        let db = state.db.clone();
        let app = router(state);
        let (reference, pin) = submitted_request(&app).await;
        multipart(&app, "/antrag/status/antworten", &[("nummer", &reference), ("pin", &pin), ("nachricht", "Foto")], &[("dateien", "a.png", PNG)]).await;
        let file: String = sqlx::query_scalar("SELECT public_id FROM request_files LIMIT 1").fetch_one(db.pool()).await.unwrap();
        let href = format!("/verwaltung/antraege/{reference}/dateien/{file}");
        let (response, _) = Browser::default().get(&app, &href).await;
        assert!(location(&response).starts_with("/verwaltung/anmelden"), "strangers sign in first");
        let (response, _) = Browser::default().get(&app, "/verwaltung/antraege/export.csv").await;
        assert!(location(&response).starts_with("/verwaltung/anmelden"));
        account(&db, "erik@rathaus.example", &[Role::Editor]).await;
        let mut editor = signed_in(&app, "erik@rathaus.example", None).await;
        for path in [href.as_str(), "/verwaltung/antraege/export.csv", &format!("/verwaltung/antraege/{reference}")] {
            let (response, body) = editor.get(&app, path).await;
            assert_eq!(response.status(), StatusCode::FORBIDDEN, "{path}");
            assert!(!body.contains("Erika"), "{path}");
        }
        let (mut clara, _) = caseworker(&app, &db, "clara@rathaus.example").await;
        let (response, _) = clara.get(&app, &format!("/verwaltung/antraege/{reference}/dateien/nichtda")).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        let (response, _) = clara.get(&app, &format!("/verwaltung/antraege/2026-ABCD-EFGH/dateien/{file}")).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "a file only under its own request");
    })
    .await;
}

#[tokio::test]
async fn status_rules_canned_replies_and_assignment_checks() {
    on_each_backend(|state| async move {
        let db = state.db.clone();
        let app = router(state);
        let (reference, pin) = submitted_request(&app).await;
        let (mut clara, csrf) = caseworker(&app, &db, "clara@rathaus.example").await;
        let notice = |page: &str| page.split("kern-alert__body\"><p class=\"kern-body\">").nth(1).map(|s| s.split('<').next().unwrap().to_string()).unwrap_or_default();
        let detail = format!("/verwaltung/antraege/{reference}");
        let session = clara.clone();
        let post = |path: &'static str, extra: String| {
            let (app, csrf, reference) = (app.clone(), csrf.clone(), reference.clone());
            let mut clara = session.clone();
            async move {
                clara.post(&app, path, &format!("csrf={csrf}&reference={reference}&{extra}")).await;
                clara.get(&app, &format!("/verwaltung/antraege/{reference}")).await.1
            }
        };
        assert!(notice(&post("/api/staff/inbox/status", "status=rejected".into()).await).contains("Begründung"));
        // A refused action keeps what was typed in its own form, for the next view only.
        let page = post("/api/staff/inbox/status", format!("status=withdrawn&message={}", encode("Bitte rufen Sie uns an <b>"))).await;
        assert!(notice(&page).contains("nur die antragstellende Person"));
        assert_eq!(page.matches(">Bitte rufen Sie uns an &lt;b&gt;</textarea>").count(), 1, "in the status form only");
        assert!(page.split("id=\"message\"").nth(1).unwrap().split("</textarea>").next().unwrap().contains("Bitte rufen"));
        let page = post("/api/staff/inbox/status", format!("status=&message={}", encode("Ohne Stand"))).await;
        assert!(notice(&page).contains("Bitte wählen Sie einen Stand"));
        assert!(page.contains(">Ohne Stand</textarea>"));
        let page = post("/api/staff/inbox/status", "status=rejected".into()).await;
        assert!(page.contains("<option value=\"rejected\" selected"), "the status chosen stays chosen");
        let (_, again) = clara.get(&app, &detail).await;
        assert!(!again.contains("Bitte rufen Sie uns an") && !again.contains("Ohne Stand") && !again.contains("<option value=\"rejected\" selected"));
        assert!(notice(&post("/api/staff/inbox/status", "status=received".into()).await).contains("diesen Stand bereits"));
        assert!(notice(&post("/api/staff/inbox/status", "status=in_progress".into()).await).contains("In Bearbeitung"));
        assert!(notice(&post("/api/staff/inbox/status", "status=received".into()).await).contains("Anfangsstand"));
        assert!(notice(&post("/api/staff/inbox/status", "status=withdrawn".into()).await).contains("nur die antragstellende Person"));
        assert!(notice(&post("/api/staff/inbox/assign", "to=erik%40rathaus.example".into()).await).contains("Sachbearbeitung"));
        assert!(notice(&post("/api/staff/inbox/note", "note=+".into()).await).contains("Notiz"));
        // A canned reply fills an empty message.
        let (response, _) = clara.post(&app, "/api/staff/inbox/canned-replies/save", &format!("csrf={csrf}&service=sperrmuell-anmelden&title=Termin&body={}", encode("Wir holen am Dienstag ab."))).await;
        assert_eq!(location(&response), "/verwaltung/antraege/antwortvorlagen?leistung=sperrmuell-anmelden");
        let (_, canned) = clara.get(&app, "/verwaltung/antraege/antwortvorlagen").await;
        assert!(canned.contains("Wir holen am Dienstag ab."));
        let id: i64 = sqlx::query_scalar("SELECT id FROM canned_replies").fetch_one(db.pool()).await.unwrap();
        let page = post("/api/staff/inbox/status", format!("status=completed&vorlage={id}")).await;
        assert!(notice(&page).contains("Abgeschlossen"), "{}", notice(&page));
        assert!(tracking_page(&app, &reference, &pin).await.contains("Wir holen am Dienstag ab."));
        // Reopen, then the resident withdraws: nothing changes it any more.
        post("/api/staff/inbox/status", "status=in_progress".into()).await;
        let (response, _) = Browser::default().post(&app, "/antrag/status/zurueckziehen", &format!("nummer={reference}&pin={pin}&bestaetigt=ja")).await;
        assert!(location(&response).contains("zurueckgezogen"));
        assert!(notice(&post("/api/staff/inbox/status", "status=in_progress".into()).await).contains("zurückgezogen"));
        let (_, page) = clara.get(&app, &detail).await;
        assert!(!page.contains("Stand ändern</span>"), "no status form on a withdrawn request");
        let (response, _) = clara.post(&app, "/api/staff/inbox/canned-replies/delete", &format!("csrf={csrf}&id={id}")).await;
        assert_eq!(location(&response), "/verwaltung/antraege/antwortvorlagen");
        let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM canned_replies").fetch_one(db.pool()).await.unwrap();
        assert_eq!(left, 0);
    })
    .await;
}
