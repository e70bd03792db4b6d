//! The editorial workflow of the staff area, on SQLite and PostgreSQL alike.
#![cfg(feature = "ssr")]

mod support;

use app::catalogue::editorial::{self, EditorialAction, ListingFilter, StatusFilter, WorkingVersion};
use app::catalogue::{self, CatalogueError, Localized, ServiceContent, StateError, VersionStatus};
use app::db::{Backend, Db};
use support::on_each_backend;

const EDITOR: &str = "redaktion@wolfsburg.de";
const PUBLISHER: &str = "freigabe@wolfsburg.de";

/// The demo catalogue's topics and offices, without services.
async fn taxonomy_only(db: &Db) -> (String, String) {
    let mut demo = catalogue::demo_catalogue().expect("demo catalogue");
    demo.services.clear();
    demo.featured.clear();
    catalogue::import_catalogue(db, &demo).await.expect("import");
    (demo.topics[0].slug_de.clone(), demo.offices[0].slug_de.clone())
}

fn text(de: &str, en: &str) -> Localized {
    Localized { de: de.into(), en: en.into(), ls: String::new() }
}

fn content(title_de: &str, title_en: &str, topic: &str, office: &str) -> ServiceContent {
    ServiceContent {
        title: text(title_de, title_en),
        teaser: text("Kurz gesagt.", "In short."),
        description: text("Ausführlich.", "In detail."),
        topics: vec![topic.into()],
        offices: vec![office.into()],
        ..ServiceContent::default()
    }
}

async fn statuses(db: &Db, slug: &str) -> Vec<(i64, VersionStatus)> {
    let record = editorial::service_record(db, slug).await.expect("record");
    record.versions.iter().map(|v| (v.number, v.status)).collect()
}

/// Creates `slug` and publishes version 1 (written by EDITOR, approved by PUBLISHER).
async fn published(db: &Db, slug: &str, title: &str, topic: &str, office: &str) {
    editorial::create_service(db, slug, &format!("{slug}-en"), &content(title, "Title", topic, office), EDITOR).await.expect("create");
    editorial::submit_for_review(db, slug, EDITOR).await.expect("submit");
    editorial::publish(db, slug, PUBLISHER).await.expect("publish");
}

#[tokio::test]
async fn a_service_goes_from_draft_through_review_to_residents() {
    on_each_backend(|db| async move {
        let (topic, office) = taxonomy_only(&db).await;
        editorial::create_service(&db, "baum-faellen", "fell-a-tree", &content("Baum fällen", "", &topic, &office), EDITOR).await.unwrap();
        assert_eq!(statuses(&db, "baum-faellen").await, [(1, VersionStatus::Draft)]);
        let mut better = content("Baum fällen", "Fell a tree", &topic, &office);
        better.teaser.de = "Genehmigung für das Fällen eines Baumes.".into();
        assert_eq!(editorial::save_draft(&db, "baum-faellen", &better, "kollegin@wolfsburg.de").await.unwrap(), 1);
        let version_before = catalogue::catalogue_version(&db).await.unwrap();
        assert_eq!(editorial::submit_for_review(&db, "baum-faellen", EDITOR).await.unwrap(), 1);
        assert!(catalogue::published_services(&db).await.unwrap().is_empty(), "nothing is online before publishing");
        assert_eq!(editorial::publish(&db, "baum-faellen", PUBLISHER).await.unwrap(), 1);

        let online = catalogue::published_services(&db).await.unwrap();
        assert_eq!(online.len(), 1);
        assert_eq!(online[0].content, better);
        assert_eq!(online[0].approved_by.as_deref(), Some(PUBLISHER));
        assert_ne!(catalogue::catalogue_version(&db).await.unwrap(), version_before, "caches must reload");
        let record = editorial::service_record(&db, "baum-faellen").await.unwrap();
        assert_eq!((record.slug_en.as_str(), record.published, record.working), ("fell-a-tree", Some(1), None));
        assert_eq!((record.versions[0].created_by.as_str(), record.versions[0].updated_by.as_str()), (EDITOR, "kollegin@wolfsburg.de"));
        let actions: Vec<EditorialAction> = editorial::history(&db, "baum-faellen").await.unwrap().iter().map(|e| e.action).collect();
        use EditorialAction::*;
        assert_eq!(actions, [Published, Submitted, Saved, Created]);
        let loaded = editorial::load_version(&db, "baum-faellen", 1).await.unwrap();
        assert_eq!((loaded.content, loaded.updated_by.as_deref()), (better, Some("kollegin@wolfsburg.de")));
        assert!(matches!(editorial::load_version(&db, "baum-faellen", 2).await, Err(CatalogueError::NotFound(_))));
    })
    .await;
}

#[tokio::test]
async fn the_last_editor_cannot_publish_and_only_reviewed_versions_go_online() {
    on_each_backend(|db| async move {
        let (topic, office) = taxonomy_only(&db).await;
        editorial::create_service(&db, "hund-anmelden", "register-a-dog", &content("Hund anmelden", "", &topic, &office), EDITOR).await.unwrap();
        let state = |result: Result<i64, CatalogueError>| match result {
            Err(CatalogueError::State(state)) => Some(state),
            _ => None,
        };
        assert_eq!(state(editorial::publish(&db, "hund-anmelden", PUBLISHER).await), Some(StateError::NotInReview), "a draft");
        assert_eq!(state(editorial::archive(&db, "hund-anmelden", PUBLISHER).await), Some(StateError::NotPublished));
        editorial::submit_for_review(&db, "hund-anmelden", EDITOR).await.unwrap();
        assert_eq!(state(editorial::submit_for_review(&db, "hund-anmelden", EDITOR).await), Some(StateError::NoDraft));
        let own = editorial::publish(&db, "hund-anmelden", " Redaktion@Wolfsburg.DE").await;
        assert!(matches!(own, Err(CatalogueError::FourEyes)), "{own:?}");

        editorial::return_to_draft(&db, "hund-anmelden", PUBLISHER, "Bitte Gebühr ergänzen.").await.unwrap();
        let record = editorial::service_record(&db, "hund-anmelden").await.unwrap();
        assert_eq!((record.versions[0].status, record.versions[0].review_note.as_str()), (VersionStatus::Draft, "Bitte Gebühr ergänzen."));
        assert_eq!(state(editorial::return_to_draft(&db, "hund-anmelden", PUBLISHER, "").await), Some(StateError::NotInReview));
        let returned = &editorial::history(&db, "hund-anmelden").await.unwrap()[0];
        assert_eq!((returned.action, returned.actor.as_str(), returned.note.as_str()), (EditorialAction::Returned, PUBLISHER, "Bitte Gebühr ergänzen."));

        // Whoever edits last is the one who cannot publish: here the publisher fixed the text.
        editorial::save_draft(&db, "hund-anmelden", &content("Hund anmelden", "Register a dog", &topic, &office), PUBLISHER).await.unwrap();
        editorial::submit_for_review(&db, "hund-anmelden", PUBLISHER).await.unwrap();
        assert!(matches!(editorial::publish(&db, "hund-anmelden", PUBLISHER).await, Err(CatalogueError::FourEyes)));
        editorial::publish(&db, "hund-anmelden", EDITOR).await.expect("someone else may publish");
        assert!(matches!(editorial::publish(&db, "gibt-es-nicht", EDITOR).await, Err(CatalogueError::NotFound(_))));
    })
    .await;
}

#[tokio::test]
async fn residents_keep_the_published_version_while_a_draft_is_edited() {
    on_each_backend(|db| async move {
        let (topic, office) = taxonomy_only(&db).await;
        published(&db, "parkausweis", "Parkausweis", &topic, &office).await;
        let online_before = catalogue::published_services(&db).await.unwrap();
        let version_before = catalogue::catalogue_version(&db).await.unwrap();

        let draft = content("Bewohnerparkausweis", "Resident parking permit", &topic, &office);
        assert_eq!(editorial::save_draft(&db, "parkausweis", &draft, EDITOR).await.unwrap(), 2);
        assert_eq!(editorial::save_draft(&db, "parkausweis", &draft, EDITOR).await.unwrap(), 2, "the same draft again");
        assert_eq!(catalogue::published_services(&db).await.unwrap(), online_before);
        assert_eq!(catalogue::catalogue_version(&db).await.unwrap(), version_before, "drafts do not reload caches");
        assert_eq!(statuses(&db, "parkausweis").await, [(2, VersionStatus::Draft), (1, VersionStatus::Published)]);

        // Saving a version in review sends it back to draft.
        editorial::submit_for_review(&db, "parkausweis", EDITOR).await.unwrap();
        assert_eq!(editorial::save_draft(&db, "parkausweis", &draft, EDITOR).await.unwrap(), 2);
        assert_eq!(statuses(&db, "parkausweis").await[0], (2, VersionStatus::Draft));

        editorial::submit_for_review(&db, "parkausweis", EDITOR).await.unwrap();
        editorial::publish(&db, "parkausweis", PUBLISHER).await.unwrap();
        assert_eq!(statuses(&db, "parkausweis").await, [(2, VersionStatus::Published), (1, VersionStatus::Archived)]);
        assert_eq!(catalogue::published_services(&db).await.unwrap()[0].content.title.de, "Bewohnerparkausweis");
    })
    .await;
}

#[tokio::test]
async fn an_old_version_can_be_restored_into_the_working_draft() {
    on_each_backend(|db| async move {
        let (topic, office) = taxonomy_only(&db).await;
        published(&db, "sperrmuell", "Sperrmüll", &topic, &office).await;
        let first = editorial::load_version(&db, "sperrmuell", 1).await.unwrap().content;
        editorial::save_draft(&db, "sperrmuell", &content("Sperrmüll anmelden", "", &topic, &office), EDITOR).await.unwrap();
        editorial::submit_for_review(&db, "sperrmuell", EDITOR).await.unwrap();
        editorial::publish(&db, "sperrmuell", PUBLISHER).await.unwrap();

        assert_eq!(editorial::restore(&db, "sperrmuell", 1, "kollegin@wolfsburg.de").await.unwrap(), 3, "a new draft");
        assert_eq!(editorial::load_version(&db, "sperrmuell", 3).await.unwrap().content, first);
        editorial::save_draft(&db, "sperrmuell", &content("Zwischenstand", "", &topic, &office), EDITOR).await.unwrap();
        assert_eq!(editorial::restore(&db, "sperrmuell", 2, EDITOR).await.unwrap(), 3, "overwrites the draft");
        assert_eq!(editorial::load_version(&db, "sperrmuell", 3).await.unwrap().content.title.de, "Sperrmüll anmelden");
        assert_eq!(statuses(&db, "sperrmuell").await[..2], [(3, VersionStatus::Draft), (2, VersionStatus::Published)]);
        let restored = &editorial::history(&db, "sperrmuell").await.unwrap()[0];
        assert_eq!((restored.action, restored.number, restored.note.as_str()), (EditorialAction::Restored, 3, "2"));
        assert!(matches!(editorial::restore(&db, "sperrmuell", 9, EDITOR).await, Err(CatalogueError::NotFound(_))));
    })
    .await;
}

#[tokio::test]
async fn archiving_takes_a_service_offline_and_publishing_brings_it_back() {
    on_each_backend(|db| async move {
        let (topic, office) = taxonomy_only(&db).await;
        published(&db, "fischereischein", "Fischereischein", &topic, &office).await;
        let version_before = catalogue::catalogue_version(&db).await.unwrap();
        assert_eq!(editorial::archive(&db, "fischereischein", PUBLISHER).await.unwrap(), 1);
        assert!(catalogue::published_services(&db).await.unwrap().is_empty());
        assert_ne!(catalogue::catalogue_version(&db).await.unwrap(), version_before, "caches must reload");
        let archived = ListingFilter { status: Some(StatusFilter::Archived), ..ListingFilter::default() };
        let page = editorial::list_services(&db, &archived).await.unwrap();
        assert_eq!((page.total, page.rows[0].archived_only, page.rows[0].published), (1, true, None));
        assert!(matches!(editorial::archive(&db, "fischereischein", PUBLISHER).await, Err(CatalogueError::State(StateError::NotPublished))));

        assert_eq!(editorial::restore(&db, "fischereischein", 1, EDITOR).await.unwrap(), 2);
        editorial::submit_for_review(&db, "fischereischein", EDITOR).await.unwrap();
        editorial::publish(&db, "fischereischein", PUBLISHER).await.unwrap();
        assert_eq!(catalogue::published_services(&db).await.unwrap()[0].version, 2);
    })
    .await;
}

#[tokio::test]
async fn invalid_services_are_refused_and_nothing_is_written() {
    on_each_backend(|db| async move {
        let (topic, office) = taxonomy_only(&db).await;
        let good = content("Gewerbe anmelden", "Register a business", &topic, &office);
        editorial::create_service(&db, "gewerbe-anmelden", "register-a-business", &good, EDITOR).await.unwrap();
        let create = |slug_de: &'static str, slug_en: &'static str, content: ServiceContent| {
            let db = db.clone();
            async move { editorial::create_service(&db, slug_de, slug_en, &content, EDITOR).await.unwrap_err() }
        };
        let error = create("Gewerbe", "business", good.clone()).await;
        assert!(matches!(&error, CatalogueError::InvalidSlug(s) if s == "Gewerbe"), "{error:?}");
        assert!(matches!(create("gewerbe", "a--b", good.clone()).await, CatalogueError::InvalidSlug(_)));
        let error = create("neu", "register-a-business", good.clone()).await;
        assert!(matches!(&error, CatalogueError::SlugTaken(s) if s == "register-a-business"), "{error:?}");
        assert!(matches!(create("register-a-business", "neu", good.clone()).await, CatalogueError::SlugTaken(_)), "namespaces are shared");
        assert!(matches!(create("gleich", "gleich", good.clone()).await, CatalogueError::SlugTaken(_)));
        let mut unknown = good.clone();
        unknown.topics.push("gibt-es-nicht".into());
        assert!(matches!(create("neu", "new", unknown).await, CatalogueError::UnknownTopic(t) if t == "gibt-es-nicht"));
        let mut unknown = good.clone();
        unknown.offices = vec!["nirgendwo".into()];
        assert!(matches!(create("neu", "new", unknown).await, CatalogueError::UnknownOffice(_)));
        let mut unknown = good.clone();
        unknown.life_situations = vec!["nie".into()];
        assert!(matches!(create("neu", "new", unknown).await, CatalogueError::UnknownLifeSituation(_)));
        let mut untitled = good.clone();
        untitled.title.de = "  ".into();
        assert!(matches!(create("neu", "new", untitled.clone()).await, CatalogueError::TitleMissing));
        let mut leika = good.clone();
        leika.leika_key = Some("123".into());
        assert!(matches!(create("neu", "new", leika).await, CatalogueError::InvalidLeikaKey(_)));
        let save = editorial::save_draft(&db, "gewerbe-anmelden", &untitled, EDITOR).await;
        assert!(matches!(save, Err(CatalogueError::TitleMissing)));
        assert!(matches!(editorial::save_draft(&db, "gibt-es-nicht", &good, EDITOR).await, Err(CatalogueError::NotFound(_))));

        let services: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM services").fetch_one(db.pool()).await.unwrap();
        let versions: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM service_versions").fetch_one(db.pool()).await.unwrap();
        assert_eq!((services, versions), (1, 1));
        assert_eq!(editorial::load_version(&db, "gewerbe-anmelden", 1).await.unwrap().content, good);
    })
    .await;
}

#[tokio::test]
async fn concurrent_saves_of_one_service_take_turns() {
    on_each_backend(|db| async move {
        let (topic, office) = taxonomy_only(&db).await;
        published(&db, "anwohnerfest", "Anwohnerfest", &topic, &office).await;
        let saves = (0..8).map(|n| {
            let db = db.clone();
            let content = content(&format!("Anwohnerfest {n}"), "", &topic, &office);
            async move { editorial::save_draft(&db, "anwohnerfest", &content, &format!("person{n}@wolfsburg.de")).await }
        });
        for result in futures_join_all(saves).await {
            assert_eq!(result.expect("no lock errors"), 2, "all saves land in the one working draft");
        }
        assert_eq!(statuses(&db, "anwohnerfest").await.len(), 2);
    })
    .await;
}

/// Runs the futures concurrently on the test's runtime.
async fn futures_join_all<F: std::future::Future + Send + 'static>(futures: impl Iterator<Item = F>) -> Vec<F::Output>
where
    F::Output: Send + 'static,
{
    let handles: Vec<_> = futures.map(tokio::spawn).collect();
    let mut results = Vec::new();
    for handle in handles {
        results.push(handle.await.expect("task"));
    }
    results
}

#[tokio::test]
async fn export_and_import_keep_the_editorial_fields() {
    on_each_backend(|db| async move {
        let (topic, office) = taxonomy_only(&db).await;
        published(&db, "kita-platz", "Kitaplatz", &topic, &office).await;
        editorial::save_draft(&db, "kita-platz", &content("Kita", "", &topic, &office), "kollegin@wolfsburg.de").await.unwrap();
        editorial::save_draft(&db, "kita-platz", &content("Kita-Platz", "", &topic, &office), EDITOR).await.unwrap();
        editorial::submit_for_review(&db, "kita-platz", EDITOR).await.unwrap();
        editorial::return_to_draft(&db, "kita-platz", PUBLISHER, "Titel prüfen").await.unwrap();
        let exported = catalogue::export_catalogue(&db).await.unwrap();
        let draft = &exported.services[0].versions[1];
        assert_eq!((draft.updated_by.as_deref(), draft.review_note.as_str()), (Some(EDITOR), "Titel prüfen"));
        assert_eq!(exported.services[0].versions[0].updated_by, None, "unchanged since creation");
        catalogue::import_catalogue(&db, &exported).await.unwrap();
        assert_eq!(catalogue::export_catalogue(&db).await.unwrap(), exported);
        assert!(editorial::history(&db, "kita-platz").await.unwrap().is_empty(), "the history is not part of an export");
    })
    .await;
}

#[tokio::test]
async fn the_migration_backfill_computes_what_the_application_writes() {
    on_each_backend(|db| async move {
        let mut demo = catalogue::demo_catalogue().unwrap();
        demo.services[0].versions[0].content.teaser.en.clear();
        let easy = &mut demo.services[1].versions[0].content;
        (easy.title.ls, easy.teaser.ls, easy.description.ls) = ("Leicht".into(), "Leicht".into(), "Leicht".into());
        demo.services[2].versions[0].content.title.de = "Änderung der ÖFFNUNGSZEITEN, Übung, Straße".into();
        catalogue::import_catalogue(&db, &demo).await.unwrap();
        let facts = || async {
            sqlx::query_as::<_, (i64, String, String, String, String, String, i64, i64)>(
                "SELECT id, title_de, title_key, search_text, topics, offices, missing_en, missing_ls FROM service_versions ORDER BY id",
            )
            .fetch_all(db.pool())
            .await
            .unwrap()
        };
        let written = facts().await;
        let migration = match db.backend() {
            Backend::Sqlite => include_str!("../migrations/sqlite/20261126000006_editorial.sql"),
            Backend::Postgres => include_str!("../migrations/postgres/20261126000006_editorial.sql"),
        };
        sqlx::query("UPDATE service_versions SET title_de = '', title_key = '', search_text = '', topics = '', offices = ''")
            .execute(db.pool())
            .await
            .unwrap();
        let updates = migration.split(';').map(str::trim).filter(|s| s.lines().any(|l| l.starts_with("UPDATE")));
        for statement in updates {
            sqlx::query(statement).execute(db.pool()).await.unwrap();
        }
        assert_eq!(facts().await, written);
        assert!([0, 1].iter().all(|flag| written.iter().any(|row| row.6 == *flag) && written.iter().any(|row| row.7 == *flag)));
        assert!(written.iter().any(|row| row.2 == "anderung der offnungszeiten, ubung, strase"));
        assert!(written.iter().any(|row| row.4.contains('|')) && written.iter().any(|row| row.5.contains('|')));
    })
    .await;
}

#[tokio::test]
async fn the_listing_filters_sorts_and_pages() {
    on_each_backend(|db| async move {
        let (topic, office) = taxonomy_only(&db).await;
        let other_topic = catalogue::demo_catalogue().unwrap().topics[1].slug_de.clone();
        published(&db, "zulassung", "Zulassung", &topic, &office).await;
        let untranslated = content("Ärztliche Bescheinigung", "", &other_topic, &office);
        editorial::create_service(&db, "aerztliche-bescheinigung", "medical-certificate", &untranslated, EDITOR).await.unwrap();
        editorial::create_service(&db, "abmeldung", "deregistration", &content("abmeldung", "Deregistration", &topic, &office), EDITOR).await.unwrap();
        editorial::submit_for_review(&db, "abmeldung", EDITOR).await.unwrap();
        published(&db, "baumschutz", "Baumschutz", &topic, &office).await;
        editorial::archive(&db, "baumschutz", PUBLISHER).await.unwrap();
        published(&db, "chipkarte", "Chipkarte", &topic, &office).await;
        editorial::save_draft(&db, "chipkarte", &content("Chipkarte", "Chip card", &topic, &office), "kollegin@wolfsburg.de").await.unwrap();

        let list = |filter: ListingFilter| {
            let db = db.clone();
            async move {
                let page = editorial::list_services(&db, &filter).await.expect("list");
                page.rows.into_iter().map(|row| row.slug_de).collect::<Vec<_>>()
            }
        };
        let all = ListingFilter::default();
        assert_eq!(list(all.clone()).await, ["abmeldung", "aerztliche-bescheinigung", "baumschutz", "chipkarte", "zulassung"], "by title, Ä with A");
        let status = |status| ListingFilter { status: Some(status), ..all.clone() };
        assert_eq!(list(status(StatusFilter::Draft)).await, ["aerztliche-bescheinigung", "chipkarte"]);
        assert_eq!(list(status(StatusFilter::InReview)).await, ["abmeldung"]);
        assert_eq!(list(status(StatusFilter::Published)).await, ["chipkarte", "zulassung"]);
        assert_eq!(list(status(StatusFilter::Archived)).await, ["baumschutz"]);
        assert_eq!(list(ListingFilter { missing_en: true, ..all.clone() }).await, ["aerztliche-bescheinigung"]);
        assert_eq!(list(ListingFilter { missing_ls: true, ..all.clone() }).await.len(), 5);
        assert_eq!(list(ListingFilter { topic: Some(other_topic.clone()), ..all.clone() }).await, ["aerztliche-bescheinigung"]);
        assert_eq!(list(ListingFilter { office: Some(office.clone()), ..all.clone() }).await.len(), 5);
        assert!(list(ListingFilter { office: Some("nirgendwo".into()), ..all.clone() }).await.is_empty());
        let query = |text: &str| ListingFilter { query: text.into(), ..all.clone() };
        assert_eq!(list(query(" ÄRZT")).await, ["aerztliche-bescheinigung"], "German title, case and umlauts folded");
        assert_eq!(list(query("deregistr")).await, ["abmeldung"], "English title");
        assert_eq!(list(query("medical-cert")).await, ["aerztliche-bescheinigung"], "English slug");
        assert!(list(query("%")).await.is_empty(), "wildcards are literal");
        let both = ListingFilter { status: Some(StatusFilter::Published), query: "chip".into(), ..all.clone() };
        assert_eq!(list(both).await, ["chipkarte"]);

        let page = editorial::list_services(&db, &query("chipkarte")).await.unwrap();
        let row = &page.rows[0];
        assert_eq!((row.published, row.working), (Some(1), Some(WorkingVersion { number: 2, status: VersionStatus::Draft })));
        assert_eq!((row.archived_only, row.missing_en, row.updated_by.as_str()), (false, false, "kollegin@wolfsburg.de"));
        assert_eq!((row.topics.clone(), row.offices.clone()), (vec![topic.clone()], vec![office.clone()]));

        let more = catalogue::synthetic::synthetic_services(0, 60, std::slice::from_ref(&topic), std::slice::from_ref(&office));
        catalogue::insert_services(&db, &more).await.unwrap();
        let first = editorial::list_services(&db, &all).await.unwrap();
        assert_eq!((first.total, first.page, first.rows.len()), (65, 0, editorial::PAGE_SIZE));
        let past_end = editorial::list_services(&db, &ListingFilter { page: 7, ..all.clone() }).await.unwrap();
        assert_eq!((past_end.page, past_end.rows.len()), (1, 15), "a page past the end shows the last page");
        let none = editorial::list_services(&db, &query("gibt es nicht")).await.unwrap();
        assert_eq!((none.total, none.page, none.rows.len()), (0, 0, 0));
    })
    .await;
}
