//! Search quality on the demo catalogue: the checked-in set of resident queries
//! (`app/data/search/queries.json`) must each find the expected service in the top 3.
//! Prints precision at 1 and at 3.

use app::catalogue::snapshot::Snapshot;
use app::catalogue::demo_catalogue;
use app::i18n::Lang;
use app::search::SearchQuery;
use serde::Deserialize;

#[derive(Deserialize)]
struct QuerySet {
    queries: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    q: String,
    lang: String,
    expect: String,
}

fn demo_snapshot() -> Snapshot {
    Snapshot::of_catalogue(demo_catalogue().expect("demo catalogue")).expect("snapshot")
}

fn top(snapshot: &Snapshot, lang: Lang, text: &str, limit: usize) -> Vec<String> {
    let index = snapshot.search.as_ref().expect("index");
    let query = SearchQuery { lang, text, topic: None, online_only: false, offset: 0, limit, as_you_type: false };
    let found = index.search(&query).expect("search");
    found.ids.iter().map(|&id| snapshot.services[id].slug_de.clone()).collect()
}

#[test]
fn resident_queries_find_the_right_service() {
    let set: QuerySet = serde_json::from_str(include_str!("../data/search/queries.json")).expect("queries.json");
    assert!(set.queries.len() >= 60);
    let snapshot = demo_snapshot();
    let (mut at1, mut at3, mut misses) = (0, 0, Vec::new());
    for case in &set.queries {
        let lang = if case.lang == "en" { Lang::En } else { Lang::De };
        assert!(snapshot.service(&case.expect).is_some(), "unknown service {}", case.expect);
        let found = top(&snapshot, lang, &case.q, 3);
        match found.iter().position(|slug| *slug == case.expect) {
            Some(0) => {
                at1 += 1;
                at3 += 1;
            }
            Some(_) => at3 += 1,
            None => misses.push(format!("{:?} ({}) expected {}, got {:?}", case.q, case.lang, case.expect, found)),
        }
    }
    let n = set.queries.len() as f64;
    println!("search quality: {} queries, precision@1 {:.3}, precision@3 {:.3}", set.queries.len(), at1 as f64 / n, at3 as f64 / n);
    assert!(misses.is_empty(), "{} of {} queries missed the top 3:\n{}", misses.len(), set.queries.len(), misses.join("\n"));
}

fn search(snapshot: &Snapshot, query: SearchQuery) -> app::search::Found {
    snapshot.search.as_ref().expect("index").search(&query).expect("search")
}

fn query(lang: Lang, text: &str) -> SearchQuery<'_> {
    SearchQuery { lang, text, topic: None, online_only: false, offset: 0, limit: 10, as_you_type: false }
}

#[test]
fn odd_input_never_fails() {
    let snapshot = demo_snapshot();
    let long = "Personalausweis ".repeat(700);
    for text in ["", "   ", "\u{0}\u{7}\u{1b}[31m", "\"Pass\" AND (ausweis OR -kita) title:* ~2 ^3 [a TO z]", "***", "ß", &long, "🙂🙂", "a", "-"] {
        for lang in Lang::ALL {
            search(&snapshot, query(lang, text));
            search(&snapshot, SearchQuery { as_you_type: true, ..query(lang, text) });
        }
    }
    assert!(search(&snapshot, query(Lang::De, &long)).total > 0);
    assert_eq!(search(&snapshot, query(Lang::De, "")).total, 0);
}

#[test]
fn typos_get_a_suggestion_and_known_words_none() {
    let snapshot = demo_snapshot();
    let found = search(&snapshot, query(Lang::De, "hundestuer"));
    assert_eq!(found.did_you_mean.as_deref(), Some("hundesteuer"));
    assert!(search(&snapshot, query(Lang::De, "hundesteuer")).did_you_mean.is_none());
}

#[test]
fn filters_narrow_the_results() {
    let snapshot = demo_snapshot();
    let all = search(&snapshot, query(Lang::De, "beantragen"));
    let online = search(&snapshot, SearchQuery { online_only: true, ..query(Lang::De, "beantragen") });
    assert!(online.total > 0 && online.total < all.total);
    for id in online.ids {
        assert_eq!(snapshot.services[id].content.availability, app::catalogue::Availability::Online);
    }
    let topic = snapshot.topics[0].slug_de.clone();
    let in_topic = search(&snapshot, SearchQuery { topic: Some(&topic), ..query(Lang::De, "beantragen") });
    assert!(in_topic.total < all.total);
    for id in in_topic.ids {
        assert!(snapshot.services[id].content.topics.contains(&topic));
    }
}

#[test]
fn matches_are_highlighted_inside_compounds() {
    let snapshot = demo_snapshot();
    let found = search(&snapshot, query(Lang::De, "ausweis"));
    let title = "Personalausweis beantragen";
    assert_eq!(found.matcher.ranges(title), vec![0..15]);
    let found = search(&snapshot, query(Lang::De, "Fuehrerschein"));
    assert_eq!(found.matcher.ranges("Führerschein umtauschen"), vec![0.."Führerschein".len()]);
}

#[test]
fn suggestions_complete_the_last_word() {
    let snapshot = demo_snapshot();
    let found = search(&snapshot, SearchQuery { as_you_type: true, limit: 5, ..query(Lang::De, "reisep") });
    let first = &snapshot.services[found.ids[0]];
    assert_eq!(first.slug_de, "reisepass-beantragen");
    let found = search(&snapshot, SearchQuery { as_you_type: true, limit: 5, ..query(Lang::En, "passp") });
    assert_eq!(snapshot.services[found.ids[0]].slug_de, "reisepass-beantragen");
}

#[test]
fn pages_follow_each_other() {
    let snapshot = demo_snapshot();
    let first = search(&snapshot, SearchQuery { limit: 5, ..query(Lang::De, "antrag") });
    let second = search(&snapshot, SearchQuery { limit: 5, offset: 5, ..query(Lang::De, "antrag") });
    assert!(first.total > 10, "{}", first.total);
    assert!(first.ids.iter().all(|id| !second.ids.contains(id)));
}
