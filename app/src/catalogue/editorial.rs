//! The editorial workflow for service listings, for the staff area.
//!
//! A service has at most one *working* version (the newest `draft` or `in_review`) beside the
//! `published` one residents see ("live with draft": editing never takes a service offline).
//!
//! ```text
//! create_service ─► draft ─submit_for_review─► in_review ─publish─► published ─archive─► archived
//!                    ▲  ▲                          │                    (old published → archived)
//!                    │  └──────return_to_draft─────┘
//!   save_draft ──────┘  (also from in_review; creates max+1 when there is no working version)
//!   restore(n) ─────────(copies version n's content into the working draft)
//! ```
//!
//! `updated_at`/`updated_by` change only when content changes (create, save, restore); the
//! four-eyes rule refuses `publish` by that person. Publishing and archiving bump the catalogue
//! version so every instance's cache reloads. Each write is one transaction that first locks
//! the service (`BEGIN IMMEDIATE` on SQLite, `SELECT … FOR UPDATE` on PostgreSQL) and appends
//! to the service's history ([`history`]). Role checks are the caller's business.

mod checks;
mod listing;
mod workflow;

pub use super::editorial_model::*;
pub use listing::list_services;
pub use workflow::{archive, create_service, publish, restore, return_to_draft, save_draft, submit_for_review};

use super::error::CatalogueError;
use super::model::{ServiceVersion, VersionStatus};
use super::service_rows::{parse_status, version_from_row, VERSION_COLUMNS};
use crate::db::{Db, Row};
use sqlx::any::AnyRow;

/// How many history entries [`history`] returns at most.
pub const HISTORY_LIMIT: i64 = 200;

fn no_service(slug_de: &str) -> CatalogueError {
    CatalogueError::NotFound(format!("service {slug_de}"))
}

/// The service `slug_de` with the metadata of all its versions, newest first.
pub async fn service_record(db: &Db, slug_de: &str) -> Result<ServiceRecord, CatalogueError> {
    let rows = sqlx::query(
        "SELECT s.slug_en, v.number, v.status, v.created_at, v.created_by, v.updated_at, v.updated_by, v.approved_at, \
         v.approved_by, v.review_note FROM services s JOIN service_versions v ON v.service_id = s.id \
         WHERE s.slug_de = $1 ORDER BY v.number DESC",
    )
    .bind(slug_de)
    .fetch_all(db.pool())
    .await?;
    let slug_en: String = rows.first().ok_or_else(|| no_service(slug_de))?.try_get("slug_en")?;
    let versions = rows.iter().map(version_meta).collect::<Result<Vec<_>, _>>()?;
    let find = |wanted: &[VersionStatus]| versions.iter().find(|v| wanted.contains(&v.status)).map(|v| v.number);
    Ok(ServiceRecord {
        slug_de: slug_de.to_string(),
        slug_en,
        published: find(&[VersionStatus::Published]),
        working: find(&[VersionStatus::Draft, VersionStatus::InReview]),
        versions,
    })
}

fn version_meta(row: &AnyRow) -> Result<VersionMeta, CatalogueError> {
    Ok(VersionMeta {
        number: row.try_get("number")?,
        status: parse_status(&row.try_get::<String, _>("status")?)?,
        created_at: row.try_get("created_at")?,
        created_by: row.try_get("created_by")?,
        updated_at: row.try_get("updated_at")?,
        updated_by: row.try_get("updated_by")?,
        approved_at: row.try_get("approved_at")?,
        approved_by: row.try_get("approved_by")?,
        review_note: row.try_get("review_note")?,
    })
}

/// Version `number` of the service `slug_de`, with its content. As in an export,
/// `updated_at`/`updated_by` are `None` when they equal `created_at`/`created_by`
/// ([`service_record`] has them plain).
pub async fn load_version(db: &Db, slug_de: &str, number: i64) -> Result<ServiceVersion, CatalogueError> {
    let row = sqlx::query(&format!(
        "SELECT {VERSION_COLUMNS} FROM services s JOIN service_versions v ON v.service_id = s.id \
         WHERE s.slug_de = $1 AND v.number = $2"
    ))
    .bind(slug_de)
    .bind(number)
    .fetch_optional(db.pool())
    .await?
    .ok_or_else(|| CatalogueError::NotFound(format!("version {number} of {slug_de}")))?;
    version_from_row(&row)
}

/// The editorial history of the service `slug_de`, newest first, at most [`HISTORY_LIMIT`]
/// entries. Empty for a service without recorded actions (imported, or older than the
/// workflow); `NotFound` when there is no such service.
pub async fn history(db: &Db, slug_de: &str) -> Result<Vec<EditorialEvent>, CatalogueError> {
    let id: i64 = sqlx::query_scalar("SELECT id FROM services WHERE slug_de = $1")
        .bind(slug_de)
        .fetch_optional(db.pool())
        .await?
        .ok_or_else(|| no_service(slug_de))?;
    let rows = sqlx::query("SELECT number, action, actor, at, note FROM service_events WHERE service_id = $1 ORDER BY id DESC LIMIT $2")
        .bind(id)
        .bind(HISTORY_LIMIT)
        .fetch_all(db.pool())
        .await?;
    rows.iter()
        .map(|row| {
            let action: String = row.try_get("action")?;
            Ok(EditorialEvent {
                number: row.try_get("number")?,
                action: EditorialAction::parse(&action).ok_or_else(|| CatalogueError::Corrupt(format!("editorial action {action}")))?,
                actor: row.try_get("actor")?,
                at: row.try_get("at")?,
                note: row.try_get("note")?,
            })
        })
        .collect()
}
