//! One request as the caseworker sees it: answers by the labels of the form version it was
//! submitted with, its files, and the whole history including internal notes; plus the lists
//! the inbox's forms choose from and a file's content for the download.

use crate::db::{Db, Row};
use crate::i18n::Lang;
use crate::inbox::model::{AnswerRow, Choice, RequestDetail, StaffEvent};
use crate::requests::answers::Answers;
use crate::requests::api::ssr::{display_answer, visible_pages};
use crate::requests::date::Day;
use crate::requests::status::{EventKind, FileInfo, RequestStatus};
use crate::requests::store::files::read_info;
use crate::requests::store::{form_version, RequestError};
use crate::requests::views::local;

/// The request with `reference`, or `None`.
pub async fn detail(db: &Db, reference: &str) -> Result<Option<RequestDetail>, RequestError> {
    let row = sqlx::query(
        "SELECT r.id, r.reference, r.service_title, s.slug_de, r.office_slug, r.form_version_id, r.answers, r.applicant_name, r.email, \
         r.status, r.assignee, r.submitted_at, r.expected_day FROM requests r JOIN services s ON s.id = r.service_id WHERE r.reference = $1",
    )
    .bind(reference)
    .fetch_optional(db.pool())
    .await?;
    let Some(row) = row else { return Ok(None) };
    let id: i64 = row.try_get("id")?;
    let code: String = row.try_get("status")?;
    let status = RequestStatus::from_code(&code).ok_or_else(|| RequestError::Corrupt(format!("status {code}")))?;
    let answers: Answers = serde_json::from_str(&row.try_get::<String, _>("answers")?).map_err(|e| RequestError::Corrupt(e.to_string()))?;
    let file_rows = sqlx::query(
        "SELECT public_id, field_id, file_name, media_type, size, event_id FROM request_files WHERE request_id = $1 ORDER BY id",
    )
    .bind(id)
    .fetch_all(db.pool())
    .await?;
    let mut files = Vec::new();
    let mut reply_files: Vec<(i64, FileInfo)> = Vec::new();
    for file in &file_rows {
        match file.try_get::<Option<i64>, _>("event_id")? {
            Some(event) => reply_files.push((event, read_info(file)?)),
            None => files.push(read_info(file)?),
        }
    }
    let sections = match form_version(db, row.try_get("form_version_id")?).await? {
        Some(form) => visible_pages(&form.definition, &answers)
            .map(|page| {
                let rows = page
                    .fields
                    .iter()
                    .filter(|field| answers.shows(field))
                    .map(|field| AnswerRow { label: local(&field.label, Lang::De), lines: display_answer(field, &answers, &files, Lang::De) })
                    .collect();
                (local(&page.title, Lang::De), rows)
            })
            .collect(),
        None => Vec::new(),
    };
    let event_rows = sqlx::query("SELECT id, at, kind, status, actor, message, internal FROM request_events WHERE request_id = $1 ORDER BY id")
        .bind(id)
        .fetch_all(db.pool())
        .await?;
    let mut events = Vec::new();
    for event in &event_rows {
        let kind: String = event.try_get("kind")?;
        let event_id: i64 = event.try_get("id")?;
        events.push(StaffEvent {
            at: event.try_get("at")?,
            kind: EventKind::from_code(&kind).ok_or_else(|| RequestError::Corrupt(format!("event kind {kind}")))?,
            status: event.try_get::<Option<String>, _>("status")?.as_deref().and_then(RequestStatus::from_code),
            actor: event.try_get("actor")?,
            message: event.try_get("message")?,
            internal: event.try_get::<i64, _>("internal")? != 0,
            files: reply_files.iter().filter(|(e, _)| *e == event_id).map(|(_, f)| f.clone()).collect(),
        });
    }
    Ok(Some(RequestDetail {
        reference: row.try_get("reference")?,
        service_title: row.try_get("service_title")?,
        service: row.try_get("slug_de")?,
        office: row.try_get("office_slug")?,
        status,
        assignee: row.try_get("assignee")?,
        applicant_name: row.try_get("applicant_name")?,
        email: row.try_get("email")?,
        submitted_at: row.try_get("submitted_at")?,
        expected: Day(row.try_get("expected_day")?),
        overdue: !status.is_final() && Day(row.try_get("expected_day")?) < Day::from_unix(crate::db::now()),
        sections,
        files,
        events,
    }))
}

/// A stored file for the download.
#[derive(Clone, Debug)]
pub struct StoredFile {
    /// Name, type and size.
    pub info: FileInfo,
    /// The bytes.
    pub content: Vec<u8>,
}

/// The file `file_id` of the request `reference` (never a draft's file).
pub async fn file(db: &Db, reference: &str, file_id: &str) -> Result<Option<StoredFile>, RequestError> {
    let row = sqlx::query(
        "SELECT f.public_id, f.field_id, f.file_name, f.media_type, f.size, f.content FROM request_files f \
         JOIN requests r ON r.id = f.request_id WHERE r.reference = $1 AND f.public_id = $2",
    )
    .bind(reference)
    .bind(file_id)
    .fetch_optional(db.pool())
    .await?;
    let Some(row) = row else { return Ok(None) };
    Ok(Some(StoredFile { info: read_info(&row)?, content: row.try_get("content")? }))
}

/// Active accounts with the caseworker role, as (email, name), to assign requests to.
pub async fn caseworkers(db: &Db) -> Result<Vec<Choice>, RequestError> {
    let rows = sqlx::query(
        "SELECT u.email, u.display_name FROM users u JOIN user_roles r ON r.user_id = u.id \
         WHERE r.role = 'caseworker' AND u.disabled_at IS NULL ORDER BY u.display_name, u.email",
    )
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|row| {
            let email: String = row.try_get("email")?;
            let name: String = row.try_get("display_name")?;
            let name = if name.trim().is_empty() { email.clone() } else { format!("{name} ({email})") };
            Ok(Choice { value: email.to_lowercase(), name })
        })
        .collect()
}

/// Services that have a request form, as (German slug, German title of the form's service).
pub async fn request_services(db: &Db) -> Result<Vec<Choice>, RequestError> {
    let rows = sqlx::query("SELECT DISTINCT s.slug_de FROM form_versions f JOIN services s ON s.id = f.service_id ORDER BY s.slug_de")
        .fetch_all(db.pool())
        .await?;
    let snapshot = crate::catalogue::api::ssr::snapshot().ok();
    rows.iter()
        .map(|row| {
            let slug: String = row.try_get("slug_de")?;
            let name = snapshot.as_ref().and_then(|s| s.service(&slug).map(|service| service.content.title.de.clone())).unwrap_or_else(|| slug.clone());
            Ok(Choice { value: slug, name })
        })
        .collect()
}
