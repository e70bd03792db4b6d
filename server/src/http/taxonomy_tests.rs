//! Router tests of the taxonomy pages on SQLite and PostgreSQL: a saved change reaches the
//! residents' pages and search at once and is audited, refused forms come back with their
//! errors and what was typed, deleting needs confirming.

use super::router;
use super::staff_tests::{account, encode, location, on_each_backend, signed_in, Browser};
use app::auth::Role;
use axum::http::StatusCode;
use axum::Router;

/// A signed-in publisher and their CSRF token.
async fn publisher(app: &Router, db: &app::db::Db) -> (Browser, String) {
    let secret = account(db, "petra@rathaus.example", &[Role::Publisher]).await;
    let mut browser = signed_in(app, "petra@rathaus.example", secret.as_deref()).await;
    let csrf = browser.csrf(app).await;
    (browser, csrf)
}

fn form(fields: &[(&str, &str)]) -> String {
    fields.iter().map(|(name, value)| format!("{}={}", encode(name), encode(value))).collect::<Vec<_>>().join("&")
}

#[tokio::test]
async fn a_renamed_topic_is_live_at_once_and_audited() {
    on_each_backend(|state| async move {
        let app = router(state.clone());
        let (mut petra, csrf) = publisher(&app, &state.db).await;
        let (response, page) = petra.get(&app, "/verwaltung/themen/thema/tiere").await;
        assert_eq!(response.status(), StatusCode::OK);
        assert!(page.contains("value=\"Tiere\""), "the form shows the stored name");
        assert!(page.contains("lang=\"en\""), "the English fields are marked");
        let (response, resident) = petra.get(&app, "/themen/tiere").await;
        assert_eq!(response.status(), StatusCode::OK, "the old page is cached now");
        assert!(resident.contains("Tiere"));

        let rename = form(&[
            ("csrf", &csrf),
            ("original", "tiere"),
            ("entry[slug_de]", "haustiere"),
            ("entry[slug_en]", "pets"),
            ("entry[position]", "13"),
            ("entry[name_de]", "Haustiere und Nutztiere"),
            ("entry[name_en]", "Pets and livestock"),
            ("entry[description_de]", "Hunde, Katzen, Pferde."),
        ]);
        let (response, _) = petra.post(&app, "/api/staff/taxonomy/topic/save", &rename).await;
        assert_eq!(location(&response), "/verwaltung/themen");
        let (_, list) = petra.get(&app, "/verwaltung/themen").await;
        assert!(list.contains("Das Thema „Haustiere und Nutztiere“ wurde gespeichert."), "{list}");
        assert!(list.contains("/verwaltung/themen/thema/haustiere"));

        let (response, resident) = petra.get(&app, "/themen/haustiere").await;
        assert_eq!(response.status(), StatusCode::OK);
        assert!(resident.contains("Haustiere und Nutztiere"), "the resident page shows the new name");
        assert!(resident.contains("Hundesteuer"), "the services moved with the topic");
        let (response, _) = petra.get(&app, "/en/topics/pets").await;
        assert_eq!(response.status(), StatusCode::OK);
        let (response, _) = petra.get(&app, "/themen/tiere").await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "the old slug is gone");

        let (actor, subject, summary): (String, String, String) =
            sqlx::query_as("SELECT actor, subject, summary FROM audit_log WHERE action = 'topic.save'").fetch_one(state.db.pool()).await.unwrap();
        assert_eq!((actor.as_str(), subject.as_str()), ("petra@rathaus.example", "haustiere"));
        assert!(summary.contains("slug_de: „tiere“ → „haustiere“") && summary.contains("name.de: „Tiere“ → „Haustiere und Nutztiere“"), "{summary}");

        // Deleting needs the confirmation, and is refused while services refer to the topic.
        let delete = |confirm: bool| format!("csrf={csrf}&slug=haustiere{}", if confirm { "&confirm=1" } else { "" });
        let (response, _) = petra.post(&app, "/api/staff/taxonomy/topic/delete", &delete(false)).await;
        assert_eq!(location(&response), "/verwaltung/themen/thema/haustiere");
        let (_, page) = petra.get(&app, "/verwaltung/themen/thema/haustiere").await;
        assert!(page.contains("Bitte bestätigen Sie mit „Ja, löschen“") && page.contains("href=\"#loeschen-bestaetigen\""), "{page}");
        let (response, _) = petra.post(&app, "/api/staff/taxonomy/topic/delete", &delete(true)).await;
        assert_eq!(location(&response), "/verwaltung/themen/thema/haustiere");
        let (_, page) = petra.get(&app, "/verwaltung/themen/thema/haustiere").await;
        assert!(page.contains("kann nicht gelöscht werden"), "{page}");

        // A new topic can be deleted again.
        let create = form(&[("csrf", &csrf), ("entry[slug_de]", "testthema"), ("entry[slug_en]", "test-topic"), ("entry[name_de]", "Testthema")]);
        let (response, _) = petra.post(&app, "/api/staff/taxonomy/topic/save", &create).await;
        assert_eq!(location(&response), "/verwaltung/themen");
        assert_eq!(petra.get(&app, "/themen/testthema").await.0.status(), StatusCode::OK);
        let (response, _) = petra.post(&app, "/api/staff/taxonomy/topic/delete", &format!("csrf={csrf}&slug=testthema&confirm=1")).await;
        assert_eq!(location(&response), "/verwaltung/themen");
        assert_eq!(petra.get(&app, "/themen/testthema").await.0.status(), StatusCode::NOT_FOUND);
        let deleted: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'topic.delete' AND subject = 'testthema'")
            .fetch_one(state.db.pool())
            .await
            .unwrap();
        assert_eq!(deleted, 1);
    })
    .await;
}

#[tokio::test]
async fn an_invalid_office_comes_back_with_its_errors_and_what_was_typed() {
    on_each_backend(|state| async move {
        let app = router(state.clone());
        let (mut petra, csrf) = publisher(&app, &state.db).await;
        let (response, page) = petra.get(&app, "/verwaltung/dienststellen/buergerbuero-mitte").await;
        assert_eq!(response.status(), StatusCode::OK);
        assert!(page.contains("Mo 07:30-13:00 | nur mit Termin | en: by appointment only"), "hours in the text format");
        let office = form(&[
            ("csrf", &csrf),
            ("original", "buergerbuero-mitte"),
            ("office[slug_de]", "buergerbuero-mitte"),
            ("office[slug_en]", "citizen-office-centre"),
            ("office[name_de]", "Bürgerbüro im Rathaus (neu)"),
            ("office[street]", "Porschestraße 49"),
            ("office[postcode]", "12"),
            ("office[city]", "Wolfsburg"),
            ("office[latitude]", "52,42165"),
            ("office[longitude]", "10.78705"),
            ("office[hours]", "Mo 07:30-13:00\nDi 07:30-13:00, 14:00-18:00 | nur mit Termin"),
            ("office[accessibility_de]", "Stufenloser Eingang & Aufzug </textarea><b>"),
        ]);
        let (response, _) = petra.post(&app, "/api/staff/offices/save", &office).await;
        assert_eq!(location(&response), "/verwaltung/dienststellen/buergerbuero-mitte");
        let (response, page) = petra.get(&app, "/verwaltung/dienststellen/buergerbuero-mitte").await;
        assert_eq!(response.status(), StatusCode::OK);
        assert!(page.contains("Bitte korrigieren Sie Folgendes") && page.contains("href=\"#postcode\""), "the error summary links to the field");
        assert!(page.contains("id=\"postcode-error\"") && page.contains("Die Postleitzahl muss aus fünf Ziffern bestehen"), "the error beside the field");
        assert!(page.contains("value=\"12\""), "the postcode as typed");
        assert!(page.contains("value=\"Bürgerbüro im Rathaus (neu)\"") && page.contains("value=\"52,42165\""), "everything else as typed");
        assert!(page.contains("Stufenloser Eingang &amp; Aufzug &lt;/textarea&gt;&lt;b&gt;</textarea>") && page.contains("14:00-18:00 | nur mit Termin"), "textareas as typed");
        assert!(!page.contains("id=\"latitude-error\""), "a decimal comma is fine");
        let stored: String = sqlx::query_scalar("SELECT data FROM offices WHERE slug_de = 'buergerbuero-mitte'").fetch_one(state.db.pool()).await.unwrap();
        assert!(stored.contains("38440") && !stored.contains("(neu)"), "nothing was saved");
        let (_, page) = petra.get(&app, "/verwaltung/dienststellen/buergerbuero-mitte").await;
        assert!(!page.contains("Bitte korrigieren Sie Folgendes") && page.contains("value=\"38440\""), "the kept form is shown once");

        // Unreadable hours name their line; the rest is checked at the same time.
        let office = office.replace("postcode%5D=12", "postcode%5D=38440").replace("52%2C42165", "neunzig") + "&office%5Bexceptions%5D=31.02.2026+geschlossen";
        let (response, _) = petra.post(&app, "/api/staff/offices/save", &office).await;
        assert_eq!(location(&response), "/verwaltung/dienststellen/buergerbuero-mitte");
        let (_, page) = petra.get(&app, "/verwaltung/dienststellen/buergerbuero-mitte").await;
        assert!(page.contains("id=\"latitude-error\"") && page.contains("id=\"exceptions-error\"") && page.contains("Zeile 1"), "{page}");
        assert!(!page.contains("id=\"postcode-error\""));

        // Fixed, it saves and is live.
        let office = office.replace("neunzig", "52.42165").replace("&office%5Bexceptions%5D=31.02.2026+geschlossen", "");
        let (response, _) = petra.post(&app, "/api/staff/offices/save", &office).await;
        assert_eq!(location(&response), "/verwaltung/dienststellen");
        let (_, resident) = petra.get(&app, "/dienststellen/buergerbuero-mitte").await;
        assert!(resident.contains("Bürgerbüro im Rathaus (neu)"));
        let summary: String = sqlx::query_scalar("SELECT summary FROM audit_log WHERE action = 'office.save'").fetch_one(state.db.pool()).await.unwrap();
        assert!(summary.contains("name.de") && summary.contains("hours") && !summary.contains("postcode"), "{summary}");
    })
    .await;
}

#[tokio::test]
async fn saved_synonyms_change_what_search_finds() {
    on_each_backend(|state| async move {
        let app = router(state.clone());
        let (mut petra, csrf) = publisher(&app, &state.db).await;
        let found = |body: &str| -> Vec<String> {
            let json: serde_json::Value = serde_json::from_str(body).unwrap();
            json["results"].as_array().unwrap().iter().map(|hit| hit["href"].as_str().unwrap().to_string()).collect()
        };
        let (_, body) = petra.get(&app, "/api/v1/search?q=quasselkarte&limit=5").await;
        assert!(found(&body).is_empty(), "{body}");

        let (_, page) = petra.get(&app, "/verwaltung/synonyme").await;
        let start = page.find("id=\"synonyms-de\"").unwrap();
        let text = &page[page[start..].find('>').unwrap() + start + 1..];
        let german = &text[..text.find("</textarea>").unwrap()];
        assert!(german.contains("perso, personalausweis, ausweis"), "{german}");

        let bad = form(&[("csrf", &csrf), ("synonyms[de]", "perso, personalausweis\ngelbe tonne, wertstoff"), ("synonyms[en]", "car, vehicle")]);
        let (response, _) = petra.post(&app, "/api/staff/synonyms/save", &bad).await;
        assert_eq!(location(&response), "/verwaltung/synonyme");
        let (_, page) = petra.get(&app, "/verwaltung/synonyme").await;
        assert!(page.contains("href=\"#synonyms-de\"") && page.contains("Zeile 2") && page.contains("gelbe tonne, wertstoff"), "{page}");

        let german = german.replace("&amp;", "&").replace("perso, personalausweis, ausweis", "perso, personalausweis, ausweis, quasselkarte");
        let good = form(&[("csrf", &csrf), ("synonyms[de]", &german), ("synonyms[en]", "car, vehicle")]);
        let (response, _) = petra.post(&app, "/api/staff/synonyms/save", &good).await;
        assert_eq!(location(&response), "/verwaltung/synonyme");
        let (_, page) = petra.get(&app, "/verwaltung/synonyme").await;
        assert!(page.contains("Die Synonyme wurden gespeichert."), "{page}");
        let (_, body) = petra.get(&app, "/api/v1/search?q=quasselkarte&limit=5").await;
        assert!(found(&body).iter().any(|href| href.contains("personalausweis-beantragen")), "{body}");
        let summary: String = sqlx::query_scalar("SELECT summary FROM audit_log WHERE action = 'synonyms.save'").fetch_one(state.db.pool()).await.unwrap();
        assert!(summary.contains("quasselkarte"), "{summary}");
    })
    .await;
}

#[tokio::test]
async fn featured_services_and_life_situations_are_edited_in_place() {
    on_each_backend(|state| async move {
        let app = router(state.clone());
        let (mut petra, csrf) = publisher(&app, &state.db).await;
        let (response, _) = petra.post(&app, "/api/staff/taxonomy/featured", &form(&[("csrf", &csrf), ("featured", "wohnung-anmelden\ngibt-es-nicht")])).await;
        assert_eq!(location(&response), "/verwaltung/themen");
        let (_, page) = petra.get(&app, "/verwaltung/themen").await;
        assert!(page.contains("Die Leistung „gibt-es-nicht“ gibt es nicht.") && page.contains("href=\"#featured\""), "{page}");
        assert!(page.contains("wohnung-anmelden\ngibt-es-nicht</textarea>"), "the list as typed");
        let (response, _) = petra.post(&app, "/api/staff/taxonomy/featured", &form(&[("csrf", &csrf), ("featured", "wohnung-anmelden\n")])).await;
        assert_eq!(location(&response), "/verwaltung/themen");
        let (_, home) = petra.get(&app, "/").await;
        assert!(home.contains("/leistungen/wohnung-anmelden") && !home.contains("/leistungen/personalausweis-beantragen\""), "the home page follows");

        let (_, page) = petra.get(&app, "/verwaltung/themen/lebenslage/umzug").await;
        assert!(!page.contains("<option value=\"zuzug-nach-wolfsburg\""), "a situation cannot go under its own children");
        let situation = form(&[
            ("csrf", &csrf),
            ("entry[slug_de]", "erster-umzug"),
            ("entry[slug_en]", "first-move"),
            ("entry[parent]", "umzug"),
            ("entry[position]", "vier"),
            ("entry[name_de]", ""),
        ]);
        let (response, _) = petra.post(&app, "/api/staff/taxonomy/life-situation/save", &situation).await;
        assert_eq!(location(&response), "/verwaltung/themen/lebenslage/neu");
        let (_, page) = petra.get(&app, "/verwaltung/themen/lebenslage/neu").await;
        assert!(page.contains("href=\"#name-de\"") && page.contains("href=\"#position\""), "both problems at once");
        assert!(page.contains("value=\"erster-umzug\"") && page.contains("<option value=\"umzug\" selected"), "{page}");
        let situation = situation.replace("vier", "4").replace("name_de%5D=", "name_de%5D=Erster+Umzug");
        let (response, _) = petra.post(&app, "/api/staff/taxonomy/life-situation/save", &situation).await;
        assert_eq!(location(&response), "/verwaltung/themen");
        let (response, resident) = petra.get(&app, "/lebenslagen/erster-umzug").await;
        assert_eq!(response.status(), StatusCode::OK);
        assert!(resident.contains("Erster Umzug"));
    })
    .await;
}
