//! Submitting a draft: one write transaction creates the request, its first event, moves the
//! uploads over and queues the mails. The resident sees the confirmation only after the commit,
//! and the draft's submit key makes a retried or doubled post land on the same request.

use super::{to_json, RequestError};
use crate::db::{now, sha256_hex, Backend, Db, Row};
use crate::requests::answers::Answers;
use crate::requests::date::Day;
use crate::requests::form::FieldKind;
use crate::requests::reference::{new_pin, new_reference};
use crate::requests::status::RequestStatus;

/// How long the confirmation page can still be opened after submitting (it shows the PIN).
const CONFIRMATION_SECONDS: i64 = 86_400;

/// On SQLite, submissions wait here, in arrival order, and one at a time asks for the write
/// lock. Without the queue every pooled connection asks at once, and the ones that find the lock
/// taken sleep in SQLite's busy handler (1 ms, growing to 100 ms per try) and miss the moments it
/// is free: 16 concurrent submitters got a fifth of one submitter's throughput, and some waited
/// over a second. PostgreSQL locks the draft's row instead and needs no queue.
static SQLITE_SUBMISSIONS: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// What the caller knows about the service when submitting.
pub struct Submission<'a> {
    /// The draft's resume code.
    pub code: &'a str,
    /// The key posted with the submission.
    pub submit_key: &'a str,
    /// The service's title, kept with the request.
    pub service_title: &'a str,
    /// The responsible office's slug.
    pub office_slug: &'a str,
    /// The service's usual processing time in days.
    pub processing_days: i64,
    /// The checked answers, hidden fields dropped.
    pub answers: &'a Answers,
    /// The mails to send once the request is committed; they get the reference and the PIN.
    pub mails: &'a (dyn Fn(&Receipt) -> Vec<crate::mail::OutgoingMail> + Sync),
}

/// What the resident needs after submitting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Receipt {
    /// The reference number.
    pub reference: String,
    /// The tracking PIN.
    pub pin: String,
    /// The expected decision date.
    pub expected: Day,
    /// The contact email, "" when none was given.
    pub email: String,
}

/// How a submission went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SubmitOutcome {
    /// The request is committed.
    Submitted(Receipt),
    /// The draft was submitted before (a double click or a retry): the same request.
    AlreadySubmitted { reference: String },
    /// The key does not belong to this draft (forged or from another draft).
    WrongKey,
    /// There is no such draft (any more).
    NoDraft,
}

/// Submits a draft. See the module documentation for the guarantees.
pub async fn submit(db: &Db, submission: &Submission<'_>) -> Result<SubmitOutcome, RequestError> {
    let hash = sha256_hex(submission.code);
    let _turn = match db.backend() {
        Backend::Sqlite => Some(SQLITE_SUBMISSIONS.lock().await),
        Backend::Postgres => None,
    };
    let at = now();
    let mut tx = db.begin_write().await?;
    let lock = match db.backend() {
        Backend::Sqlite => "",
        Backend::Postgres => " FOR UPDATE OF d",
    };
    let row = sqlx::query(&format!(
        "SELECT d.form_version_id, d.lang, d.submit_key, r.reference FROM request_drafts d \
         LEFT JOIN requests r ON r.id = d.request_id WHERE d.token_hash = $1 AND d.expires_at > $2{lock}"
    ))
    .bind(&hash)
    .bind(at)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(row) = row else { return Ok(SubmitOutcome::NoDraft) };
    if let Some(reference) = row.try_get::<Option<String>, _>("reference")? {
        return Ok(SubmitOutcome::AlreadySubmitted { reference });
    }
    let key: Option<String> = row.try_get("submit_key")?;
    if key.as_deref() != Some(submission.submit_key) || submission.submit_key.is_empty() {
        return Ok(SubmitOutcome::WrongKey);
    }
    let form_id: i64 = row.try_get("form_version_id")?;
    let lang: String = row.try_get("lang")?;
    let form = super::forms::form_version_on(&mut *tx, form_id).await?.ok_or_else(|| RequestError::Corrupt(format!("no form version {form_id}")))?;
    let answers = submission.answers;
    let email = form.definition.fields().find(|field| field.kind == FieldKind::Email).map(|field| answers.value(&field.id)).unwrap_or("");
    let expected = Day::from_unix(at).plus(submission.processing_days.max(0));
    let year = Day::from_unix(at).ymd().0;
    let pin = new_pin();
    let mut reference = new_reference(year);
    while sqlx::query("SELECT id FROM requests WHERE reference = $1").bind(&reference).fetch_optional(&mut *tx).await?.is_some() {
        reference = new_reference(year);
    }
    let request_id: i64 = sqlx::query(
        "INSERT INTO requests (reference, pin_hash, idempotency_key, service_id, service_title, office_slug, form_version_id, lang, \
         answers, applicant_name, email, status, submitted_at, expected_day, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $13) RETURNING id",
    )
    .bind(&reference)
    .bind(sha256_hex(&format!("{reference}\n{pin}")))
    .bind(submission.submit_key)
    .bind(form.service_id)
    .bind(submission.service_title)
    .bind(submission.office_slug)
    .bind(form_id)
    .bind(&lang)
    .bind(to_json(answers)?)
    .bind(answers.value("name"))
    .bind(email)
    .bind(RequestStatus::Received.code())
    .bind(at)
    .bind(expected.0)
    .fetch_one(&mut *tx)
    .await?
    .try_get("id")?;
    crate::inbox::store::write_search_keys(&mut tx, request_id, answers.value("name"), &reference).await?;
    sqlx::query("INSERT INTO request_events (request_id, at, kind, status, actor, message) VALUES ($1, $2, 'submitted', $3, 'resident', '')")
        .bind(request_id)
        .bind(at)
        .bind(RequestStatus::Received.code())
        .execute(&mut *tx)
        .await?;
    // Uploads of file fields the final answers hide go with the draft.
    let hidden = form.definition.fields().filter(|field| field.kind == FieldKind::File && !answers.shows(field));
    for field in hidden {
        sqlx::query("DELETE FROM request_files WHERE draft_token_hash = $1 AND field_id = $2").bind(&hash).bind(&field.id).execute(&mut *tx).await?;
    }
    sqlx::query("UPDATE request_files SET request_id = $1, draft_token_hash = NULL WHERE draft_token_hash = $2")
        .bind(request_id)
        .bind(&hash)
        .execute(&mut *tx)
        .await?;
    sqlx::query("UPDATE request_drafts SET request_id = $1, pin = $2, answers = '{}', updated_at = $3, expires_at = $4 WHERE token_hash = $5")
        .bind(request_id)
        .bind(&pin)
        .bind(at)
        .bind(at + CONFIRMATION_SECONDS)
        .bind(&hash)
        .execute(&mut *tx)
        .await?;
    let receipt = Receipt { reference, pin, expected, email: email.to_string() };
    for mail in (submission.mails)(&receipt) {
        if let Err(error) = crate::mail::enqueue(&mut tx, &mail).await {
            tracing::warn!(%error, "a request mail was not queued");
        }
    }
    tx.commit().await?;
    Ok(SubmitOutcome::Submitted(receipt))
}
