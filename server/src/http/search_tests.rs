//! Router tests of search: the results page, the suggestion endpoint and the click counter,
//! with good and bad input.

use super::router;
use super::tests::{get_page, state};
use app::search::log::query_stats;
use axum::http::{header, StatusCode};

#[tokio::test]
async fn the_results_page_finds_marks_and_corrects() {
    let app = router(state(None).await);
    let (response, body) = get_page(app.clone(), "/suche?q=Fuehrerschein+umtauschen").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(body.contains("<mark>Führerschein</mark>"), "{body}");
    assert!(body.contains("name=\"robots\" content=\"noindex\""));
    let (_, body) = get_page(app.clone(), "/suche?q=hundestuer").await;
    assert!(body.contains("Meinten Sie"));
    assert!(body.contains("/suche?q=hundesteuer"));
    let (response, body) = get_page(app, "/en/search?q=bulky+waste").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(body.contains("<html lang=\"en\""));
    assert!(body.contains("/en/search/open?q=bulky+waste&amp;zu=sperrmuell-anmelden"), "{body}");
}

#[tokio::test]
async fn odd_queries_get_a_page_not_an_error() {
    let app = router(state(None).await);
    let long = "a".repeat(10_000);
    for uri in [
        "/suche",
        "/suche?q=",
        "/suche?q=%00%07%1b",
        "/suche?q=%22pass%22+AND+(x+OR+-y)+title:*",
        "/suche?q=%FF%FE",
        "/suche?q=ausweis&page=-3",
        "/suche?q=ausweis&page=999999999999999999999999",
        "/suche?q=ausweis&topic=gibt-es-nicht&online=ja",
        &format!("/suche?q={long}"),
    ] {
        let (response, body) = get_page(app.clone(), uri).await;
        assert_eq!(response.status(), StatusCode::OK, "{uri}");
        assert!(body.contains("<h1"), "{uri}");
    }
    let (_, body) = get_page(app.clone(), "/suche?q=beantragen&page=99").await;
    assert!(body.contains("rel=\"prev\""), "a page past the end shows the last page");
    assert!(body.contains("class=\"card-list search-results\""), "{body}");
    let (_, body) = get_page(app.clone(), "/suche?q=xyzxyzxyz").await;
    assert!(body.contains("0 Ergebnisse"));
    assert!(body.contains("Prüfen Sie die Schreibweise"));
}

#[tokio::test]
async fn suggestions_are_json_and_lenient() {
    let app = router(state(None).await);
    let (response, body) = get_page(app.clone(), "/api/v1/search?q=reisep&limit=3").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[header::CONTENT_TYPE], "application/json");
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    let results = json["results"].as_array().unwrap();
    assert!(!results.is_empty() && results.len() <= 3);
    assert_eq!(results[0]["href"], "/leistungen/reisepass-beantragen");
    for uri in ["/api/v1/search", "/api/v1/search?limit=abc", "/api/v1/search?q=%FF&limit=-1", "/api/v1/search?q=(((&lang=xx&limit=100000"] {
        let (response, body) = get_page(app.clone(), uri).await;
        assert_eq!(response.status(), StatusCode::OK, "{uri}");
        let json: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert!(json["results"].as_array().unwrap().len() <= 20);
    }
    let (_, body) = get_page(app, "/api/v1/search?q=passp&lang=en").await;
    assert!(body.contains("/en/services/"), "{body}");
}

#[tokio::test]
async fn searches_and_clicks_are_counted_without_personal_data() {
    let state = state(None).await;
    let app = router(state.clone());
    get_page(app.clone(), "/suche?q=Sperrmuell").await;
    get_page(app.clone(), "/suche?q=sperrmuell+").await;
    get_page(app.clone(), "/suche?q=Xylofon+12345").await;
    let (response, _) = get_page(app.clone(), "/suche/treffer?q=Sperrmuell&zu=sperrmuell-anmelden").await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(response.headers()[header::LOCATION], "/leistungen/sperrmuell-anmelden");
    let (response, _) = get_page(app.clone(), "/en/search/open?q=x&zu=https://evil.example").await;
    assert_eq!(response.headers()[header::LOCATION], "/en/search");
    state.search_log.flush(&state.db).await.unwrap();
    let top = query_stats(&state.db, false, 10).await.unwrap();
    let sperrmuell = top.iter().find(|s| s.query == "sperrmuell").expect("counted");
    assert_eq!(sperrmuell.searches, 2);
    assert_eq!(sperrmuell.top_click.as_deref(), Some("sperrmuell-anmelden"));
    let zero = query_stats(&state.db, true, 10).await.unwrap();
    assert!(zero.iter().any(|s| s.query == "xylofon #####"), "{zero:?}");
    assert!(zero.iter().all(|s| s.results == 0));
}

#[tokio::test]
async fn crawlers_are_kept_out_of_search_results() {
    let (_, robots) = get_page(router(state(None).await), "/robots.txt").await;
    for path in ["/suche", "/en/search", "/api/v1/search"] {
        assert!(robots.contains(&format!("Disallow: {path}\n")), "{robots}");
    }
}
