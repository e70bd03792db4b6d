//! Runs a database test on every backend: a fresh SQLite file, and a fresh PostgreSQL database
//! on the server named by `RATHAUS_TEST_POSTGRES_URL` (set by `make test`). Without that
//! variable the tests fail, unless `RATHAUS_TEST_SQLITE_ONLY=1` says PostgreSQL is skipped on
//! purpose.

use app::db::Db;
use std::future::Future;

/// Calls `test` with a migrated, empty database of each backend, and cleans up afterwards.
pub async fn on_each_backend<F, Fut>(test: F)
where
    F: Fn(Db) -> Fut,
    Fut: Future<Output = ()>,
{
    let dir = tempfile::tempdir().expect("temp dir");
    let sqlite = Db::connect(&format!("sqlite://{}/test.db", dir.path().display())).await.expect("open SQLite");
    sqlite.migrate().await.expect("migrate SQLite");
    test(sqlite.clone()).await;
    sqlite.close().await;

    match std::env::var("RATHAUS_TEST_POSTGRES_URL") {
        Ok(admin_url) => {
            let admin = Db::connect(&admin_url).await.expect("connect to the PostgreSQL test server");
            let name = format!("rathaus_test_{}", uuid_like());
            sqlx::query(&format!("CREATE DATABASE {name}")).execute(admin.pool()).await.expect("create database");
            let url = match admin_url.rsplit_once('/') {
                Some((server, _)) => format!("{server}/{name}"),
                None => panic!("RATHAUS_TEST_POSTGRES_URL must end in /database"),
            };
            let db = Db::connect(&url).await.expect("connect to the test database");
            db.migrate().await.expect("migrate PostgreSQL");
            test(db.clone()).await;
            db.close().await;
            sqlx::query(&format!("DROP DATABASE {name} WITH (FORCE)")).execute(admin.pool()).await.expect("drop database");
            admin.close().await;
        }
        Err(_) if std::env::var("RATHAUS_TEST_SQLITE_ONLY").as_deref() == Ok("1") => {
            eprintln!("PostgreSQL skipped (RATHAUS_TEST_SQLITE_ONLY=1)");
        }
        Err(_) => panic!("set RATHAUS_TEST_POSTGRES_URL (make test does) or RATHAUS_TEST_SQLITE_ONLY=1"),
    }
}

fn uuid_like() -> String {
    use std::time::{SystemTime, UNIX_EPOCH};
    let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or_default();
    format!("{:x}_{}", nanos, std::process::id())
}
