//! In-process search benchmark (`make bench` runs it): builds the index over the demo
//! catalogue plus 10,000 generated services, then times every query of the quality set and
//! very common words, as typed and as suggestions while typing.
//!   cargo run --release -p app --features ssr --example search_bench [-- GENERATED]

use app::catalogue::snapshot::Snapshot;
use app::catalogue::synthetic::synthetic_services;
use app::catalogue::demo_catalogue;
use app::i18n::Lang;
use app::search::{SearchIndex, SearchQuery};
use std::time::{Duration, Instant};

/// Runs of each query; the p99 of a query is taken over these.
const RUNS: usize = 200;
/// Words that occur in most generated services.
const COMMON: [(&str, Lang); 6] =
    [("beantragen", Lang::De), ("Personalausweis", Lang::De), ("Stadt", Lang::De), ("Nachweis", Lang::De), ("apply", Lang::En), ("city", Lang::En)];

fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmRSS:")).and_then(|l| l.split_whitespace().nth(1)?.parse().ok()))
        .unwrap_or(0)
}

/// The demo catalogue plus `generated` services, as residents would see it.
fn snapshot(generated: usize) -> Snapshot {
    let mut catalogue = demo_catalogue().expect("demo catalogue");
    let topics: Vec<String> = catalogue.topics.iter().map(|t| t.slug_de.clone()).collect();
    let offices: Vec<String> = catalogue.offices.iter().map(|o| o.slug_de.clone()).collect();
    catalogue.services.extend(synthetic_services(0, generated, &topics, &offices));
    Snapshot::of_catalogue(catalogue).expect("snapshot")
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1]
}

fn main() {
    let generated = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let snapshot = snapshot(generated);
    let services = &snapshot.services;
    let synonyms = demo_catalogue().expect("demo catalogue").synonyms;
    // The snapshot holds an index already; build another one alone to time it and weigh it.
    let before = rss_kib();
    let started = Instant::now();
    let index = SearchIndex::build(services, &synonyms).expect("index");
    let build = started.elapsed();
    let memory = rss_kib().saturating_sub(before);
    println!("Search index over {} services: built in {:.2} s, memory +{:.1} MiB (RSS)", services.len(), build.as_secs_f64(), memory as f64 / 1024.0);

    let set: serde_json::Value = serde_json::from_str(include_str!("../data/search/queries.json")).expect("queries.json");
    let mut queries: Vec<(String, Lang)> = set["queries"]
        .as_array()
        .expect("queries")
        .iter()
        .map(|q| (q["q"].as_str().unwrap_or_default().to_string(), if q["lang"] == "en" { Lang::En } else { Lang::De }))
        .collect();
    queries.extend(COMMON.iter().map(|(q, lang)| (q.to_string(), *lang)));

    let mut worst: Vec<(Duration, String, &str)> = Vec::new();
    let mut all = Vec::new();
    for (text, lang) in &queries {
        for (mode, as_you_type) in [("results", false), ("suggest", true)] {
            let query = SearchQuery { lang: *lang, text, topic: None, online_only: false, offset: 0, limit: if as_you_type { 6 } else { 10 }, as_you_type };
            let mut times = Vec::with_capacity(RUNS);
            for _ in 0..RUNS {
                let t = Instant::now();
                let found = index.search(&query).expect("search");
                std::hint::black_box(found);
                times.push(t.elapsed());
            }
            times.sort();
            all.extend_from_slice(&times);
            worst.push((percentile(&times, 0.99), text.clone(), mode));
        }
    }
    all.sort();
    worst.sort_by_key(|w| std::cmp::Reverse(w.0));
    println!(
        "{} queries × 2 modes × {RUNS} runs: p50 {:.3} ms, p99 {:.3} ms over all runs; worst per-query p99 {:.3} ms ({:?}, {})",
        queries.len(),
        percentile(&all, 0.5).as_secs_f64() * 1e3,
        percentile(&all, 0.99).as_secs_f64() * 1e3,
        worst[0].0.as_secs_f64() * 1e3,
        worst[0].1,
        worst[0].2
    );
    println!("Slowest five per-query p99:");
    for (p99, text, mode) in worst.iter().take(5) {
        println!("  {:>7.3} ms  {text:?} ({mode})", p99.as_secs_f64() * 1e3);
    }

    // What the suggestion endpoint does besides HTTP: search, highlight, assemble.
    let mut times = Vec::new();
    for (text, lang) in &queries {
        for _ in 0..RUNS / 4 {
            let t = Instant::now();
            std::hint::black_box(app::search::api::ssr::suggestions(&snapshot, *lang, text, 6).expect("suggestions"));
            times.push(t.elapsed());
        }
    }
    times.sort();
    println!(
        "Suggestions with highlighting (the endpoint's work without HTTP): p50 {:.3} ms, p99 {:.3} ms",
        percentile(&times, 0.5).as_secs_f64() * 1e3,
        percentile(&times, 0.99).as_secs_f64() * 1e3
    );
}
