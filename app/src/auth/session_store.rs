//! Where staff sessions live: a table in the portal's own database, so every instance behind
//! the load balancer sees every session (tower-sessions' `SessionStore` on our `Db`).

use crate::db::{now, Db, Row};
use async_trait::async_trait;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{Error, ExpiredDeletion, Result, SessionStore};

/// What a session holds, as tower-sessions keeps it.
type Data = std::collections::HashMap<String, serde_json::Value>;

/// How far an unchanged session's stored expiry may lag behind the one a request computed
/// before it is written again.
pub const EXPIRY_SLACK_SECONDS: i64 = 60;

/// Staff sessions in the `staff_sessions` table.
#[derive(Clone, Debug)]
pub struct DbSessionStore {
    db: Db,
}

impl DbSessionStore {
    /// A store on `db`.
    pub fn new(db: Db) -> Self {
        DbSessionStore { db }
    }
}

fn backend(error: impl std::fmt::Display) -> Error {
    Error::Backend(error.to_string())
}

fn encode(record: &Record) -> Result<String> {
    serde_json::to_string(&record.data).map_err(|e| Error::Encode(e.to_string()))
}

#[async_trait]
impl SessionStore for DbSessionStore {
    async fn create(&self, record: &mut Record) -> Result<()> {
        let data = encode(record)?;
        // A fresh id until one is free: 128 random bits make a second round all but impossible.
        loop {
            let inserted = sqlx::query(
                "INSERT INTO staff_sessions (id, data, expires_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING",
            )
            .bind(record.id.to_string())
            .bind(&data)
            .bind(record.expiry_date.unix_timestamp())
            .execute(self.db.pool())
            .await
            .map_err(backend)?;
            if inserted.rows_affected() == 1 {
                return Ok(());
            }
            record.id = Id::default();
        }
    }

    /// Writes a session back after a request. Most requests change nothing but the idle expiry,
    /// and writing that on every request would make every staff page wait for a disk flush
    /// (SQLite runs with `synchronous = FULL`). So an unchanged session is written only when its
    /// expiry moves by at least [`EXPIRY_SLACK_SECONDS`]: the idle timeout then counts from the
    /// last request to within a minute. Reading first never waits for the writer in WAL mode.
    /// Only existing rows are updated, so a request in flight cannot bring back a session that
    /// "sign out everywhere" has just deleted.
    async fn save(&self, record: &Record) -> Result<()> {
        let expires_at = record.expiry_date.unix_timestamp();
        let stored = sqlx::query("SELECT data, expires_at FROM staff_sessions WHERE id = $1")
            .bind(record.id.to_string())
            .fetch_optional(self.db.pool())
            .await
            .map_err(backend)?;
        let Some(stored) = stored else { return Ok(()) };
        let stored_data: String = stored.try_get("data").map_err(backend)?;
        let stored_expiry: i64 = stored.try_get("expires_at").map_err(backend)?;
        // Compared as maps: the JSON's key order follows the hash map's and may differ.
        let unchanged = serde_json::from_str::<Data>(&stored_data).is_ok_and(|stored| stored == record.data);
        if unchanged && (stored_expiry - expires_at).abs() < EXPIRY_SLACK_SECONDS {
            return Ok(());
        }
        sqlx::query("UPDATE staff_sessions SET data = $2, expires_at = $3 WHERE id = $1")
            .bind(record.id.to_string())
            .bind(encode(record)?)
            .bind(expires_at)
            .execute(self.db.pool())
            .await
            .map_err(backend)?;
        Ok(())
    }

    async fn load(&self, id: &Id) -> Result<Option<Record>> {
        let row = sqlx::query("SELECT data, expires_at FROM staff_sessions WHERE id = $1 AND expires_at > $2")
            .bind(id.to_string())
            .bind(now())
            .fetch_optional(self.db.pool())
            .await
            .map_err(backend)?;
        let Some(row) = row else { return Ok(None) };
        let data: String = row.try_get("data").map_err(backend)?;
        let expires_at: i64 = row.try_get("expires_at").map_err(backend)?;
        Ok(Some(Record {
            id: *id,
            data: serde_json::from_str(&data).map_err(|e| Error::Decode(e.to_string()))?,
            expiry_date: tower_sessions::cookie::time::OffsetDateTime::from_unix_timestamp(expires_at).map_err(backend)?,
        }))
    }

    async fn delete(&self, id: &Id) -> Result<()> {
        sqlx::query("DELETE FROM staff_sessions WHERE id = $1")
            .bind(id.to_string())
            .execute(self.db.pool())
            .await
            .map_err(backend)?;
        Ok(())
    }
}

#[async_trait]
impl ExpiredDeletion for DbSessionStore {
    async fn delete_expired(&self) -> Result<()> {
        sqlx::query("DELETE FROM staff_sessions WHERE expires_at <= $1")
            .bind(now())
            .execute(self.db.pool())
            .await
            .map_err(backend)?;
        Ok(())
    }
}
