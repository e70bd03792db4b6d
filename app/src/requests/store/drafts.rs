//! Started requests. A draft is found only by its resume code, which the database keeps as a
//! SHA-256 hash; it expires `DRAFT_DAYS` after the last change and goes with its files.

use super::{form_version, from_json, to_json, RequestError, StoredForm};
use crate::db::{now, random_token, sha256_hex, Db, Row};
use crate::i18n::Lang;
use crate::requests::answers::Answers;
use crate::requests::reference::{new_resume_code, normalise_code};
use crate::requests::status::FileInfo;

/// Days a draft is kept after its last change, unless `RATHAUS_DRAFT_DAYS` says otherwise.
pub const DRAFT_DAYS: i64 = 30;

/// A started request.
#[derive(Clone, Debug)]
pub struct Draft {
    /// The resume code, as residents write it (`ABCD-EFGH-JKLM-NPQR`).
    pub code: String,
    /// The form version it is filled in.
    pub form: StoredForm,
    /// The language it was started in.
    pub lang: Lang,
    /// The answers so far.
    pub answers: Answers,
    /// The uploads so far.
    pub files: Vec<FileInfo>,
    /// The key the check-answers page issued for submitting (one per draft).
    pub submit_key: Option<String>,
    /// Once submitted: the reference number and PIN, shown on the confirmation page.
    pub submitted: Option<(String, String)>,
    /// When it will be deleted (Unix seconds).
    pub expires_at: i64,
}

/// Starts a draft of form version `form_id`; returns its resume code.
pub async fn start_draft(db: &Db, form_id: i64, lang: Lang, keep_days: i64) -> Result<String, RequestError> {
    let code = new_resume_code();
    let at = now();
    sqlx::query(
        "INSERT INTO request_drafts (token_hash, form_version_id, lang, answers, created_at, updated_at, expires_at) \
         VALUES ($1, $2, $3, '{}', $4, $4, $5)",
    )
    .bind(sha256_hex(&code))
    .bind(form_id)
    .bind(lang.code())
    .bind(at)
    .bind(at + keep_days * 86_400)
    .execute(db.pool())
    .await?;
    Ok(code)
}

/// The draft with resume code `typed` (however it was typed); `None` when there is none or it
/// has expired.
pub async fn load_draft(db: &Db, typed: &str) -> Result<Option<Draft>, RequestError> {
    let Some(code) = normalise_code(typed, 16) else { return Ok(None) };
    let hash = sha256_hex(&code);
    let row = sqlx::query(
        "SELECT d.form_version_id, d.lang, d.answers, d.submit_key, d.pin, d.expires_at, r.reference \
         FROM request_drafts d LEFT JOIN requests r ON r.id = d.request_id \
         WHERE d.token_hash = $1 AND d.expires_at > $2",
    )
    .bind(&hash)
    .bind(now())
    .fetch_optional(db.pool())
    .await?;
    let Some(row) = row else { return Ok(None) };
    let form_id: i64 = row.try_get("form_version_id")?;
    let form = form_version(db, form_id).await?.ok_or_else(|| RequestError::Corrupt(format!("draft without form version {form_id}")))?;
    let reference: Option<String> = row.try_get("reference")?;
    let pin: Option<String> = row.try_get("pin")?;
    let files = draft_files(db, &hash).await?;
    Ok(Some(Draft {
        code,
        form,
        lang: Lang::from_code(&row.try_get::<String, _>("lang")?).unwrap_or_default(),
        answers: from_json(&row.try_get::<String, _>("answers")?)?,
        files,
        submit_key: row.try_get("submit_key")?,
        submitted: reference.zip(pin),
        expires_at: row.try_get("expires_at")?,
    }))
}

async fn draft_files(db: &Db, hash: &str) -> Result<Vec<FileInfo>, RequestError> {
    let rows = sqlx::query("SELECT public_id, field_id, file_name, media_type, size FROM request_files WHERE draft_token_hash = $1 ORDER BY id")
        .bind(hash)
        .fetch_all(db.pool())
        .await?;
    rows.iter().map(super::files::read_info).collect()
}

/// Stores the answers of a draft that is not submitted yet, and moves its expiry on.
/// Returns false when the draft is gone or submitted.
pub async fn save_answers(db: &Db, code: &str, answers: &Answers, keep_days: i64) -> Result<bool, RequestError> {
    let at = now();
    let result = sqlx::query(
        "UPDATE request_drafts SET answers = $1, updated_at = $2, expires_at = $3 \
         WHERE token_hash = $4 AND request_id IS NULL AND expires_at > $2",
    )
    .bind(to_json(answers)?)
    .bind(at)
    .bind(at + keep_days * 86_400)
    .bind(sha256_hex(code))
    .execute(db.pool())
    .await?;
    Ok(result.rows_affected() == 1)
}

/// The key that submits the draft: issued once by the check-answers page and kept, so a
/// retried or doubled submission carries the same key.
pub async fn issue_submit_key(db: &Db, code: &str) -> Result<Option<String>, RequestError> {
    let hash = sha256_hex(code);
    sqlx::query("UPDATE request_drafts SET submit_key = $1 WHERE token_hash = $2 AND submit_key IS NULL")
        .bind(random_token())
        .bind(&hash)
        .execute(db.pool())
        .await?;
    let row = sqlx::query("SELECT submit_key FROM request_drafts WHERE token_hash = $1").bind(&hash).fetch_optional(db.pool()).await?;
    Ok(row.map(|row| row.try_get("submit_key")).transpose()?.flatten())
}

/// Deletes expired drafts with their files; returns how many.
pub async fn delete_expired_drafts(db: &Db) -> Result<u64, RequestError> {
    let at = now();
    let mut tx = db.begin_write().await?;
    sqlx::query("DELETE FROM request_files WHERE draft_token_hash IN (SELECT token_hash FROM request_drafts WHERE expires_at <= $1)")
        .bind(at)
        .execute(&mut *tx)
        .await?;
    let deleted = sqlx::query("DELETE FROM request_drafts WHERE expires_at <= $1").bind(at).execute(&mut *tx).await?.rows_affected();
    tx.commit().await?;
    Ok(deleted)
}
