//! Database tests, run on SQLite and PostgreSQL alike.
#![cfg(feature = "ssr")]

mod support;

use app::auth::{create_user, hash_password, NewUser, Role, UserError};
use app::catalogue::{self, Catalogue, Service, ServiceVersion, VersionStatus};
use app::db::Row;
use support::on_each_backend;

#[tokio::test]
async fn migrating_twice_changes_nothing() {
    on_each_backend(|db| async move {
        db.migrate().await.expect("second migration run");
        db.ping().await.expect("ping");
    })
    .await;
}

#[tokio::test]
async fn accounts_are_unique_by_email_and_keep_their_roles() {
    on_each_backend(|db| async move {
        let hash = hash_password("ein langes gutes Passwort").unwrap();
        let id = create_user(&db, NewUser { email: "Anna@Wolfsburg.de ", display_name: "Anna", roles: &[Role::Editor, Role::Publisher], password_hash: &hash })
            .await
            .expect("create");
        let again = create_user(&db, NewUser { email: "anna@wolfsburg.de", display_name: "", roles: &[], password_hash: &hash }).await;
        assert!(matches!(again, Err(UserError::Exists(_))), "{again:?}");
        let roles: Vec<String> = sqlx::query_scalar("SELECT role FROM user_roles WHERE user_id = $1 ORDER BY role")
            .bind(id)
            .fetch_all(db.pool())
            .await
            .unwrap();
        assert_eq!(roles, ["editor", "publisher"]);
        let bad = create_user(&db, NewUser { email: "no-at-sign", display_name: "", roles: &[], password_hash: &hash }).await;
        assert!(matches!(bad, Err(UserError::InvalidEmail(_))));
    })
    .await;
}

#[tokio::test]
async fn export_then_import_gives_an_identical_catalogue() {
    on_each_backend(|db| async move {
        let mut demo = catalogue::demo_catalogue().expect("demo catalogue parses");
        let topics: Vec<String> = demo.topics.iter().map(|t| t.slug_de.clone()).collect();
        let offices: Vec<String> = demo.offices.iter().map(|o| o.slug_de.clone()).collect();
        demo.services.extend(catalogue::synthetic::synthetic_services(0, 25, &topics, &offices));
        catalogue::import_catalogue(&db, &demo).await.expect("import");
        let exported = catalogue::export_catalogue(&db).await.expect("export");
        assert_eq!(exported, demo);
        catalogue::import_catalogue(&db, &exported).await.expect("re-import");
        assert_eq!(catalogue::export_catalogue(&db).await.expect("export again"), demo);
    })
    .await;
}

fn two_version_catalogue() -> Catalogue {
    let mut content = catalogue::synthetic::synthetic_services(0, 1, &[], &[]).remove(0).versions.remove(0).content;
    let first = content.clone();
    content.title.de = "Neuer Titel".into();
    let version = |number, status, content| ServiceVersion {
        number,
        status,
        content,
        created_at: 1_790_000_000 + number,
        created_by: "redaktion@wolfsburg.de".into(),
        approved_at: None,
        approved_by: None,
        updated_at: None,
        updated_by: None,
        review_note: String::new(),
    };
    Catalogue {
        format: 1,
        services: vec![Service {
            slug_de: "testleistung".into(),
            slug_en: "test-service".into(),
            versions: vec![version(1, VersionStatus::Published, first), version(2, VersionStatus::Draft, content)],
        }],
        ..Catalogue::default()
    }
}

#[tokio::test]
async fn publishing_a_draft_archives_the_previous_version() {
    on_each_backend(|db| async move {
        catalogue::import_catalogue(&db, &two_version_catalogue()).await.expect("import");
        let before = catalogue::published_services(&db).await.unwrap();
        assert_eq!(before.len(), 1);
        assert_eq!(before[0].version, 1);

        catalogue::publish_version(&db, "testleistung", 2, "publisher@wolfsburg.de").await.expect("publish");
        let after = catalogue::published_services(&db).await.unwrap();
        assert_eq!(after.len(), 1);
        assert_eq!(after[0].version, 2);
        assert_eq!(after[0].content.title.de, "Neuer Titel");
        assert_eq!(after[0].approved_by.as_deref(), Some("publisher@wolfsburg.de"));
        let statuses: Vec<String> = sqlx::query_scalar("SELECT status FROM service_versions ORDER BY number")
            .fetch_all(db.pool())
            .await
            .unwrap();
        assert_eq!(statuses, ["archived", "published"]);

        let missing = catalogue::publish_version(&db, "testleistung", 9, "x").await;
        assert!(matches!(missing, Err(catalogue::CatalogueError::NotFound(_))));
    })
    .await;
}

#[tokio::test]
async fn a_second_published_version_is_refused_by_the_database() {
    on_each_backend(|db| async move {
        catalogue::import_catalogue(&db, &two_version_catalogue()).await.expect("import");
        let result = sqlx::query("UPDATE service_versions SET status = 'published' WHERE number = 2").execute(db.pool()).await;
        assert!(result.is_err(), "the unique index must refuse two published versions");
    })
    .await;
}

#[tokio::test]
async fn invalid_imports_change_nothing() {
    on_each_backend(|db| async move {
        catalogue::import_catalogue(&db, &two_version_catalogue()).await.expect("import");
        let mut bad = two_version_catalogue();
        bad.services[0].versions[1].content.topics = vec!["gibt-es-nicht".into()];
        let error = catalogue::import_catalogue(&db, &bad).await.unwrap_err();
        assert!(error.to_string().contains("unknown topic"), "{error}");
        let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM service_versions").fetch_one(db.pool()).await.unwrap();
        assert_eq!(count, 2);
    })
    .await;
}

#[tokio::test]
async fn an_older_database_migrates_forward_without_losing_data() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/old.db", dir.path().display());
    let db = app::db::Db::connect(&url).await.unwrap();
    let mut first_release = sqlx::migrate!("./migrations/sqlite");
    first_release.migrations = std::borrow::Cow::Owned(first_release.migrations[..1].to_vec());
    first_release.run(db.pool()).await.expect("old schema");
    let hash = hash_password("ein langes gutes Passwort").unwrap();
    create_user(&db, NewUser { email: "alt@wolfsburg.de", display_name: "Alt", roles: &[Role::Caseworker], password_hash: &hash })
        .await
        .unwrap();
    db.migrate().await.expect("migrate forward");
    let row = sqlx::query("SELECT email FROM users").fetch_one(db.pool()).await.unwrap();
    assert_eq!(row.try_get::<String, _>("email").unwrap(), "alt@wolfsburg.de");
    catalogue::import_catalogue(&db, &two_version_catalogue()).await.expect("new tables usable");
}

#[tokio::test]
async fn search_keys_are_written_again_with_their_request_columns_by_migration_014() {
    let dir = tempfile::tempdir().unwrap();
    let db = app::db::Db::connect(&format!("sqlite://{}/old.db", dir.path().display())).await.unwrap();
    let mut before = sqlx::migrate!("./migrations/sqlite");
    let at_013 = before.migrations.iter().position(|m| m.version == 20261127000013).unwrap();
    before.migrations = std::borrow::Cow::Owned(before.migrations[..=at_013].to_vec());
    before.run(db.pool()).await.expect("schema of migration 013");
    catalogue::seed_demo(&db).await.unwrap();
    app::requests::store::seed_demo_forms(&db).await.unwrap();
    sqlx::query(
        "INSERT INTO requests (reference, pin_hash, idempotency_key, service_id, service_title, office_slug, form_version_id, lang, answers, \
         applicant_name, email, status, assignee, submitted_at, expected_day, updated_at) \
         SELECT '2026-ABCD-EFGH', '', 'old', service_id, 'Alt', 'buergerbuero', id, 'de', '{}', 'Anna Alt', '', 'waiting', 'x@rathaus.example', 100, 20, 100 \
         FROM form_versions ORDER BY id LIMIT 1",
    )
    .execute(db.pool())
    .await
    .unwrap();
    sqlx::query("INSERT INTO request_search_keys (search_key, request_id) SELECT 'anna alt', id FROM requests").execute(db.pool()).await.unwrap();
    db.migrate().await.expect("migrate forward");
    let key = sqlx::query("SELECT k.status, k.assignee, k.expected_day, k.service_id = r.service_id AS same_service FROM request_search_keys k JOIN requests r ON r.id = k.request_id WHERE k.search_key = 'anna alt'")
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert_eq!(key.try_get::<String, _>("status").unwrap(), "waiting");
    assert_eq!(key.try_get::<Option<String>, _>("assignee").unwrap().as_deref(), Some("x@rathaus.example"));
    assert_eq!((key.try_get::<i64, _>("expected_day").unwrap(), key.try_get::<i64, _>("same_service").unwrap()), (20, 1));
    let filter = app::inbox::model::InboxFilter { search: "anna".into(), status: app::inbox::model::StatusFilter::Open, ..Default::default() };
    let found = app::inbox::store::list(&db, &filter, "x@rathaus.example").await.unwrap();
    assert_eq!(found.rows.iter().map(|row| row.reference.as_str()).collect::<Vec<_>>(), ["2026-ABCD-EFGH"]);
}

#[tokio::test]
async fn feedback_and_form_flashes_round_trip() {
    use app::feedback::{self, FeedbackDraft, FeedbackFlash, FieldError};
    on_each_backend(|db| async move {
        let draft = FeedbackDraft { message: "  Kontrast zu gering  ".into(), contact: "".into(), page: "/impressum".into() };
        feedback::save_feedback(&db, app::i18n::Lang::De, &draft).await.unwrap();
        let stored = feedback::list_feedback(&db, 5).await.unwrap();
        assert_eq!(stored.len(), 1);
        assert_eq!(stored[0].message, "Kontrast zu gering");
        assert_eq!(stored[0].lang, "de");
        let flash = FeedbackFlash { draft, errors: vec![FieldError { field: "feedback-message".into(), message: "zu kurz".into() }] };
        let token = feedback::save_flash(&db, &flash).await.unwrap();
        assert_eq!(feedback::take_flash(&db, &token).await.unwrap(), Some(flash));
        assert_eq!(feedback::take_flash(&db, "0123456789abcdef0123456789abcdef").await.unwrap(), None);
        assert_eq!(feedback::take_flash(&db, "' OR 1=1 --").await.unwrap(), None);
    })
    .await;
}

#[tokio::test]
async fn the_catalogue_cache_follows_changes_made_elsewhere() {
    use app::catalogue::snapshot::CatalogueCache;
    on_each_backend(|db| async move {
        catalogue::import_catalogue(&db, &two_version_catalogue()).await.unwrap();
        let cache = CatalogueCache::load(&db).await.unwrap();
        assert!(!cache.refresh_if_changed(&db).await.unwrap(), "nothing changed yet");
        assert_eq!(cache.get().services[0].version, 1);
        // Another instance (or `rathaus import`) publishes through its own connection.
        catalogue::publish_version(&db, "testleistung", 2, "publisher@wolfsburg.de").await.unwrap();
        let generation = cache.generation();
        assert!(cache.refresh_if_changed(&db).await.unwrap());
        assert_eq!(cache.get().services[0].version, 2);
        assert!(cache.generation() > generation);
        assert!(!cache.refresh_if_changed(&db).await.unwrap());
    })
    .await;
}

#[tokio::test]
async fn search_statistics_add_up_across_flushes() {
    use app::i18n::Lang;
    use app::search::log::{query_stats, SearchLog};
    on_each_backend(|db| async move {
        let log = SearchLog::default();
        log.record_search(Lang::De, "Sperrmüll", 3);
        log.record_search(Lang::De, "  sperrmüll ", 3);
        log.record_search(Lang::En, "xylophone", 0);
        log.record_click(Lang::De, "Sperrmüll", "sperrmuell-anmelden");
        log.flush(&db).await.expect("first flush");
        log.record_search(Lang::De, "SPERRMÜLL", 4);
        log.record_click(Lang::De, "sperrmüll", "sperrmuell-anmelden");
        log.record_click(Lang::De, "sperrmüll", "wertstoffhof");
        log.flush(&db).await.expect("second flush");
        log.flush(&db).await.expect("nothing to write");

        let top = query_stats(&db, false, 10).await.expect("stats");
        assert_eq!(top[0].query, "sperrmüll");
        assert_eq!((top[0].searches, top[0].results), (3, 4));
        assert_eq!(top[0].top_click.as_deref(), Some("sperrmuell-anmelden"));
        let zero = query_stats(&db, true, 10).await.expect("zero-result stats");
        assert_eq!(zero.len(), 1);
        assert_eq!((zero[0].lang.as_str(), zero[0].query.as_str()), ("en", "xylophone"));
    })
    .await;
}

/// The demo catalogue with its forms and 60 generated requests: the inbox tests' data.
async fn sixty_generated_requests(db: &app::db::Db) {
    catalogue::seed_demo(db).await.unwrap();
    app::requests::store::seed_demo_forms(db).await.unwrap();
    assert_eq!(app::inbox::store::seed_synthetic_requests(db, 60).await.unwrap(), 60);
}

#[tokio::test]
async fn inbox_counts_stop_at_the_limit_and_pages_still_go_on() {
    use app::inbox::model::{InboxFilter, PAGE_SIZE};
    use app::inbox::store::{list, list_counting_to};
    on_each_backend(|db| async move {
        sixty_generated_requests(&db).await;
        let page = |n: i64| InboxFilter { page: n, ..InboxFilter::default() };

        let first = list(&db, &page(1), "x@rathaus.example").await.unwrap();
        assert_eq!((first.total, first.pages(), first.rows.len() as i64, first.has_next), (Some(60), Some(3), PAGE_SIZE, true));
        let last = list(&db, &page(3), "x@rathaus.example").await.unwrap();
        assert_eq!((last.rows.len(), last.has_next), (10, false));

        let capped = list_counting_to(&db, &page(1), "x@rathaus.example", 59).await.unwrap();
        assert_eq!((capped.total, capped.pages(), capped.has_next), (None, None, true));
        assert!(capped.count_text().starts_with("Mehr als "));
        assert_eq!(capped.rows, first.rows, "the same rows, only the count stopped");
        let beyond = list_counting_to(&db, &page(3), "x@rathaus.example", 20).await.unwrap();
        assert_eq!((beyond.total, beyond.rows, beyond.has_next), (None, last.rows, false), "pages past the limit are still served");
        let exact = list_counting_to(&db, &page(1), "x@rathaus.example", 60).await.unwrap();
        assert_eq!(exact.total, Some(60), "exactly the limit is still counted");
    })
    .await;
}

#[tokio::test]
async fn a_name_search_counts_filters_and_pages_each_request_once() {
    use app::inbox::model::{AssigneeFilter, InboxFilter, SortKey, StatusFilter};
    use app::inbox::store::{fill_search_keys, list};
    use app::requests::status::RequestStatus;
    on_each_backend(|db| async move {
        sixty_generated_requests(&db).await;
        // 45 of the 60 become "Anna Annabell …": two keys each start with "anna", so a request
        // counted or listed once per key would show.
        sqlx::query("UPDATE requests SET applicant_name = 'Anna Annabell ' || reference WHERE id IN (SELECT id FROM requests ORDER BY id LIMIT 45)")
            .execute(db.pool())
            .await
            .unwrap();
        sqlx::query("DELETE FROM request_search_keys WHERE request_id IN (SELECT id FROM requests WHERE applicant_name LIKE 'Anna Annabell %')")
            .execute(db.pool())
            .await
            .unwrap();
        assert_eq!(fill_search_keys(&db).await.unwrap(), 45);
        let annas = |order: &'static str| {
            let db = db.clone();
            async move {
                let sql = format!("SELECT reference FROM requests WHERE applicant_name LIKE 'Anna %' ORDER BY {order}");
                sqlx::query_scalar::<_, String>(&sql).fetch_all(db.pool()).await.unwrap()
            }
        };
        let expected = annas("submitted_at DESC, id DESC").await;
        assert_eq!(expected.len(), 46, "45 renamed and one synthetic Anna among the other 15");

        // Pages 1 and 2 together are every match once, in order.
        let search = |page: i64, sort: SortKey, descending: bool| InboxFilter { search: "anna".into(), page, sort, descending, ..InboxFilter::default() };
        let mut shown = Vec::new();
        for page in [1, 2] {
            let found = list(&db, &search(page, SortKey::Submitted, true), "x@rathaus.example").await.unwrap();
            assert_eq!((found.total, found.has_next), (Some(46), page == 1));
            shown.extend(found.rows.into_iter().map(|row| row.reference));
        }
        assert_eq!(shown, expected);

        for (search, expected) in [("annab", 45), ("ANNA annab", 45), ("anna annabell 2026", 45), ("Annabella", 0)] {
            let filter = InboxFilter { search: search.into(), ..InboxFilter::default() };
            assert_eq!(list(&db, &filter, "x@rathaus.example").await.unwrap().total, Some(expected), "{search}");
        }

        let by_date = list(&db, &search(1, SortKey::Expected, false), "x@rathaus.example").await.unwrap();
        let references: Vec<String> = by_date.rows.into_iter().map(|row| row.reference).collect();
        assert_eq!(references, annas("expected_day, id").await[..25]);

        let open = InboxFilter { status: StatusFilter::Open, ..search(1, SortKey::Submitted, true) };
        let open_annas: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM requests WHERE applicant_name LIKE 'Anna %' AND status IN ('received', 'in_progress', 'waiting')")
            .fetch_one(db.pool())
            .await
            .unwrap();
        assert!(open_annas > 0);
        assert_eq!(list(&db, &open, "x@rathaus.example").await.unwrap().total, Some(open_annas));

        // The keys carry the filtered columns; a trigger keeps them in step with the request.
        sqlx::query(
            "UPDATE requests SET status = 'completed', assignee = 'x@rathaus.example' WHERE id IN \
             (SELECT id FROM requests WHERE applicant_name LIKE 'Anna %' AND status IN ('received', 'in_progress', 'waiting') ORDER BY id LIMIT 1)",
        )
        .execute(db.pool())
        .await
        .unwrap();
        assert_eq!(list(&db, &open, "x@rathaus.example").await.unwrap().total, Some(open_annas - 1));
        let mine = InboxFilter { assignee: AssigneeFilter::Mine, status: StatusFilter::Only(RequestStatus::Completed), ..search(1, SortKey::Submitted, true) };
        assert_eq!(list(&db, &mine, "X@rathaus.example").await.unwrap().total, Some(1));
    })
    .await;
}
