//! Router tests of the dashboard (`/verwaltung/dashboard`) on SQLite and PostgreSQL: requests
//! with known timestamps give known counts, medians and overdue lists; searches and feedback
//! appear; roles see what they may; a bad period falls back with a message.

use super::router::router;
use super::staff_tests::{account, on_each_backend, signed_in, Browser};
use app::auth::Role;
use app::db::{Db, Row};
use app::i18n::Lang;
use app::requests::date::Day;
use axum::http::StatusCode;

const DAY: i64 = 86_400;

/// A request to insert, with the times that matter.
struct Seed<'a> {
    reference: &'a str,
    service: i64,
    title: &'a str,
    status: &'a str,
    submitted_at: i64,
    expected: Day,
    assignee: Option<&'a str>,
    decided_after_days: Option<f64>,
}

/// Inserts a request, its "submitted" event and, when decided, the status event of its decision.
async fn insert(db: &Db, form: i64, seed: Seed<'_>) {
    let id: i64 = sqlx::query(
        "INSERT INTO requests (reference, pin_hash, idempotency_key, service_id, service_title, office_slug, form_version_id, lang, \
         answers, applicant_name, email, status, assignee, submitted_at, expected_day, updated_at) \
         VALUES ($1, 'x', $1, $2, $3, 'buergerbuero-mitte', $4, 'de', '{}', 'Erika', 'e@example.org', $5, $6, $7, $8, $7) RETURNING id",
    )
    .bind(seed.reference)
    .bind(seed.service)
    .bind(seed.title)
    .bind(form)
    .bind(seed.status)
    .bind(seed.assignee)
    .bind(seed.submitted_at)
    .bind(seed.expected.0)
    .fetch_one(db.pool())
    .await
    .unwrap()
    .try_get("id")
    .unwrap();
    let event = "INSERT INTO request_events (request_id, at, kind, status, actor, message) VALUES ($1, $2, $3, $4, 'test', '')";
    sqlx::query(event).bind(id).bind(seed.submitted_at).bind("submitted").bind("received").execute(db.pool()).await.unwrap();
    if let Some(days) = seed.decided_after_days {
        let at = seed.submitted_at + (days * DAY as f64) as i64;
        sqlx::query(event).bind(id).bind(at).bind("status").bind(seed.status).execute(db.pool()).await.unwrap();
        // A later repeat of the same status does not move the decision.
        sqlx::query(event).bind(id).bind(at + 30 * DAY).bind("status").bind(seed.status).execute(db.pool()).await.unwrap();
    }
}

/// The text of the table cell after the row header `label` in the table with id `table`.
fn cell(page: &str, table: &str, label: &str) -> String {
    let start = page.find(&format!("id=\"{table}\"")).unwrap_or_else(|| panic!("table {table} in the page"));
    let table_html = &page[start..start + page[start..].find("</table>").unwrap()];
    let row = table_html.find(&format!(">{label}</th>")).unwrap_or_else(|| panic!("{label} in {table}"));
    let after = &table_html[row..];
    let td = after.find("<td").unwrap();
    let open = td + after[td..].find('>').unwrap() + 1;
    after[open..open + after[open..].find("</td>").unwrap()].to_string()
}

/// Seeds requests of two services around `now`.
async fn seed_requests(db: &Db, now: i64) {
    let form: i64 = sqlx::query_scalar("SELECT MIN(id) FROM form_versions").fetch_one(db.pool()).await.unwrap();
    let services: Vec<i64> = sqlx::query_scalar("SELECT id FROM services ORDER BY id LIMIT 2").fetch_all(db.pool()).await.unwrap();
    let (a, b) = (services[0], services[1]);
    let today = Day::from_unix(now);
    let recent = now - 5 * DAY;
    let decided = |reference, service, title, status, days: f64, promised: i64| Seed {
        reference,
        service,
        title,
        status,
        submitted_at: recent - 20 * DAY,
        expected: Day::from_unix(recent - 20 * DAY).plus(promised),
        assignee: None,
        decided_after_days: Some(days),
    };
    for seed in [
        decided("2026-AAAA-0001", a, "Sperrmüll anmelden", "completed", 2.0, 10),
        decided("2026-AAAA-0002", a, "Sperrmüll anmelden", "completed", 9.0, 10),
        decided("2026-AAAA-0003", a, "Sperrmüll anmelden", "rejected", 4.0, 10),
        decided("2026-BBBB-0001", b, "Hundesteuer anmelden", "rejected", 1.5, 5),
        Seed { assignee: Some("erik@rathaus.example"), ..open("2026-AAAA-0004", a, "received", recent, today.plus(-3)) },
        open("2026-BBBB-0002", b, "in_progress", recent, today.plus(-10)),
        open("2026-BBBB-0003", b, "waiting", recent, today),
        open("2026-BBBB-0004", b, "withdrawn", recent, today.plus(-20)),
        open("2025-CCCC-0001", a, "received", now - 100 * DAY, today.plus(-95)),
    ] {
        insert(db, form, seed).await;
    }
}

fn open<'a>(reference: &'a str, service: i64, status: &'a str, submitted_at: i64, expected: Day) -> Seed<'a> {
    let title = if reference.contains("BBBB") { "Hundesteuer anmelden" } else { "Sperrmüll anmelden" };
    Seed { reference, service, title, status, submitted_at, expected, assignee: None, decided_after_days: None }
}

async fn dashboard(browser: &mut Browser, app: &axum::Router, query: &str) -> String {
    let (response, page) = browser.get(app, &format!("/verwaltung/dashboard{query}")).await;
    assert_eq!(response.status(), StatusCode::OK, "{page}");
    page
}

#[tokio::test]
async fn the_dashboard_counts_requests_decision_times_and_overdue_requests() {
    on_each_backend(|state| async move {
        let db = state.db.clone();
        seed_requests(&db, app::db::now()).await;
        let app = router(state);
        let secret = account(&db, "clara@rathaus.example", &[Role::Caseworker]).await;
        let mut caseworker = signed_in(&app, "clara@rathaus.example", secret.as_deref()).await;

        let page = dashboard(&mut caseworker, &app, "").await;
        assert!(page.contains("9 Anträge im Zeitraum"), "{page}");
        assert_eq!(cell(&page, "antraege-status-tabelle", "Eingegangen"), "2");
        assert_eq!(cell(&page, "antraege-status-tabelle", "Abgeschlossen"), "2");
        assert_eq!(cell(&page, "antraege-status-tabelle", "Abgelehnt"), "2");
        assert_eq!(cell(&page, "antraege-status-tabelle", "Zurückgezogen"), "1");
        assert_eq!(cell(&page, "antraege-leistung-tabelle", "Sperrmüll anmelden"), "5");
        assert_eq!(cell(&page, "antraege-leistung-tabelle", "Hundesteuer anmelden"), "4");
        assert_eq!(cell(&page, "bearbeitungsdauer-tabelle", "Sperrmüll anmelden"), "4 Tage (3 entschieden)", "median of 2, 4 and 9 days");
        assert_eq!(cell(&page, "bearbeitungsdauer-tabelle", "Hundesteuer anmelden"), "1,5 Tage (1 entschieden)");
        assert!(page.contains("role=\"img\"") && page.contains("aria-labelledby=\"antraege-status-titel\""), "charts have names");

        assert!(page.contains("3 offene Anträge sind über die erwartete Dauer hinaus"), "withdrawn and due-today requests are not overdue");
        let first = page.find("/verwaltung/antraege/2025-CCCC-0001").expect("the oldest overdue request is linked");
        let second = page.find("/verwaltung/antraege/2026-BBBB-0002").expect("ten days overdue");
        let third = page.find("/verwaltung/antraege/2026-AAAA-0004").expect("three days overdue");
        assert!(first < second && second < third, "most overdue first");
        assert!(page.contains("erik@rathaus.example") && page.contains("niemand"), "assignees are shown");
        assert!(!page.contains("/verwaltung/antraege/2026-BBBB-0003"), "due today is not overdue");

        let page = dashboard(&mut caseworker, &app, "?zeitraum=30").await;
        assert!(page.contains("8 Anträge im Zeitraum"), "the request from 100 days ago is left out");
        assert_eq!(cell(&page, "antraege-status-tabelle", "Eingegangen"), "1");
        assert!(page.contains("/verwaltung/antraege/2025-CCCC-0001"), "overdue requests are listed whatever the period");
        assert!(page.contains("<option value=\"30\" selected"), "the chosen period stays selected");
    })
    .await;
}

#[tokio::test]
async fn searches_and_feedback_appear_and_roles_see_what_they_may() {
    on_each_backend(|state| async move {
        let db = state.db.clone();
        seed_requests(&db, app::db::now()).await;
        for _ in 0..3 {
            state.search_log.record_search(Lang::De, "Sperrmüll", 4);
        }
        state.search_log.record_search(Lang::De, "Hundeklo", 0);
        state.search_log.flush(&db).await.unwrap();
        let draft = app::feedback::FeedbackDraft { message: "Das Formular lässt sich nicht mit der Tastatur absenden.".into(), contact: "geheim@example.org".into(), page: "/antrag".into() };
        app::feedback::save_feedback(&db, Lang::De, &draft).await.unwrap();
        app::feedback::save_feedback(&db, Lang::En, &draft).await.unwrap();
        sqlx::query("INSERT INTO accessibility_feedback (created_at, lang, page, message, contact) VALUES ($1, 'de', '', 'Alte Rückmeldung von früher', '')")
            .bind(app::db::now() - 200 * DAY)
            .execute(db.pool())
            .await
            .unwrap();
        let app = router(state);

        let mut stranger = Browser::default();
        let (response, _) = stranger.get(&app, "/verwaltung/dashboard").await;
        assert!(super::staff_tests::location(&response).starts_with("/verwaltung/anmelden"), "strangers sign in first");

        account(&db, "erik@rathaus.example", &[Role::Editor]).await;
        let mut editor = signed_in(&app, "erik@rathaus.example", None).await;
        let (response, page) = editor.get(&app, "/verwaltung/dashboard").await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert!(page.contains("Kein Zugriff"));

        let secret = account(&db, "petra@rathaus.example", &[Role::Publisher]).await;
        let mut publisher = signed_in(&app, "petra@rathaus.example", secret.as_deref()).await;
        let page = dashboard(&mut publisher, &app, "").await;
        assert_eq!(cell(&page, "suchen-tabelle", "sperrmüll (de)"), "3");
        assert_eq!(cell(&page, "suchen-ohne-treffer-tabelle", "hundeklo (de)"), "1");
        assert!(page.contains("3 Rückmeldungen im Zeitraum"), "{page}");
        assert_eq!(cell(&page, "rueckmeldungen-seite-tabelle", "/antrag"), "2");
        assert_eq!(cell(&page, "rueckmeldungen-sprache-tabelle", "Englisch"), "1");
        assert!(page.contains("Das Formular lässt sich nicht mit der Tastatur absenden."), "publishers read feedback");
        assert!(!page.contains("geheim@example.org"), "contact details stay on the feedback page");
        assert!(page.contains("3 offene Anträge"), "publishers see the overdue count");
        assert!(!page.contains("/verwaltung/antraege/"), "but neither references nor assignees");

        let page = dashboard(&mut publisher, &app, "?zeitraum=90").await;
        assert!(page.contains("2 Rückmeldungen im Zeitraum"), "old feedback is left out");

        let page = dashboard(&mut publisher, &app, "?zeitraum=%3Cb%3Eimmer%3C%2Fb%3E").await;
        assert!(page.contains("Den Zeitraum „&lt;b&gt;immer&lt;/b&gt;“ gibt es nicht"), "a bad period is named, escaped: {page}");
        assert!(page.contains("9 Anträge im Zeitraum"), "and everything is counted");

        let secret = account(&db, "clara@rathaus.example", &[Role::Caseworker]).await;
        let mut caseworker = signed_in(&app, "clara@rathaus.example", secret.as_deref()).await;
        let page = dashboard(&mut caseworker, &app, "").await;
        assert!(page.contains("3 Rückmeldungen im Zeitraum"), "caseworkers see feedback counts");
        assert!(!page.contains("Das Formular lässt sich nicht"), "but not the messages");
        assert!(!page.contains("href=\"/verwaltung/suchstatistik\""), "nor links to pages they cannot open");
    })
    .await;
}

#[tokio::test]
async fn without_requests_every_section_says_so_instead_of_drawing_empty_charts() {
    on_each_backend(|state| async move {
        let db = state.db.clone();
        let app = router(state);
        let secret = account(&db, "ada@rathaus.example", &[Role::Administrator]).await;
        let mut admin = signed_in(&app, "ada@rathaus.example", secret.as_deref()).await;
        let page = dashboard(&mut admin, &app, "").await;
        for empty in [
            "Im gewählten Zeitraum sind keine Anträge eingegangen.",
            "Im gewählten Zeitraum wurde noch kein Antrag entschieden.",
            "Kein offener Antrag ist über die erwartete Dauer hinaus.",
            "Noch keine Suchen gezählt.",
            "Im gewählten Zeitraum sind keine Rückmeldungen eingegangen.",
        ] {
            assert!(page.contains(empty), "{empty}");
        }
        assert!(!page.contains("<svg"), "no empty charts");
        assert!(page.contains("href=\"/verwaltung/dashboard\""), "the navigation links the dashboard");
    })
    .await;
}
