//! The editorial workflow of request forms, the same as for listings: editors change one working
//! version per service (a draft, made from the live form on the first change), hand it to the
//! publishers, and another person than its last editor publishes it. Publishing retires the
//! version live before; drafts and requests keep the version they started with. Each step is
//! one transaction that starts by locking the service, so two people take turns.

use super::{from_json, to_json, RequestError};
use crate::db::{now, Backend, Db, Row};
use crate::requests::form::FormDefinition;

type Tx = sqlx::Transaction<'static, sqlx::Any>;

/// Why a workflow step was refused or failed.
#[derive(Debug, thiserror::Error)]
pub enum FormWorkflowError {
    /// Storage failed.
    #[error(transparent)]
    Store(#[from] RequestError),
    /// No service has this slug.
    #[error("no such service")]
    NotFound,
    /// There is no draft to hand in or discard.
    #[error("no draft")]
    NoDraft,
    /// The step needs a version in review.
    #[error("not in review")]
    NotInReview,
    /// The working version waits for review and cannot be changed.
    #[error("in review")]
    InReview,
    /// The publisher changed the version last.
    #[error("four eyes")]
    FourEyes,
    /// The form is not complete; the definition's problems.
    #[error("unsound form: {0:?}")]
    Unsound(Vec<String>),
}

impl From<sqlx::Error> for FormWorkflowError {
    fn from(error: sqlx::Error) -> Self {
        FormWorkflowError::Store(RequestError::Db(error))
    }
}

/// A service's working form version.
#[derive(Clone, Debug, PartialEq)]
pub struct WorkingForm {
    /// Version number.
    pub number: i64,
    /// Waiting for review (else a draft).
    pub in_review: bool,
    /// The form.
    pub definition: FormDefinition,
    /// Who changed it last.
    pub updated_by: String,
    /// A publisher's note when it was returned.
    pub review_note: String,
}

/// One version in a form's history.
#[derive(Clone, Debug, PartialEq)]
pub struct FormVersionInfo {
    /// Version number.
    pub number: i64,
    /// `draft`, `in_review`, `published` or `retired`.
    pub status: String,
    /// Who last changed it, and when.
    pub changed: (String, i64),
    /// Who published it, and when.
    pub published: Option<(String, i64)>,
}

/// A service's form state for the overview: (German slug, live number, working number and
/// whether it waits for review).
pub type FormState = (String, Option<i64>, Option<(i64, bool)>);

async fn lock(db: &Db, tx: &mut Tx, slug: &str) -> Result<i64, FormWorkflowError> {
    let sql = match db.backend() {
        Backend::Sqlite => "SELECT id FROM services WHERE slug_de = $1",
        Backend::Postgres => "SELECT id FROM services WHERE slug_de = $1 FOR UPDATE",
    };
    sqlx::query_scalar(sql).bind(slug).fetch_optional(&mut **tx).await?.ok_or(FormWorkflowError::NotFound)
}

async fn working_on<'e>(executor: impl sqlx::Executor<'e, Database = sqlx::Any>, service_id: i64) -> Result<Option<WorkingForm>, FormWorkflowError> {
    let row = sqlx::query(
        "SELECT number, status, definition, COALESCE(updated_by, created_by) AS updated_by, review_note FROM form_versions \
         WHERE service_id = $1 AND status IN ('draft', 'in_review')",
    )
    .bind(service_id)
    .fetch_optional(executor)
    .await?;
    let Some(row) = row else { return Ok(None) };
    Ok(Some(WorkingForm {
        number: row.try_get("number")?,
        in_review: row.try_get::<String, _>("status")? == "in_review",
        definition: from_json(&row.try_get::<String, _>("definition")?)?,
        updated_by: row.try_get("updated_by")?,
        review_note: row.try_get("review_note")?,
    }))
}

/// The working version of the service `slug`'s form, if any; `NotFound` without the service.
pub async fn working_form(db: &Db, slug: &str) -> Result<Option<WorkingForm>, FormWorkflowError> {
    let id: i64 = sqlx::query_scalar("SELECT id FROM services WHERE slug_de = $1")
        .bind(slug)
        .fetch_optional(db.pool())
        .await?
        .ok_or(FormWorkflowError::NotFound)?;
    working_on(db.pool(), id).await
}

/// Every version of the service `slug`'s form, newest first.
pub async fn form_history(db: &Db, slug: &str) -> Result<Vec<FormVersionInfo>, FormWorkflowError> {
    let rows = sqlx::query(
        "SELECT f.number, f.status, COALESCE(f.updated_by, f.created_by) AS changed_by, COALESCE(f.updated_at, f.created_at) AS changed_at, \
         f.published_by, f.published_at FROM form_versions f JOIN services s ON s.id = f.service_id WHERE s.slug_de = $1 ORDER BY f.number DESC",
    )
    .bind(slug)
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|row| {
            let published_by: Option<String> = row.try_get("published_by")?;
            let published_at: Option<i64> = row.try_get("published_at")?;
            Ok(FormVersionInfo {
                number: row.try_get("number")?,
                status: row.try_get("status")?,
                changed: (row.try_get("changed_by")?, row.try_get("changed_at")?),
                published: published_by.zip(published_at),
            })
        })
        .collect()
}

/// The form state of every service that has a form version.
pub async fn form_states(db: &Db) -> Result<Vec<FormState>, FormWorkflowError> {
    let rows = sqlx::query(
        "SELECT s.slug_de, f.number, f.status FROM form_versions f JOIN services s ON s.id = f.service_id \
         WHERE f.status IN ('published', 'draft', 'in_review') ORDER BY s.slug_de, f.number",
    )
    .fetch_all(db.pool())
    .await?;
    let mut states: Vec<FormState> = Vec::new();
    for row in &rows {
        let slug: String = row.try_get("slug_de")?;
        let number: i64 = row.try_get("number")?;
        let status: String = row.try_get("status")?;
        if states.last().is_none_or(|state| state.0 != slug) {
            states.push((slug, None, None));
        }
        if let Some(state) = states.last_mut() {
            match status.as_str() {
                "published" => state.1 = Some(number),
                other => state.2 = Some((number, other == "in_review")),
            }
        }
    }
    Ok(states)
}

/// Stores `definition` as the service's draft, making the draft on the first change. Refused
/// while a version waits for review. Returns the draft's number.
pub async fn save_form_draft(db: &Db, slug: &str, definition: &FormDefinition, actor: &str) -> Result<i64, FormWorkflowError> {
    let json = to_json(definition)?;
    let mut tx = db.begin_write().await?;
    let service = lock(db, &mut tx, slug).await?;
    let at = now();
    let number = match working_on(&mut *tx, service).await? {
        Some(working) if working.in_review => return Err(FormWorkflowError::InReview),
        Some(working) => {
            sqlx::query(
                "UPDATE form_versions SET definition = $1, updated_at = $2, updated_by = $3 WHERE service_id = $4 AND status = 'draft'",
            )
            .bind(json)
            .bind(at)
            .bind(actor)
            .bind(service)
            .execute(&mut *tx)
            .await?;
            working.number
        }
        None => {
            let number: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(number), 0) + 1 FROM form_versions WHERE service_id = $1")
                .bind(service)
                .fetch_one(&mut *tx)
                .await?;
            sqlx::query(
                "INSERT INTO form_versions (service_id, number, status, definition, created_at, created_by, updated_at, updated_by) \
                 VALUES ($1, $2, 'draft', $3, $4, $5, $4, $5)",
            )
            .bind(service)
            .bind(number)
            .bind(json)
            .bind(at)
            .bind(actor)
            .execute(&mut *tx)
            .await?;
            number
        }
    };
    tx.commit().await?;
    Ok(number)
}

/// Hands the draft to the publishers; refused while the form has problems.
pub async fn submit_form(db: &Db, slug: &str) -> Result<i64, FormWorkflowError> {
    let mut tx = db.begin_write().await?;
    let service = lock(db, &mut tx, slug).await?;
    let working = working_on(&mut *tx, service).await?.filter(|w| !w.in_review).ok_or(FormWorkflowError::NoDraft)?;
    let problems = working.definition.problems();
    if !problems.is_empty() {
        return Err(FormWorkflowError::Unsound(problems));
    }
    sqlx::query("UPDATE form_versions SET status = 'in_review', review_note = '' WHERE service_id = $1 AND status = 'draft'")
        .bind(service)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(working.number)
}

/// Sends the version in review back to the editors with `note`.
pub async fn return_form(db: &Db, slug: &str, note: &str) -> Result<i64, FormWorkflowError> {
    let mut tx = db.begin_write().await?;
    let service = lock(db, &mut tx, slug).await?;
    let working = working_on(&mut *tx, service).await?.filter(|w| w.in_review).ok_or(FormWorkflowError::NotInReview)?;
    sqlx::query("UPDATE form_versions SET status = 'draft', review_note = $1 WHERE service_id = $2 AND status = 'in_review'")
        .bind(note)
        .bind(service)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(working.number)
}

/// Publishes the version in review and retires the live one; refused with `FourEyes` when
/// `actor` changed it last. Marks the catalogue as changed, so cached service pages (which
/// link to the online request only while a live form exists) are rendered again.
pub async fn publish_reviewed_form(db: &Db, slug: &str, actor: &str) -> Result<i64, FormWorkflowError> {
    let mut tx = db.begin_write().await?;
    let service = lock(db, &mut tx, slug).await?;
    let working = working_on(&mut *tx, service).await?.filter(|w| w.in_review).ok_or(FormWorkflowError::NotInReview)?;
    if working.updated_by.trim().eq_ignore_ascii_case(actor.trim()) {
        return Err(FormWorkflowError::FourEyes);
    }
    sqlx::query("UPDATE form_versions SET status = 'retired' WHERE service_id = $1 AND status = 'published'")
        .bind(service)
        .execute(&mut *tx)
        .await?;
    sqlx::query("UPDATE form_versions SET status = 'published', published_at = $1, published_by = $2 WHERE service_id = $3 AND status = 'in_review'")
        .bind(now())
        .bind(actor)
        .bind(service)
        .execute(&mut *tx)
        .await?;
    crate::catalogue::bump_version(&mut tx).await.map_err(|error| RequestError::Corrupt(error.to_string()))?;
    tx.commit().await?;
    Ok(working.number)
}

/// Throws the working version away (draft or in review); the live form stays.
pub async fn discard_form_draft(db: &Db, slug: &str) -> Result<i64, FormWorkflowError> {
    let mut tx = db.begin_write().await?;
    let service = lock(db, &mut tx, slug).await?;
    let working = working_on(&mut *tx, service).await?.ok_or(FormWorkflowError::NoDraft)?;
    sqlx::query("DELETE FROM form_versions WHERE service_id = $1 AND status IN ('draft', 'in_review')")
        .bind(service)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(working.number)
}
