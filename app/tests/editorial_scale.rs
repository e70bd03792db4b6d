//! The staff listing at the size of a large city's catalogue: 10,000 services, 200 of them
//! with an untranslated draft. Ignored by default (it takes about 20 s); run with
//! `cargo test -p app --features ssr --test editorial_scale -- --ignored --nocapture`.
//! Measured in a debug build on 2 shared cores: every page in about 0.1 s on both backends.
#![cfg(feature = "ssr")]

mod support;

use app::catalogue::editorial::{self, ListingFilter, StatusFilter};
use app::catalogue::{self, synthetic::synthetic_services};
use std::time::{Duration, Instant};

#[tokio::test]
#[ignore]
async fn listing_ten_thousand_services_stays_fast() {
    support::on_each_backend(|db| async move {
        let mut demo = catalogue::demo_catalogue().unwrap();
        demo.services.clear();
        demo.featured.clear();
        catalogue::import_catalogue(&db, &demo).await.unwrap();
        let topics: Vec<String> = demo.topics.iter().map(|t| t.slug_de.clone()).collect();
        let offices: Vec<String> = demo.offices.iter().map(|t| t.slug_de.clone()).collect();
        catalogue::insert_services(&db, &synthetic_services(0, 10_000, &topics, &offices)).await.unwrap();
        for n in 0..200 {
            let service = synthetic_services(n * 37, 1, &topics, &offices).remove(0);
            let mut content = service.versions[0].content.clone();
            content.title.en.clear();
            editorial::save_draft(&db, &service.slug_de, &content, "redaktion@wolfsburg.de").await.unwrap();
        }
        let filters = [
            ("everything", ListingFilter::default()),
            ("last page", ListingFilter { page: 1_000, ..ListingFilter::default() }),
            ("drafts", ListingFilter { status: Some(StatusFilter::Draft), ..ListingFilter::default() }),
            ("offline", ListingFilter { status: Some(StatusFilter::Archived), ..ListingFilter::default() }),
            ("missing English", ListingFilter { missing_en: true, ..ListingFilter::default() }),
            ("one topic", ListingFilter { topic: Some(topics[1].clone()), ..ListingFilter::default() }),
            ("text", ListingFilter { query: "antrag".into(), ..ListingFilter::default() }),
        ];
        for (name, filter) in filters {
            let started = Instant::now();
            let page = editorial::list_services(&db, &filter).await.unwrap();
            let took = started.elapsed();
            eprintln!("{:?} {name}: {} of {} in {took:?}", db.backend(), page.rows.len(), page.total);
            assert!(took < Duration::from_secs(1), "{name} took {took:?}");
        }
    })
    .await;
}
