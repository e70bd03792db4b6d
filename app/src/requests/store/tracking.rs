//! Tracking without an account: a request is found by its reference number and PIN together.
//! A wrong PIN and an unknown reference give the same answer.

use super::files::{check_upload, sanitise_file_name, FileRefusal, Upload};
use super::RequestError;
use crate::db::{now, random_token, sha256_hex, Db, Row};
use crate::i18n::Lang;
use crate::requests::date::Day;
use crate::requests::form::{Field, FieldKind};
use crate::requests::status::{EventKind, FileInfo, PublicEvent, RequestStatus, TrackedRequest};

/// A request found by reference and PIN.
#[derive(Clone, Debug)]
pub struct Tracked {
    /// Its row id.
    pub id: i64,
    /// The language it was submitted in (for mails).
    pub lang: Lang,
    /// The resident's email, "" when none.
    pub email: String,
    /// What the tracking page shows.
    pub request: TrackedRequest,
}

/// The request with this reference when `pin` is its PIN (both as normalised by
/// [`crate::requests::reference`]).
pub async fn track(db: &Db, reference: &str, pin: &str) -> Result<Option<Tracked>, RequestError> {
    let row = sqlx::query(
        "SELECT id, pin_hash, lang, email, service_title, status, submitted_at, expected_day FROM requests WHERE reference = $1",
    )
    .bind(reference)
    .fetch_optional(db.pool())
    .await?;
    // Hash even when the reference is unknown, so both failures take the same time.
    let offered = sha256_hex(&format!("{reference}\n{pin}"));
    let Some(row) = row else { return Ok(None) };
    let stored: String = row.try_get("pin_hash")?;
    if !constant_time_eq(stored.as_bytes(), offered.as_bytes()) {
        return Ok(None);
    }
    let id: i64 = row.try_get("id")?;
    let status_code: String = row.try_get("status")?;
    Ok(Some(Tracked {
        id,
        lang: Lang::from_code(&row.try_get::<String, _>("lang")?).unwrap_or_default(),
        email: row.try_get("email")?,
        request: TrackedRequest {
            reference: reference.to_string(),
            service_title: row.try_get("service_title")?,
            status: RequestStatus::from_code(&status_code).ok_or_else(|| RequestError::Corrupt(format!("status {status_code}")))?,
            submitted_at: row.try_get("submitted_at")?,
            expected: Day(row.try_get("expected_day")?),
            events: public_events(db, id).await?,
        },
    }))
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

async fn public_events(db: &Db, request_id: i64) -> Result<Vec<PublicEvent>, RequestError> {
    let rows = sqlx::query("SELECT id, at, kind, status, message FROM request_events WHERE request_id = $1 AND internal = 0 ORDER BY id")
        .bind(request_id)
        .fetch_all(db.pool())
        .await?;
    let files = sqlx::query(
        "SELECT event_id, public_id, field_id, file_name, media_type, size FROM request_files WHERE request_id = $1 AND event_id IS NOT NULL ORDER BY id",
    )
    .bind(request_id)
    .fetch_all(db.pool())
    .await?;
    let mut events = Vec::new();
    for row in &rows {
        let kind_code: String = row.try_get("kind")?;
        let Some(kind) = EventKind::from_code(&kind_code).filter(|kind| !matches!(kind, EventKind::Note | EventKind::Assigned)) else { continue };
        let event_id: i64 = row.try_get("id")?;
        let mut attached = Vec::new();
        for file in &files {
            if file.try_get::<Option<i64>, _>("event_id")? == Some(event_id) {
                attached.push(super::files::read_info(file)?);
            }
        }
        events.push(PublicEvent {
            at: row.try_get("at")?,
            kind,
            status: row.try_get::<Option<String>, _>("status")?.as_deref().and_then(RequestStatus::from_code),
            message: row.try_get("message")?,
            files: attached,
        });
    }
    Ok(events)
}

/// The pseudo-field residents' reply files are checked against: PDF, JPEG or PNG, up to five
/// files of 10 MiB.
pub fn reply_field() -> Field {
    Field {
        id: "antwort".into(),
        kind: FieldKind::File,
        label: Default::default(),
        hint: Default::default(),
        required: false,
        limits: Default::default(),
        options: Vec::new(),
        show_if: None,
    }
}

/// The resident withdraws request `id`; false when it was already final.
pub async fn withdraw(db: &Db, id: i64, message: &str, mails: &[crate::mail::OutgoingMail]) -> Result<bool, RequestError> {
    change_by_resident(db, id, EventKind::Status, Some(RequestStatus::Withdrawn), message, &[], mails).await.map(|done| done.is_ok())
}

/// The resident answers on the tracking page with a message and files. A request waiting for
/// the resident goes back to "in progress". Refused for final requests and bad files.
pub async fn reply(db: &Db, id: i64, message: &str, uploads: &[Upload], mails: &[crate::mail::OutgoingMail]) -> Result<Result<(), FileRefusal>, RequestError> {
    let field = reply_field();
    for (index, upload) in uploads.iter().enumerate() {
        if let Err(refusal) = check_upload(&field, upload, index) {
            return Ok(Err(refusal));
        }
    }
    change_by_resident(db, id, EventKind::Reply, None, message, uploads, mails).await
}

async fn change_by_resident(
    db: &Db,
    id: i64,
    kind: EventKind,
    new_status: Option<RequestStatus>,
    message: &str,
    uploads: &[Upload],
    mails: &[crate::mail::OutgoingMail],
) -> Result<Result<(), FileRefusal>, RequestError> {
    let at = now();
    let mut tx = db.begin_write().await?;
    let status: String = sqlx::query("SELECT status FROM requests WHERE id = $1").bind(id).fetch_one(&mut *tx).await?.try_get("status")?;
    let status = RequestStatus::from_code(&status).ok_or_else(|| RequestError::Corrupt(format!("status {status}")))?;
    if status.is_final() {
        return Ok(Err(FileRefusal::NotAccepted));
    }
    let after = new_status.unwrap_or(if status == RequestStatus::Waiting { RequestStatus::InProgress } else { status });
    let event_id: i64 = sqlx::query(
        "INSERT INTO request_events (request_id, at, kind, status, actor, message) VALUES ($1, $2, $3, $4, 'resident', $5) RETURNING id",
    )
    .bind(id)
    .bind(at)
    .bind(kind.code())
    .bind((after != status).then_some(after.code()))
    .bind(message)
    .fetch_one(&mut *tx)
    .await?
    .try_get("id")?;
    sqlx::query("UPDATE requests SET status = $1, updated_at = $2 WHERE id = $3").bind(after.code()).bind(at).bind(id).execute(&mut *tx).await?;
    for upload in uploads {
        let Some(file_type) = crate::requests::form::FileType::sniff(&upload.bytes) else { continue };
        let info = FileInfo {
            id: random_token(),
            field: "antwort".into(),
            name: sanitise_file_name(&upload.name, file_type),
            media_type: file_type.media_type().into(),
            size: upload.bytes.len() as i64,
        };
        sqlx::query(
            "INSERT INTO request_files (public_id, request_id, event_id, field_id, file_name, media_type, size, content, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(&info.id)
        .bind(id)
        .bind(event_id)
        .bind(&info.field)
        .bind(&info.name)
        .bind(&info.media_type)
        .bind(info.size)
        .bind(upload.bytes.clone())
        .bind(at)
        .execute(&mut *tx)
        .await?;
    }
    for mail in mails {
        if let Err(error) = crate::mail::enqueue(&mut tx, mail).await {
            tracing::warn!(%error, "a request mail was not queued");
        }
    }
    tx.commit().await?;
    Ok(Ok(()))
}
