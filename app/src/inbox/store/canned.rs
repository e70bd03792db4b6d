//! Canned replies: texts per service that caseworkers pick when they write to a resident.

use crate::db::{now, Db, Row};
use crate::inbox::model::CannedReply;
use crate::requests::store::RequestError;

/// The canned replies of the service with German slug `service` (every service's when empty),
/// by service and title.
pub async fn canned_replies(db: &Db, service: &str) -> Result<Vec<CannedReply>, RequestError> {
    let rows = sqlx::query(
        "SELECT c.id, s.slug_de, c.title, c.body FROM canned_replies c JOIN services s ON s.id = c.service_id \
         WHERE ($1 = '' OR s.slug_de = $1) ORDER BY s.slug_de, c.title, c.id",
    )
    .bind(service)
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|row| Ok(CannedReply { id: row.try_get("id")?, service: row.try_get("slug_de")?, title: row.try_get("title")?, body: row.try_get("body")? }))
        .collect()
}

/// Adds a canned reply to the service `service`; `false` when there is no such service.
pub async fn save_canned_reply(db: &Db, service: &str, title: &str, body: &str, actor: &str) -> Result<bool, RequestError> {
    let done = sqlx::query(
        "INSERT INTO canned_replies (service_id, title, body, created_at, created_by) \
         SELECT id, $2, $3, $4, $5 FROM services WHERE slug_de = $1",
    )
    .bind(service)
    .bind(title)
    .bind(body)
    .bind(now())
    .bind(actor)
    .execute(db.pool())
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Deletes a canned reply; returns what it was, or `None` when it did not exist.
pub async fn delete_canned_reply(db: &Db, id: i64) -> Result<Option<CannedReply>, RequestError> {
    let before = sqlx::query("SELECT c.id, s.slug_de, c.title, c.body FROM canned_replies c JOIN services s ON s.id = c.service_id WHERE c.id = $1")
        .bind(id)
        .fetch_optional(db.pool())
        .await?;
    let Some(row) = before else { return Ok(None) };
    sqlx::query("DELETE FROM canned_replies WHERE id = $1").bind(id).execute(db.pool()).await?;
    Ok(Some(CannedReply { id, service: row.try_get("slug_de")?, title: row.try_get("title")?, body: row.try_get("body")? }))
}
