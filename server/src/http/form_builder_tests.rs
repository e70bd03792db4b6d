//! Router tests of the form builder on SQLite and PostgreSQL: editing a live form makes a new
//! draft version, questions with show-if rules, refused input coming back in German with what
//! was typed, four-eyes publishing, residents' drafts keeping their version, and the service
//! page following the first published form.

use super::router::router;
use super::staff_tests::{account, encode, location, on_each_backend, signed_in, Browser};
use app::auth::Role;
use axum::http::StatusCode;
use axum::Router;

const FORM: &str = "/verwaltung/formulare/sperrmuell-anmelden";

/// Posts a question for page `page` of `slug`; `fields` are the `f[...]` pairs after the id.
async fn save_field(app: &Router, browser: &mut Browser, csrf: &str, slug: &str, page: &str, original: &str, fields: &str) -> String {
    let body = format!("csrf={csrf}&slug={slug}&page={page}&original={original}&{fields}");
    let (response, body) = browser.post(app, "/api/staff/form/field/save", &body).await;
    assert!(response.status().is_redirection(), "{body}");
    location(&response).to_string()
}

fn question(id: &str, kind: &str, label: &str) -> String {
    format!("f%5Bid%5D={id}&f%5Bkind%5D={kind}&f%5Blabel%5D%5Bde%5D={}&f%5Blabel%5D%5Ben%5D=&f%5Blabel%5D%5Bls%5D=", encode(label))
}

async fn status_of(app_state: &super::AppState, slug: &str) -> Vec<(i64, String)> {
    sqlx::query_as("SELECT f.number, f.status FROM form_versions f JOIN services s ON s.id = f.service_id WHERE s.slug_de = $1 ORDER BY f.number")
        .bind(slug)
        .fetch_all(app_state.db.pool())
        .await
        .unwrap()
}

/// The form version a resident's question page is filled in with.
async fn version_on(app: &Router, browser: &mut Browser, page: &str) -> (i64, String) {
    let (response, html) = browser.get(app, page).await;
    assert_eq!(response.status(), StatusCode::OK, "{page}");
    let start = html.find("name=\"_version\" value=\"").expect("version field") + 23;
    (html[start..].split('"').next().unwrap().parse().unwrap(), html)
}

async fn start_request(app: &Router, resident: &mut Browser, slug: &str) -> String {
    let (response, _) = resident.post(app, "/antrag/neu", &format!("service={slug}&website=")).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    location(&response).to_string()
}

#[tokio::test]
async fn an_edited_form_goes_live_after_another_publisher_and_started_drafts_keep_their_version() {
    on_each_backend(|state| async move {
        let app = router(state.clone());
        account(&state.db, "erik@rathaus.example", &[Role::Editor]).await;
        let petra = account(&state.db, "petra@rathaus.example", &[Role::Publisher]).await;
        let paul = account(&state.db, "paul@rathaus.example", &[Role::Publisher]).await;
        let mut resident = Browser::default();
        let started = start_request(&app, &mut resident, "sperrmuell-anmelden").await;
        let code = started.split('/').nth(2).unwrap().to_string();
        let (old_version, _) = version_on(&app, &mut resident, &started).await;

        let mut editor = signed_in(&app, "erik@rathaus.example", None).await;
        let csrf = editor.csrf(&app).await;
        let (response, page) = editor.get(&app, FORM).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert!(page.contains("Version 1 online") && page.contains("Elektrogeräte"), "the live form is shown");
        let to = save_field(&app, &mut editor, &csrf, "sperrmuell-anmelden", "kontakt", "", &question("hat-hund", "yes_no", "Haben Sie einen Hund?")).await;
        assert_eq!(to, format!("{FORM}#seite-kontakt"));
        assert_eq!(status_of(&state, "sperrmuell-anmelden").await, [(1, "published".to_string()), (2, "draft".to_string())], "a new draft version");
        let dependent = format!("{}&f%5Bshow_if_field%5D=hat-hund&f%5Bshow_if_values%5D=ja&f%5Brequired%5D=1", question("hunderasse", "text", "Welche Rasse?"));
        save_field(&app, &mut editor, &csrf, "sperrmuell-anmelden", "kontakt", "", &dependent).await;
        let (_, page) = editor.get(&app, FORM).await;
        assert!(page.contains("Entwurf Version 2") && page.contains("nur wenn „hat-hund“ = ja"), "the rule is shown");
        let hund = page.find("Haben Sie einen Hund?").unwrap();
        assert!(page.find("Welche Rasse?").unwrap() > hund, "added at the end of the page");

        // Reordering: a question cannot move above the one it depends on; others move.
        let arrange = |field: &str, action: &str| format!("csrf={csrf}&slug=sperrmuell-anmelden&page=kontakt&field={field}&action={action}");
        editor.post(&app, "/api/staff/form/arrange", &arrange("hunderasse", "hoch")).await;
        let (_, page) = editor.get(&app, FORM).await;
        assert!(page.contains("nur von Fragen davor abhängen"), "refused with a reason");
        editor.post(&app, "/api/staff/form/arrange", &arrange("hat-hund", "hoch")).await;
        let (_, page) = editor.get(&app, FORM).await;
        assert!(page.find("Haben Sie einen Hund?").unwrap() < page.find("Telefon").unwrap(), "moved above the phone number");
        let (_, preview) = editor.get(&app, &format!("{FORM}/vorschau")).await;
        assert!(preview.contains("Wird nur gezeigt, wenn „hat-hund“") && preview.contains("Welche Rasse?"));

        let step = |path: &str, csrf: &str| (path.to_string(), format!("csrf={csrf}&slug=sperrmuell-anmelden"));
        let (path, body) = step("/api/staff/form/submit", &csrf);
        editor.post(&app, &path, &body).await;
        assert_eq!(status_of(&state, "sperrmuell-anmelden").await[1].1, "in_review");
        let (response, _) = editor.post(&app, "/api/staff/form/publish", &body).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "editors cannot publish");

        // Petra returns it, changes it herself and hands it in: she may not publish it.
        let mut petra = signed_in(&app, "petra@rathaus.example", petra.as_deref()).await;
        let petra_csrf = petra.csrf(&app).await;
        petra.post(&app, "/api/staff/form/return", &format!("csrf={petra_csrf}&slug=sperrmuell-anmelden&note=Bitte+Hinweis+erg%C3%A4nzen")).await;
        let (_, page) = petra.get(&app, FORM).await;
        assert!(page.contains("Hinweis aus der Prüfung: Bitte Hinweis ergänzen"));
        let with_hint = format!("{}&f%5Bhint%5D%5Bde%5D=F%C3%BCr+die+Abholung", question("hat-hund", "yes_no", "Haben Sie einen Hund?"));
        save_field(&app, &mut petra, &petra_csrf, "sperrmuell-anmelden", "kontakt", "hat-hund", &with_hint).await;
        let (path, body) = step("/api/staff/form/submit", &petra_csrf);
        petra.post(&app, &path, &body).await;
        petra.post(&app, "/api/staff/form/publish", &body).await;
        let (_, page) = petra.get(&app, FORM).await;
        assert!(page.contains("Vier-Augen-Prinzip"), "the last editor cannot publish");
        assert_eq!(status_of(&state, "sperrmuell-anmelden").await[1].1, "in_review");

        let mut paul = signed_in(&app, "paul@rathaus.example", paul.as_deref()).await;
        let (path, body) = step("/api/staff/form/publish", &paul.csrf(&app).await);
        let (response, _) = paul.post(&app, &path, &body).await;
        assert_eq!(location(&response), FORM);
        assert_eq!(status_of(&state, "sperrmuell-anmelden").await, [(1, "retired".to_string()), (2, "published".to_string())]);

        // A new request gets version 2; the draft started before keeps version 1.
        let mut newcomer = Browser::default();
        let fresh = start_request(&app, &mut newcomer, "sperrmuell-anmelden").await;
        let fresh_code = fresh.split('/').nth(2).unwrap().to_string();
        let (new_version, _) = version_on(&app, &mut newcomer, &format!("/antrag/{fresh_code}/frage/kontakt")).await;
        let (kept, old_page) = version_on(&app, &mut resident, &format!("/antrag/{code}/frage/kontakt")).await;
        assert_eq!(kept, old_version);
        assert_ne!(new_version, old_version);
        assert!(!old_page.contains("Haben Sie einen Hund?"), "the old draft keeps its questions");
        let (_, new_page) = newcomer.get(&app, &format!("/antrag/{fresh_code}/frage/kontakt")).await;
        assert!(new_page.contains("Haben Sie einen Hund?"));
        let published: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'form.publish' AND actor = 'paul@rathaus.example'")
            .fetch_one(state.db.pool())
            .await
            .unwrap();
        assert_eq!(published, 1);
    })
    .await;
}

#[tokio::test]
async fn refused_questions_come_back_in_german_with_what_was_typed() {
    on_each_backend(|state| async move {
        let app = router(state.clone());
        account(&state.db, "erik@rathaus.example", &[Role::Editor]).await;
        let mut editor = signed_in(&app, "erik@rathaus.example", None).await;
        let csrf = editor.csrf(&app).await;
        let cases = [
            ("kontakt", "", question("name", "text", "Zweiter+Name"), "ist in diesem Formular schon vergeben"),
            ("sperrmuell", "gegenstaende", format!("{}&f%5Bshow_if_field%5D=elektrogeraete&f%5Bshow_if_values%5D=ja", question("gegenstaende", "long_text", "Was?")), "keine Frage vor dieser"),
            ("kontakt", "", format!("{}&f%5Bpattern%5D=%5B0-9&f%5Bpattern_message%5D%5Bde%5D=Nur+Ziffern", question("kennzahl", "text", "Kennzahl")), "kein gültiger regulärer Ausdruck"),
            ("kontakt", "", format!("{}&f%5Bmin_length%5D=10&f%5Bmax_length%5D=5", question("kurz", "text", "Kurztext")), "Mindestlänge ist größer als die Höchstlänge"),
            ("kontakt", "", format!("{}&f%5Bmin%5D=9&f%5Bmax%5D=2", question("zahl", "number", "Anzahl")), "kleinste Zahl ist größer"),
        ];
        for (page, original, fields, message) in cases {
            let to = save_field(&app, &mut editor, &csrf, "sperrmuell-anmelden", page, original, &fields).await;
            let expected = format!("{FORM}/feld/{page}/{}", if original.is_empty() { "neu" } else { original });
            assert_eq!(to, expected, "{message}: back to the editor");
            let (response, html) = editor.get(&app, &to).await;
            assert_eq!(response.status(), StatusCode::OK);
            assert!(html.contains("Bitte korrigieren Sie Folgendes") && html.contains(message), "{message}");
            let id = fields.split('&').next().unwrap().split('=').nth(1).unwrap();
            assert!(html.contains(&format!("value=\"{id}\"")), "{message}: the typed id is kept");
        }
        assert_eq!(status_of(&state, "sperrmuell-anmelden").await.len(), 1, "nothing was stored");
        let (response, _) = editor.get(&app, "/verwaltung/formulare/gibt-es-nicht").await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        let (response, _) = editor.get(&app, &format!("{FORM}/feld/kontakt/gibt-es-nicht")).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        let (response, _) = editor.post(&app, "/api/staff/form/arrange", &format!("csrf={csrf}&slug=sperrmuell-anmelden&page=kontakt&field=name&action=weg")).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    })
    .await;
}

#[tokio::test]
async fn the_service_page_links_to_the_online_request_once_a_first_form_is_published() {
    on_each_backend(|state| async move {
        let app = router(state.clone());
        let service = "/leistungen/meldebescheinigung";
        account(&state.db, "erik@rathaus.example", &[Role::Editor]).await;
        let petra = account(&state.db, "petra@rathaus.example", &[Role::Publisher]).await;
        let mut resident = Browser::default();
        let (_, page) = resident.get(&app, service).await;
        let link = "href=\"/leistungen/meldebescheinigung/antrag\"";
        assert!(page.contains("So beantragen Sie es online") && !page.contains(link), "no form yet: the call to action points at the steps");

        let mut editor = signed_in(&app, "erik@rathaus.example", None).await;
        let csrf = editor.csrf(&app).await;
        let body = format!("csrf={csrf}&slug=meldebescheinigung&submit=1");
        let (response, _) = editor.post(&app, "/api/staff/form/submit", &body).await;
        assert_eq!(location(&response), "/verwaltung/formulare/meldebescheinigung");
        let (_, page) = editor.get(&app, "/verwaltung/formulare/meldebescheinigung").await;
        assert!(page.contains("Es gibt keinen Entwurf"), "nothing to hand in yet");
        editor.post(&app, "/api/staff/form/page/save", &format!("csrf={csrf}&slug=meldebescheinigung&page=&title%5Bde%5D=")).await;
        let (_, page) = editor.get(&app, "/verwaltung/formulare/meldebescheinigung/seite/neu").await;
        assert!(page.contains("Bitte geben Sie einen deutschen Titel der Seite ein."));
        editor.post(&app, "/api/staff/form/page/save", &format!("csrf={csrf}&slug=meldebescheinigung&page=&title%5Bde%5D=Angaben")).await;
        editor.post(&app, "/api/staff/form/submit", &body).await;
        let (_, page) = editor.get(&app, "/verwaltung/formulare/meldebescheinigung").await;
        assert!(page.contains("noch nicht vollständig") && page.contains("hat noch keine Frage"), "an empty page is refused");
        save_field(&app, &mut editor, &csrf, "meldebescheinigung", "seite-1", "", &question("name", "text", "Ihr Name")).await;
        editor.post(&app, "/api/staff/form/submit", &body).await;

        let mut petra = signed_in(&app, "petra@rathaus.example", petra.as_deref()).await;
        let publish = format!("csrf={}&slug=meldebescheinigung", petra.csrf(&app).await);
        petra.post(&app, "/api/staff/form/publish", &publish).await;
        assert_eq!(status_of(&state, "meldebescheinigung").await, [(1, "published".to_string())], "published");
        let (_, page) = resident.get(&app, service).await;
        assert!(page.contains(link), "the cached service page follows at once");
    })
    .await;
}
