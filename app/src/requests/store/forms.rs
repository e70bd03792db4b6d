//! Versioned form definitions. A service's live form is its newest published version; a new
//! version retires the old one, and drafts and requests keep the version they started with.

use super::{from_json, to_json, RequestError};
use crate::db::{now, Db, Row};
use crate::requests::form::FormDefinition;

/// One stored version of a service's form.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredForm {
    /// The version's row id, kept by drafts and requests.
    pub id: i64,
    /// The service it belongs to.
    pub service_id: i64,
    /// The service's German slug.
    pub service_slug: String,
    /// Version number, counting from 1 per service.
    pub number: i64,
    /// The form.
    pub definition: FormDefinition,
}

const SELECT: &str = "SELECT f.id, f.service_id, s.slug_de, f.number, f.definition \
     FROM form_versions f JOIN services s ON s.id = f.service_id";

fn read(row: &sqlx::any::AnyRow) -> Result<StoredForm, RequestError> {
    Ok(StoredForm {
        id: row.try_get("id")?,
        service_id: row.try_get("service_id")?,
        service_slug: row.try_get("slug_de")?,
        number: row.try_get("number")?,
        definition: from_json(&row.try_get::<String, _>("definition")?)?,
    })
}

/// The live form of the service with German slug `slug`.
pub async fn live_form_by_slug(db: &Db, slug: &str) -> Result<Option<StoredForm>, RequestError> {
    let sql = format!("{SELECT} WHERE s.slug_de = $1 AND f.status = 'published' ORDER BY f.number DESC LIMIT 1");
    let row = sqlx::query(&sql).bind(slug).fetch_optional(db.pool()).await?;
    row.as_ref().map(read).transpose()
}

/// The live form of service `service_id`.
pub async fn live_form(db: &Db, service_id: i64) -> Result<Option<StoredForm>, RequestError> {
    let sql = format!("{SELECT} WHERE f.service_id = $1 AND f.status = 'published' ORDER BY f.number DESC LIMIT 1");
    let row = sqlx::query(&sql).bind(service_id).fetch_optional(db.pool()).await?;
    row.as_ref().map(read).transpose()
}

/// The form version with row id `id`, live or not.
pub async fn form_version(db: &Db, id: i64) -> Result<Option<StoredForm>, RequestError> {
    form_version_on(db.pool(), id).await
}

/// [`form_version`] on a connection or transaction.
pub(super) async fn form_version_on<'e>(executor: impl sqlx::Executor<'e, Database = sqlx::Any>, id: i64) -> Result<Option<StoredForm>, RequestError> {
    let sql = format!("{SELECT} WHERE f.id = $1");
    let row = sqlx::query(&sql).bind(id).fetch_optional(executor).await?;
    row.as_ref().map(read).transpose()
}

/// Publishes `definition` as the next version of the service's form and retires the version
/// live before. Returns the new version's row id.
pub async fn publish_form(db: &Db, service_id: i64, definition: &FormDefinition, by: &str) -> Result<i64, RequestError> {
    let json = to_json(definition)?;
    let mut tx = db.begin_write().await?;
    let number: i64 = sqlx::query("SELECT COALESCE(MAX(number), 0) + 1 AS next FROM form_versions WHERE service_id = $1")
        .bind(service_id)
        .fetch_one(&mut *tx)
        .await?
        .try_get("next")?;
    sqlx::query("UPDATE form_versions SET status = 'retired' WHERE service_id = $1 AND status = 'published'")
        .bind(service_id)
        .execute(&mut *tx)
        .await?;
    let at = now();
    let id: i64 = sqlx::query(
        "INSERT INTO form_versions (service_id, number, status, definition, created_at, created_by, published_at, published_by) \
         VALUES ($1, $2, 'published', $3, $4, $5, $4, $5) RETURNING id",
    )
    .bind(service_id)
    .bind(number)
    .bind(json)
    .bind(at)
    .bind(by)
    .fetch_one(&mut *tx)
    .await?
    .try_get("id")?;
    tx.commit().await?;
    Ok(id)
}

/// Publishes the demo forms for demo services that have no form yet; returns how many.
pub async fn seed_demo_forms(db: &Db) -> Result<usize, RequestError> {
    let forms = crate::requests::demo::demo_forms().map_err(RequestError::Corrupt)?;
    let mut seeded = 0;
    for (slug, definition) in forms {
        let row = sqlx::query(
            "SELECT s.id, (SELECT COUNT(*) FROM form_versions f WHERE f.service_id = s.id) AS forms FROM services s WHERE s.slug_de = $1",
        )
        .bind(&slug)
        .fetch_optional(db.pool())
        .await?;
        let Some(row) = row else { continue };
        if row.try_get::<i64, _>("forms")? == 0 {
            publish_form(db, row.try_get("id")?, &definition, "demo").await?;
            seeded += 1;
        }
    }
    Ok(seeded)
}
