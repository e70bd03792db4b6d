//! Staff editing of topics, life situations, offices, synonyms and featured services, on SQLite
//! and PostgreSQL alike.
#![cfg(feature = "ssr")]

mod support;

use app::catalogue::hours_text::{parse_exceptions, parse_hours};
use app::catalogue::synonyms_text::parse_synonyms;
use app::catalogue::taxonomy_edit::{self as edit, EntryKind, Problem, TaxonomyError};
use app::catalogue::{self, Catalogue, ServiceContent, ServiceVersion, SynonymGroups, VersionStatus};
use app::db::Db;
use support::on_each_backend;

/// Loads the demo catalogue; returns it and the catalogue version after the import.
async fn seed(db: &Db) -> (Catalogue, String) {
    let demo = catalogue::demo_catalogue().expect("demo catalogue parses");
    catalogue::import_catalogue(db, &demo).await.expect("import");
    (demo, catalogue::catalogue_version(db).await.unwrap())
}

/// Asserts the catalogue version changed since `before`; returns the new one.
async fn bumped(db: &Db, before: &str) -> String {
    let now = catalogue::catalogue_version(db).await.unwrap();
    assert_ne!(now, before, "a successful write must bump the catalogue version");
    now
}

/// Asserts the catalogue version is still `before`.
async fn unchanged(db: &Db, before: &str) {
    assert_eq!(catalogue::catalogue_version(db).await.unwrap(), before, "a refused write must not bump the catalogue version");
}

/// Renames the references in every version of `catalogue`, as the database should have done.
fn rename(catalogue: &mut Catalogue, list: fn(&mut ServiceContent) -> &mut Vec<String>, old: &str, new: &str) {
    for version in catalogue.services.iter_mut().flat_map(|s| s.versions.iter_mut()) {
        for slug in list(&mut version.content).iter_mut().filter(|slug| *slug == old) {
            *slug = new.to_string();
        }
    }
}

fn field_of(error: &TaxonomyError) -> Vec<&'static str> {
    error.field_problems().iter().map(|p| p.field).collect()
}

#[tokio::test]
async fn editing_a_topic_name_changes_only_the_topic() {
    on_each_backend(|db| async move {
        let (mut expected, version) = seed(&db).await;
        let topic = expected.topics.iter_mut().find(|t| t.slug_de == "bauen").unwrap();
        topic.name.de = "Bauen und Wohnen".into();
        topic.name.ls = "Ein Haus bauen".into();
        topic.description.en = "Building permits and advice.".into();
        topic.position = 42;
        let topic = topic.clone();
        edit::save_topic(&db, Some("bauen"), &topic).await.expect("save");
        bumped(&db, &version).await;
        assert_eq!(catalogue::export_catalogue(&db).await.unwrap(), expected);
        let position: i64 = sqlx::query_scalar("SELECT position FROM topics WHERE slug_de = 'bauen'").fetch_one(db.pool()).await.unwrap();
        assert_eq!(position, 42, "the sort column follows the document");
    })
    .await;
}

#[tokio::test]
async fn a_new_slug_is_carried_into_every_service_version() {
    on_each_backend(|db| async move {
        let (mut expected, mut version) = seed(&db).await;

        let mut topic = expected.topics.iter().find(|t| t.slug_de == "tiere").unwrap().clone();
        topic.slug_de = "haustiere".into();
        topic.slug_en = "pets".into();
        edit::save_topic(&db, Some("tiere"), &topic).await.expect("rename topic");
        version = bumped(&db, &version).await;
        *expected.topics.iter_mut().find(|t| t.slug_de == "tiere").unwrap() = topic;
        rename(&mut expected, |c| &mut c.topics, "tiere", "haustiere");

        let mut office = expected.offices.iter().find(|o| o.slug_de == "fundbuero").unwrap().clone();
        office.slug_de = "fundbuero-mitte".into();
        edit::save_office(&db, Some("fundbuero"), &office).await.expect("rename office");
        version = bumped(&db, &version).await;
        *expected.offices.iter_mut().find(|o| o.slug_de == "fundbuero").unwrap() = office;
        rename(&mut expected, |c| &mut c.offices, "fundbuero", "fundbuero-mitte");

        let mut situation = expected.life_situations.iter().find(|s| s.slug_de == "umzug").unwrap().clone();
        situation.slug_de = "umziehen".into();
        edit::save_life_situation(&db, Some("umzug"), &situation).await.expect("rename life situation");
        bumped(&db, &version).await;
        for entry in expected.life_situations.iter_mut() {
            if entry.slug_de == "umzug" {
                *entry = situation.clone();
            } else if entry.parent.as_deref() == Some("umzug") {
                entry.parent = Some("umziehen".into());
            }
        }
        rename(&mut expected, |c| &mut c.life_situations, "umzug", "umziehen");

        let exported = catalogue::export_catalogue(&db).await.unwrap();
        assert_eq!(exported, expected);
        let services_with_pets = exported.services.iter().filter(|s| s.versions[0].content.topics.contains(&"haustiere".to_string())).count();
        assert_eq!(services_with_pets, 4);
        let parents: Vec<String> =
            sqlx::query_scalar("SELECT parent_slug FROM life_situations WHERE parent_slug IS NOT NULL ORDER BY id").fetch_all(db.pool()).await.unwrap();
        assert_eq!(parents, ["umziehen", "umziehen", "auto"]);
        catalogue::import_catalogue(&db, &exported).await.expect("the edited catalogue is still valid");
    })
    .await;
}

#[tokio::test]
async fn deleting_is_refused_while_current_versions_refer_to_an_entry() {
    on_each_backend(|db| async move {
        let mut demo = catalogue::demo_catalogue().unwrap();
        // One service gains an archived version naming a topic nothing current names.
        let mut extra = demo.topics[0].clone();
        (extra.slug_de, extra.slug_en) = ("altes-thema".into(), "old-topic".into());
        demo.topics.push(extra);
        let service = &mut demo.services[0];
        let mut archived: ServiceVersion = service.versions[0].clone();
        archived.status = VersionStatus::Archived;
        archived.content.topics.push("altes-thema".into());
        service.versions[0].number = 2;
        service.versions.insert(0, archived);
        // Another gains a draft naming the pets topic.
        let mut draft = demo.services[1].versions[0].clone();
        (draft.number, draft.status) = (2, VersionStatus::Draft);
        draft.content.topics = vec!["tiere".into()];
        demo.services[1].versions.push(draft);
        catalogue::import_catalogue(&db, &demo).await.unwrap();
        let version = catalogue::catalogue_version(&db).await.unwrap();

        let refused = edit::delete_topic(&db, "tiere").await.unwrap_err();
        match &refused {
            TaxonomyError::InUse { kind: EntryKind::Topic, slug, versions: 5, services } => {
                assert_eq!(slug, "tiere");
                assert_eq!(services.len(), 5);
                assert!(services.contains(&demo.services[1].slug_de));
            }
            other => panic!("{other:?}"),
        }
        assert!(refused.message_de().contains("5 Versionen von Leistungen"), "{}", refused.message_de());
        assert!(matches!(edit::delete_office(&db, "kita-servicestelle").await, Err(TaxonomyError::InUse { versions: 2, .. })));
        let children = edit::delete_life_situation(&db, "umzug").await.unwrap_err();
        assert!(matches!(&children, TaxonomyError::HasChildren { children, .. } if children == &["umzug-innerhalb-wolfsburg", "zuzug-nach-wolfsburg"]));
        assert!(children.message_de().contains("2 andere Lebenslagen"), "{}", children.message_de());
        assert!(matches!(edit::delete_topic(&db, "gibt-es-nicht").await, Err(TaxonomyError::NotFound { .. })));
        unchanged(&db, &version).await;

        edit::delete_topic(&db, "altes-thema").await.expect("only an archived version names it");
        let version = bumped(&db, &version).await;
        let exported = catalogue::export_catalogue(&db).await.unwrap();
        assert!(!exported.topics.iter().any(|t| t.slug_de == "altes-thema"));
        assert_eq!(exported.services[0].versions[0].content.topics, demo.services[0].versions[1].content.topics, "the archived version lost the reference");
        catalogue::import_catalogue(&db, &exported).await.expect("still exportable");
        let version = bumped(&db, &version).await;

        edit::delete_life_situation(&db, "auto-kaufen").await.expect_err("services name it");
        unchanged(&db, &version).await;
    })
    .await;
}

#[tokio::test]
async fn life_situations_cannot_become_their_own_ancestors() {
    on_each_backend(|db| async move {
        let (demo, version) = seed(&db).await;
        let situation = |slug: &str| demo.life_situations.iter().find(|s| s.slug_de == slug).unwrap().clone();
        let cycle = |error: TaxonomyError| match error.problem("parent") {
            Some(Problem::Cycle { path }) => path.clone(),
            other => panic!("{other:?} in {error:?}"),
        };

        let mut umzug = situation("umzug");
        umzug.parent = Some("zuzug-nach-wolfsburg".into());
        let error = edit::save_life_situation(&db, Some("umzug"), &umzug).await.unwrap_err();
        assert!(error.message_de().contains("nicht unter sich selbst"), "{}", error.message_de());
        assert_eq!(cycle(error), ["umzug", "zuzug-nach-wolfsburg", "umzug"]);

        umzug.parent = Some("umzug".into());
        assert_eq!(cycle(edit::save_life_situation(&db, Some("umzug"), &umzug).await.unwrap_err()), ["umzug", "umzug"]);

        // Renamed in the same save: the children still name the old slug.
        umzug.slug_de = "umziehen".into();
        umzug.parent = Some("umzug-innerhalb-wolfsburg".into());
        let path = cycle(edit::save_life_situation(&db, Some("umzug"), &umzug).await.unwrap_err());
        assert_eq!(path, ["umziehen", "umzug-innerhalb-wolfsburg", "umziehen"]);

        umzug.parent = Some("gibt-es-nicht".into());
        let error = edit::save_life_situation(&db, Some("umzug"), &umzug).await.unwrap_err();
        assert_eq!(error.problem("parent"), Some(&Problem::UnknownParent { slug: "gibt-es-nicht".into() }));
        unchanged(&db, &version).await;

        let mut auto_kaufen = situation("auto-kaufen");
        auto_kaufen.parent = Some(" ".into());
        edit::save_life_situation(&db, Some("auto-kaufen"), &auto_kaufen).await.expect("a blank parent is none");
        let mut auto = situation("auto");
        auto.parent = Some("auto-kaufen".into());
        edit::save_life_situation(&db, Some("auto"), &auto).await.expect("the tree may be turned around step by step");
        bumped(&db, &version).await;
        let taxonomy = catalogue::load_taxonomy(&db).await.unwrap();
        let parent_of = |slug: &str| taxonomy.life_situations.iter().find(|s| s.slug_de == slug).unwrap().parent.clone();
        assert_eq!((parent_of("auto"), parent_of("auto-kaufen")), (Some("auto-kaufen".into()), None));
    })
    .await;
}

#[tokio::test]
async fn office_hours_are_saved_and_reloaded() {
    on_each_backend(|db| async move {
        let (demo, version) = seed(&db).await;
        let mut office = demo.offices.iter().find(|o| o.slug_de == "buergerbuero-mitte").unwrap().clone();
        office.hours = parse_hours("Mo-Mi 8-12 | nur mit Termin | en: by appointment only\nDo 08:00-12:00, 14:00-18:00\nFr 8-12").unwrap();
        office.exceptions = parse_exceptions("24.12.2026 geschlossen | Heiligabend | en: Christmas Eve\n2026-12-31 08:00-12:00 | Silvester").unwrap();
        office.phone = "+49 5361 28-0".into();
        edit::save_office(&db, Some("buergerbuero-mitte"), &office).await.expect("save");
        let version = bumped(&db, &version).await;
        let stored = catalogue::load_taxonomy(&db).await.unwrap().offices.into_iter().find(|o| o.slug_de == "buergerbuero-mitte").unwrap();
        assert_eq!(stored, office);
        assert_eq!(stored.hours.len(), 5);
        assert_eq!(stored.hours[3].intervals[1], ("14:00".to_string(), "18:00".to_string()));

        let mut bad = office.clone();
        bad.postcode = "3844".into();
        bad.hours[0].intervals = vec![("08:00".into(), "12:00".into()), ("11:00".into(), "13:00".into())];
        bad.email = "nicht-gueltig".into();
        let error = edit::save_office(&db, Some("buergerbuero-mitte"), &bad).await.unwrap_err();
        assert_eq!(field_of(&error), ["postcode", "email", "hours"]);
        assert!(error.message_de().contains("überschneiden sich"), "{}", error.message_de());
        unchanged(&db, &version).await;

        let mut new = office.clone();
        (new.slug_de, new.slug_en) = ("buergerbuero-west".into(), "citizen-office-centre".into());
        let error = edit::save_office(&db, None, &new).await.unwrap_err();
        assert_eq!(error.problem("slug_en"), Some(&Problem::SlugTaken { by: "buergerbuero-mitte".into() }));
        new.slug_en = "citizen-office-west".into();
        edit::save_office(&db, None, &new).await.expect("new office");
        bumped(&db, &version).await;
        assert_eq!(catalogue::load_taxonomy(&db).await.unwrap().offices.last(), Some(&new));
    })
    .await;
}

#[tokio::test]
async fn new_topics_need_free_slugs_and_a_german_name() {
    on_each_backend(|db| async move {
        let (demo, version) = seed(&db).await;
        let mut topic = demo.topics[0].clone();
        (topic.slug_de, topic.slug_en) = ("bauen".into(), "tiere".into());
        topic.name.de = String::new();
        let error = edit::save_topic(&db, None, &topic).await.unwrap_err();
        assert_eq!(field_of(&error), ["name.de", "slug_de", "slug_en"]);
        assert_eq!(error.problem("slug_en"), Some(&Problem::SlugTaken { by: "tiere".into() }));
        assert!(error.message_de().contains("Bitte füllen Sie „Name (Deutsch)“ aus."), "{}", error.message_de());
        let missing = edit::save_topic(&db, Some("gibt-es-nicht"), &topic).await.unwrap_err();
        assert!(matches!(&missing, TaxonomyError::NotFound { kind: EntryKind::Topic, slug } if slug == "gibt-es-nicht"));
        unchanged(&db, &version).await;

        (topic.slug_de, topic.slug_en) = ("kultur".into(), "culture".into());
        topic.name.de = "Kultur".into();
        edit::save_topic(&db, None, &topic).await.expect("new topic");
        bumped(&db, &version).await;
        let topics = catalogue::load_taxonomy(&db).await.unwrap().topics;
        assert_eq!(topics.last(), Some(&topic));
        edit::delete_topic(&db, "kultur").await.expect("nothing names it");
    })
    .await;
}

#[tokio::test]
async fn synonyms_are_saved_and_loaded() {
    on_each_backend(|db| async move {
        let (_, version) = seed(&db).await;
        let synonyms = SynonymGroups {
            de: parse_synonyms("Auto, KFZ, Fahrzeug\nsperrmüll, sperrgut").unwrap(),
            en: parse_synonyms("car, vehicle").unwrap(),
        };
        edit::save_synonyms(&db, &synonyms).await.expect("save");
        let version = bumped(&db, &version).await;
        assert_eq!(catalogue::load_taxonomy(&db).await.unwrap().synonyms, synonyms);

        let bad = SynonymGroups { de: vec![vec!["allein".into()]], en: vec![vec!["Car".into(), "auto".into()]] };
        let error = edit::save_synonyms(&db, &bad).await.unwrap_err();
        assert_eq!(field_of(&error), ["synonyms.de", "synonyms.en"]);
        assert!(matches!(error.problem("synonyms.de"), Some(Problem::Lines(lines)) if lines[0].line == 1));
        unchanged(&db, &version).await;
    })
    .await;
}

#[tokio::test]
async fn featured_services_must_exist() {
    on_each_backend(|db| async move {
        let (demo, version) = seed(&db).await;
        let wanted = vec!["wohnung-anmelden".to_string(), "gibt-es-nicht".into(), "wohnung-anmelden".into()];
        let error = edit::save_featured(&db, &wanted).await.unwrap_err();
        assert_eq!(
            error.field_problems().iter().map(|p| p.problem.clone()).collect::<Vec<_>>(),
            [Problem::Duplicate { slug: "wohnung-anmelden".into() }, Problem::UnknownService { slug: "gibt-es-nicht".into() }]
        );
        assert!(error.message_de().contains("Die Leistung „gibt-es-nicht“ gibt es nicht."), "{}", error.message_de());
        unchanged(&db, &version).await;
        assert_eq!(catalogue::load_taxonomy(&db).await.unwrap().featured, demo.featured);

        let featured = vec!["wohnung-anmelden".to_string(), demo.services[5].slug_de.clone()];
        edit::save_featured(&db, &featured).await.expect("save");
        bumped(&db, &version).await;
        assert_eq!(catalogue::load_taxonomy(&db).await.unwrap().featured, featured);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_edits_queue_instead_of_failing() {
    on_each_backend(|db| async move {
        let (demo, _) = seed(&db).await;
        let edits = demo.topics.iter().take(6).map(|topic| {
            let (db, mut topic) = (db.clone(), topic.clone());
            async move {
                let original = topic.slug_de.clone();
                topic.slug_de.push_str("-neu");
                topic.name.de.push_str(" (neu)");
                edit::save_topic(&db, Some(&original), &topic).await
            }
        });
        for result in futures_join_all(edits).await {
            result.expect("each edit waits for the catalogue lock");
        }
        let exported = catalogue::export_catalogue(&db).await.unwrap();
        assert_eq!(exported.topics.iter().filter(|t| t.slug_de.ends_with("-neu")).count(), 6);
        catalogue::import_catalogue(&db, &exported).await.expect("references followed every rename");
    })
    .await;
}

/// Runs the futures concurrently on the test runtime and collects their results in order.
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
