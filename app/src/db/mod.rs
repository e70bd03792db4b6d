//! The database: one pool for SQLite (embedded default) or PostgreSQL (several instances).
//!
//! Both backends run the same queries through sqlx's `Any` driver, so there is one query layer.
//! Queries therefore use `$1`-style parameters (SQLite accepts them too), integers as `i64`
//! (`BIGINT` on PostgreSQL) and text; schema differences live only in the per-backend
//! migrations under `app/migrations/`.

use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::{AnyPool, Executor};
use std::time::Duration;

pub use sqlx::Row;

/// Which database server a [`Db`] talks to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    /// The embedded SQLite file (the default).
    Sqlite,
    /// A PostgreSQL server, for several instances behind a load balancer.
    Postgres,
}

/// Why the database could not be used.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// The `DATABASE_URL` is not one Rathaus understands.
    #[error("DATABASE_URL {0}")]
    InvalidUrl(String),
    /// The database could not be reached or opened.
    #[error("cannot open the database: {0}")]
    Connect(#[source] sqlx::Error),
    /// A migration failed; the database is left as it was before that migration.
    #[error("database migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// A query failed.
    #[error("database error: {0}")]
    Query(#[from] sqlx::Error),
}

/// SQLite settings applied to every connection. WAL lets readers work beside the one writer;
/// `synchronous = FULL` makes every acknowledged commit survive a process kill *and* a power
/// loss (NORMAL would survive only the former); the busy timeout lets writers queue instead of
/// failing with `SQLITE_BUSY`. Reads go through a memory map of up to 256 MiB that all
/// connections share, instead of each connection's own 2 MiB page cache: an inbox name search
/// over 100,000 requests reads about a thousand rows and takes a third of the time (README,
/// "Benchmarks"). Writes still go through the journal as before.
const SQLITE_PRAGMAS: &str = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; \
     PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON; PRAGMA mmap_size = 268435456;";

/// A handle on the database pool; cheap to clone.
#[derive(Clone, Debug)]
pub struct Db {
    pool: AnyPool,
    backend: Backend,
}

impl Db {
    /// Opens the database at `url` (`sqlite://path` or `postgres://…`). A SQLite file and its
    /// folder are created when missing.
    pub async fn connect(url: &str) -> Result<Db, DbError> {
        sqlx::any::install_default_drivers();
        let (backend, url) = normalize_url(url)?;
        let in_memory = url.contains(":memory:");
        let options = AnyPoolOptions::new()
            .max_connections(match (backend, in_memory) {
                (Backend::Sqlite, true) => 1,
                (Backend::Sqlite, false) => 8,
                (Backend::Postgres, _) => 16,
            })
            .min_connections(if in_memory { 1 } else { 0 })
            .idle_timeout((!in_memory).then_some(Duration::from_secs(600)))
            .max_lifetime((!in_memory).then_some(Duration::from_secs(1800)))
            .acquire_timeout(Duration::from_secs(5))
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        conn.execute(sqlx::raw_sql(SQLITE_PRAGMAS)).await?;
                    }
                    Ok(())
                })
            });
        let pool = options.connect(&url).await.map_err(DbError::Connect)?;
        Ok(Db { pool, backend })
    }

    /// Brings the schema up to date. Safe to run on every start.
    pub async fn migrate(&self) -> Result<(), DbError> {
        match self.backend {
            Backend::Sqlite => sqlx::migrate!("./migrations/sqlite").run(&self.pool).await?,
            Backend::Postgres => sqlx::migrate!("./migrations/postgres").run(&self.pool).await?,
        }
        crate::inbox::store::fill_search_keys(self).await.map_err(|error| match error {
            crate::requests::store::RequestError::Db(error) => DbError::Query(error),
            other => DbError::Query(sqlx::Error::Protocol(other.to_string())),
        })?;
        Ok(())
    }

    /// Checks that the database answers (for `/readyz`).
    pub async fn ping(&self) -> Result<(), DbError> {
        let row: AnyRow = sqlx::query("SELECT 1 AS one").fetch_one(&self.pool).await?;
        let one: i64 = row.try_get("one").or_else(|_| row.try_get::<i32, _>("one").map(i64::from))?;
        if one == 1 {
            Ok(())
        } else {
            Err(DbError::Query(sqlx::Error::Protocol("unexpected answer to SELECT 1".into())))
        }
    }

    /// The pool, for queries.
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// A write transaction. SQLite takes the write lock at once (`BEGIN IMMEDIATE`): a deferred
    /// transaction that reads and then writes fails with `SQLITE_BUSY` beside another writer.
    pub async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Any>, sqlx::Error> {
        match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            Backend::Postgres => self.pool.begin().await,
        }
    }

    /// Which backend this is.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Closes every connection, waiting for queries in flight.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// Checks a `DATABASE_URL` and turns it into what the driver expects.
fn normalize_url(url: &str) -> Result<(Backend, String), DbError> {
    let url = url.trim();
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        return Ok((Backend::Postgres, url.to_string()));
    }
    let Some(rest) = url.strip_prefix("sqlite:") else {
        return Err(DbError::InvalidUrl(format!(
            "must start with sqlite:// or postgres://, got \"{}\"",
            redact(url)
        )));
    };
    let path_and_query = rest.trim_start_matches("//");
    let (path, query) = path_and_query.split_once('?').unwrap_or((path_and_query, ""));
    if path.is_empty() {
        return Err(DbError::InvalidUrl("names no SQLite file (example: sqlite://data/rathaus.db)".into()));
    }
    if path == ":memory:" {
        return Ok((Backend::Sqlite, "sqlite::memory:".into()));
    }
    if let Some(dir) = std::path::Path::new(path).parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| DbError::InvalidUrl(format!("points into {}, which cannot be created: {e}", dir.display())))?;
    }
    let query = if query.contains("mode=") { query.to_string() } else if query.is_empty() { "mode=rwc".into() } else { format!("{query}&mode=rwc") };
    Ok((Backend::Sqlite, format!("sqlite://{path}?{query}")))
}

/// A URL with any password replaced, safe for messages and logs.
pub fn redact(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            let _ = parsed.set_password(Some("***"));
            parsed.to_string()
        }
        _ => url.to_string(),
    }
}

/// The current time as Unix seconds, the form every timestamp column uses.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default()
}

/// The SHA-256 of `text` as 64 hex digits, for secrets that are looked up but never shown
/// again (resume codes, PINs).
pub fn sha256_hex(text: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// 128 random bits as 32 hex digits, for tokens and version markers.
pub fn random_token() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_urls_get_create_mode() {
        let (backend, url) = normalize_url("sqlite://rathaus.db").unwrap();
        assert_eq!(backend, Backend::Sqlite);
        assert_eq!(url, "sqlite://rathaus.db?mode=rwc");
        assert_eq!(normalize_url("sqlite://:memory:").unwrap().1, "sqlite::memory:");
    }

    #[test]
    fn unknown_schemes_are_refused_without_leaking_passwords() {
        let err = normalize_url("mysql://root:hunter2@db/rathaus").unwrap_err().to_string();
        assert!(err.contains("must start with"), "{err}");
        assert!(!err.contains("hunter2"), "{err}");
    }

    #[test]
    fn postgres_urls_pass_through() {
        let (backend, _) = normalize_url("postgres://u:p@localhost/rathaus").unwrap();
        assert_eq!(backend, Backend::Postgres);
    }
}
