//! The editorial write operations. Each is one transaction that starts by locking the service,
//! so two staff members acting on the same service at once take turns.

use super::checks;
use super::EditorialAction;
use crate::catalogue::db::bump_version;
use crate::catalogue::error::{from_json, CatalogueError, StateError};
use crate::catalogue::model::{ServiceContent, ServiceVersion, VersionStatus};
use crate::catalogue::service_rows::{insert_version, parse_status, rewrite_as_draft, Tx};
use crate::db::{Backend, Db, Row};

/// A write transaction (see [`Db::begin_write`]).
async fn begin(db: &Db) -> Result<Tx<'static>, CatalogueError> {
    Ok(db.begin_write().await?)
}

/// A locked service and the versions the workflow cares about.
struct Locked {
    id: i64,
    /// The newest draft or version in review.
    working: Option<Working>,
    /// The published version's number.
    published: Option<i64>,
}

/// The version being worked on.
struct Working {
    number: i64,
    /// Draft or in review.
    status: VersionStatus,
    /// Who changed its content last.
    updated_by: String,
}

/// Locks the service `slug_de` for the rest of the transaction and reads its state.
async fn lock(db: &Db, tx: &mut Tx<'_>, slug_de: &str) -> Result<Locked, CatalogueError> {
    let sql = match db.backend() {
        Backend::Sqlite => "SELECT id FROM services WHERE slug_de = $1",
        Backend::Postgres => "SELECT id FROM services WHERE slug_de = $1 FOR UPDATE",
    };
    let id: i64 = sqlx::query_scalar(sql)
        .bind(slug_de)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or_else(|| CatalogueError::NotFound(format!("service {slug_de}")))?;
    let working = sqlx::query(
        "SELECT number, status, updated_by FROM service_versions WHERE service_id = $1 AND status IN ('draft', 'in_review') \
         ORDER BY number DESC LIMIT 1",
    )
    .bind(id)
    .fetch_optional(&mut **tx)
    .await?
    .map(|row| {
        Ok::<_, CatalogueError>(Working {
            number: row.try_get("number")?,
            status: parse_status(&row.try_get::<String, _>("status")?)?,
            updated_by: row.try_get("updated_by")?,
        })
    })
    .transpose()?;
    let published = sqlx::query_scalar("SELECT number FROM service_versions WHERE service_id = $1 AND status = 'published'")
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?;
    Ok(Locked { id, working, published })
}

/// Appends to the service's history.
async fn record(tx: &mut Tx<'_>, service_id: i64, number: i64, action: EditorialAction, actor: &str, note: &str) -> Result<(), CatalogueError> {
    sqlx::query("INSERT INTO service_events (service_id, number, action, actor, at, note) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(service_id)
        .bind(number)
        .bind(action.as_str())
        .bind(actor)
        .bind(crate::db::now())
        .bind(note)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// A new version `number` in draft, created now by `actor`.
fn new_draft(number: i64, content: &ServiceContent, actor: &str) -> ServiceVersion {
    ServiceVersion {
        number,
        status: VersionStatus::Draft,
        content: content.clone(),
        created_at: crate::db::now(),
        created_by: actor.to_string(),
        approved_at: None,
        approved_by: None,
        updated_at: None,
        updated_by: None,
        review_note: String::new(),
    }
}

async fn set_status(tx: &mut Tx<'_>, service_id: i64, number: i64, status: VersionStatus) -> Result<(), CatalogueError> {
    sqlx::query("UPDATE service_versions SET status = $1 WHERE service_id = $2 AND number = $3")
        .bind(status.as_str())
        .bind(service_id)
        .bind(number)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Creates the service with version 1 as a draft. Checks both slugs (well-formed, different,
/// unused in either language) and the content.
pub async fn create_service(db: &Db, slug_de: &str, slug_en: &str, content: &ServiceContent, actor: &str) -> Result<(), CatalogueError> {
    let actor = checks::actor(actor)?;
    let mut tx = begin(db).await?;
    checks::new_slugs(&mut tx, slug_de, slug_en).await?;
    checks::content(&mut tx, content).await?;
    let draft = new_draft(1, content, actor);
    let id: i64 = sqlx::query_scalar("INSERT INTO services (slug_de, slug_en, created_at) VALUES ($1, $2, $3) RETURNING id")
        .bind(slug_de)
        .bind(slug_en)
        .bind(draft.created_at)
        .fetch_one(&mut *tx)
        .await
        .map_err(|error| match &error {
            // A concurrent create on PostgreSQL got there first.
            sqlx::Error::Database(e) if e.is_unique_violation() => CatalogueError::SlugTaken(slug_de.to_string()),
            _ => error.into(),
        })?;
    insert_version(&mut tx, id, &draft).await?;
    record(&mut tx, id, 1, EditorialAction::Created, actor, "").await?;
    tx.commit().await?;
    Ok(())
}

/// Writes `content` into the working version (which becomes a draft again) or, without one,
/// into a new draft numbered after the newest version. Returns the working version's number.
async fn write_working(tx: &mut Tx<'_>, service: &Locked, content: &ServiceContent, actor: &str) -> Result<i64, CatalogueError> {
    if let Some(working) = &service.working {
        rewrite_as_draft(tx, service.id, working.number, content, actor).await?;
        return Ok(working.number);
    }
    let newest: Option<i64> = sqlx::query_scalar("SELECT MAX(number) FROM service_versions WHERE service_id = $1")
        .bind(service.id)
        .fetch_one(&mut **tx)
        .await?;
    let number = newest.unwrap_or(0) + 1;
    insert_version(tx, service.id, &new_draft(number, content, actor)).await?;
    Ok(number)
}

/// Saves `content` as the working draft of `slug_de` (see [`write_working`]); the published
/// version stays online. Returns the draft's number.
pub async fn save_draft(db: &Db, slug_de: &str, content: &ServiceContent, actor: &str) -> Result<i64, CatalogueError> {
    let actor = checks::actor(actor)?;
    let mut tx = begin(db).await?;
    let service = lock(db, &mut tx, slug_de).await?;
    checks::content(&mut tx, content).await?;
    let number = write_working(&mut tx, &service, content, actor).await?;
    record(&mut tx, service.id, number, EditorialAction::Saved, actor, "").await?;
    tx.commit().await?;
    Ok(number)
}

/// Submits the working draft for review. Returns its number.
pub async fn submit_for_review(db: &Db, slug_de: &str, actor: &str) -> Result<i64, CatalogueError> {
    let actor = checks::actor(actor)?;
    let mut tx = begin(db).await?;
    let service = lock(db, &mut tx, slug_de).await?;
    let number = match &service.working {
        Some(working) if working.status == VersionStatus::Draft => working.number,
        _ => return Err(StateError::NoDraft.into()),
    };
    set_status(&mut tx, service.id, number, VersionStatus::InReview).await?;
    record(&mut tx, service.id, number, EditorialAction::Submitted, actor, "").await?;
    tx.commit().await?;
    Ok(number)
}

/// The working version when it is in review.
fn in_review(service: &Locked) -> Result<&Working, StateError> {
    service.working.as_ref().filter(|w| w.status == VersionStatus::InReview).ok_or(StateError::NotInReview)
}

/// Sends the version in review back to draft with the reviewer's `note`. Returns its number.
pub async fn return_to_draft(db: &Db, slug_de: &str, actor: &str, note: &str) -> Result<i64, CatalogueError> {
    let actor = checks::actor(actor)?;
    let mut tx = begin(db).await?;
    let service = lock(db, &mut tx, slug_de).await?;
    let number = in_review(&service)?.number;
    sqlx::query("UPDATE service_versions SET status = 'draft', review_note = $1 WHERE service_id = $2 AND number = $3")
        .bind(note.trim())
        .bind(service.id)
        .bind(number)
        .execute(&mut *tx)
        .await?;
    record(&mut tx, service.id, number, EditorialAction::Returned, actor, note.trim()).await?;
    tx.commit().await?;
    Ok(number)
}

/// Publishes the version in review: the version online so far is archived, the approval is
/// recorded and every instance reloads the catalogue. Refused with
/// [`CatalogueError::FourEyes`] when `actor` changed the version last. Returns its number.
pub async fn publish(db: &Db, slug_de: &str, actor: &str) -> Result<i64, CatalogueError> {
    let actor = checks::actor(actor)?;
    let mut tx = begin(db).await?;
    let service = lock(db, &mut tx, slug_de).await?;
    let working = in_review(&service)?;
    if checks::same_person(&working.updated_by, actor) {
        return Err(CatalogueError::FourEyes);
    }
    let number = working.number;
    if let Some(old) = service.published {
        set_status(&mut tx, service.id, old, VersionStatus::Archived).await?;
    }
    sqlx::query("UPDATE service_versions SET status = 'published', approved_at = $1, approved_by = $2 WHERE service_id = $3 AND number = $4")
        .bind(crate::db::now())
        .bind(actor)
        .bind(service.id)
        .bind(number)
        .execute(&mut *tx)
        .await?;
    bump_version(&mut tx).await?;
    record(&mut tx, service.id, number, EditorialAction::Published, actor, "").await?;
    tx.commit().await?;
    Ok(number)
}

/// Takes the service offline: its published version is archived (a working version stays) and
/// every instance reloads the catalogue. Returns the archived version's number.
pub async fn archive(db: &Db, slug_de: &str, actor: &str) -> Result<i64, CatalogueError> {
    let actor = checks::actor(actor)?;
    let mut tx = begin(db).await?;
    let service = lock(db, &mut tx, slug_de).await?;
    let number = service.published.ok_or(StateError::NotPublished)?;
    set_status(&mut tx, service.id, number, VersionStatus::Archived).await?;
    bump_version(&mut tx).await?;
    record(&mut tx, service.id, number, EditorialAction::Archived, actor, "").await?;
    tx.commit().await?;
    Ok(number)
}

/// Copies the content of version `number` into the working draft (overwriting it, or creating
/// one). Returns the draft's number.
pub async fn restore(db: &Db, slug_de: &str, number: i64, actor: &str) -> Result<i64, CatalogueError> {
    let actor = checks::actor(actor)?;
    let mut tx = begin(db).await?;
    let service = lock(db, &mut tx, slug_de).await?;
    let json: String = sqlx::query_scalar("SELECT content FROM service_versions WHERE service_id = $1 AND number = $2")
        .bind(service.id)
        .bind(number)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or_else(|| CatalogueError::NotFound(format!("version {number} of {slug_de}")))?;
    let content: ServiceContent = from_json(&json, "service content")?;
    checks::content(&mut tx, &content).await?;
    let draft = write_working(&mut tx, &service, &content, actor).await?;
    record(&mut tx, service.id, draft, EditorialAction::Restored, actor, &number.to_string()).await?;
    tx.commit().await?;
    Ok(draft)
}
