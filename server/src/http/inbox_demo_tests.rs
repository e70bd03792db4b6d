//! Router test of the demo requests (`rathaus seed --demo`) on SQLite and PostgreSQL: written
//! through the real submission and inbox functions, in every status a caseworker works with,
//! with a history that reads forwards in time, some overdue, and only once.

use super::router::router;
use super::staff_tests::{account, on_each_backend, signed_in};
use app::auth::Role;
use app::db::now;

#[tokio::test]
async fn the_demo_seed_fills_the_inbox_in_several_statuses_once() {
    on_each_backend(|state| async move {
        let db = state.db.clone();
        let app = router(state);
        account(&db, "admin@rathaus.example", &Role::ALL).await;
        let added = app::inbox::store::seed_demo_requests(&db).await.unwrap();
        assert!((30..=40).contains(&added), "{added} demo requests");
        assert_eq!(app::inbox::store::seed_demo_requests(&db).await.unwrap(), 0, "seeding twice adds nothing");
        let total: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM requests").fetch_one(db.pool()).await.unwrap();
        assert_eq!(total, added as i64);
        for status in ["received", "in_progress", "waiting", "completed", "rejected"] {
            let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM requests WHERE status = $1").bind(status).fetch_one(db.pool()).await.unwrap();
            assert!(n >= 2, "{n} demo requests are {status}");
        }
        let services: i64 = sqlx::query_scalar("SELECT COUNT(DISTINCT service_id) FROM requests").fetch_one(db.pool()).await.unwrap();
        assert!(services >= 5, "{services} services");
        let oldest: i64 = sqlx::query_scalar("SELECT MIN(submitted_at) FROM requests").fetch_one(db.pool()).await.unwrap();
        assert!(oldest < now() - 40 * 86_400 && oldest > now() - 61 * 86_400, "submitted over the last 60 days");
        let backwards: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM request_events e JOIN requests r ON r.id = e.request_id \
             WHERE e.at < r.submitted_at OR e.at > $1 OR EXISTS (SELECT 1 FROM request_events l WHERE l.request_id = e.request_id AND l.id < e.id AND l.at > e.at)",
        )
        .bind(now())
        .fetch_one(db.pool())
        .await
        .unwrap();
        assert_eq!(backwards, 0, "every history reads forwards and ends before now");
        let today = app::requests::date::Day::from_unix(now()).0;
        let overdue: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM requests WHERE expected_day < $1 AND status IN ('received', 'in_progress', 'waiting')")
            .bind(today)
            .fetch_one(db.pool())
            .await
            .unwrap();
        assert!(overdue >= 2, "{overdue} overdue");
        let asked: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM request_events WHERE kind = 'status' AND status = 'waiting' AND message <> ''").fetch_one(db.pool()).await.unwrap();
        let answered: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM request_events WHERE kind = 'reply'").fetch_one(db.pool()).await.unwrap();
        assert!(asked >= 2 && answered >= 1, "asked {asked}, answered {answered}");
        let assigned: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM requests WHERE assignee = 'admin@rathaus.example'").fetch_one(db.pool()).await.unwrap();
        assert!(assigned >= 10, "{assigned} assigned");
        // A caseworker finds them: by status, and by a name with an umlaut typed in capitals.
        let secret = account(&db, "clara@rathaus.example", &[Role::Caseworker]).await;
        let mut clara = signed_in(&app, "clara@rathaus.example", secret.as_deref()).await;
        let waiting: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM requests WHERE status = 'waiting'").fetch_one(db.pool()).await.unwrap();
        let (_, page) = clara.get(&app, "/verwaltung/antraege?status=waiting").await;
        assert!(page.contains(&format!(">{waiting} Anträge gefunden")), "the waiting requests are listed");
        let (_, page) = clara.get(&app, "/verwaltung/antraege?q=%C3%96MER").await;
        assert!(page.contains("1 Antrag gefunden") && page.contains("Ömer Demir"), "the search folds Ö");
    })
    .await;
}
