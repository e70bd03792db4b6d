//! Storage of feedback messages and of failed form submissions.

use super::api::{FeedbackDraft, FeedbackFlash};
use crate::db::{now, Db, DbError, Row};
use crate::i18n::Lang;

/// How long a failed submission is kept for showing again.
const FLASH_SECONDS: i64 = 3600;

/// A stored feedback message, for staff.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredFeedback {
    /// When it arrived (Unix seconds).
    pub created_at: i64,
    /// The language of the page it was sent from.
    pub lang: String,
    /// The page the barrier is on, as the resident gave it.
    pub page: String,
    /// The message.
    pub message: String,
    /// How to answer, if given.
    pub contact: String,
}

/// Stores a validated message.
pub async fn save_feedback(db: &Db, lang: Lang, draft: &FeedbackDraft) -> Result<(), DbError> {
    sqlx::query("INSERT INTO accessibility_feedback (created_at, lang, page, message, contact) VALUES ($1, $2, $3, $4, $5)")
        .bind(now())
        .bind(lang.code())
        .bind(draft.page.trim())
        .bind(draft.message.trim())
        .bind(draft.contact.trim())
        .execute(db.pool())
        .await?;
    Ok(())
}

/// The newest messages first.
pub async fn list_feedback(db: &Db, limit: i64) -> Result<Vec<StoredFeedback>, DbError> {
    let rows = sqlx::query(
        "SELECT created_at, lang, page, message, contact FROM accessibility_feedback ORDER BY created_at DESC, id DESC LIMIT $1",
    )
    .bind(limit)
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|row| {
            Ok(StoredFeedback {
                created_at: row.try_get("created_at")?,
                lang: row.try_get("lang")?,
                page: row.try_get("page")?,
                message: row.try_get("message")?,
                contact: row.try_get("contact")?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(DbError::from)
}

/// Keeps a failed submission for an hour and returns the token to fetch it with; removes
/// expired ones on the way.
pub async fn save_flash(db: &Db, flash: &FeedbackFlash) -> Result<String, DbError> {
    let token = crate::db::random_token();
    let payload = serde_json::to_string(flash).map_err(|e| DbError::Query(sqlx::Error::Encode(e.into())))?;
    let now = now();
    sqlx::query("DELETE FROM form_flashes WHERE created_at < $1").bind(now - FLASH_SECONDS).execute(db.pool()).await?;
    sqlx::query("INSERT INTO form_flashes (token, created_at, payload) VALUES ($1, $2, $3)")
        .bind(&token)
        .bind(now)
        .bind(payload)
        .execute(db.pool())
        .await?;
    Ok(token)
}

/// The submission kept under `token`, if it exists and has not expired.
pub async fn take_flash(db: &Db, token: &str) -> Result<Option<FeedbackFlash>, DbError> {
    if token.len() != 32 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(None);
    }
    let payload: Option<String> = sqlx::query_scalar("SELECT payload FROM form_flashes WHERE token = $1 AND created_at >= $2")
        .bind(token)
        .bind(now() - FLASH_SECONDS)
        .fetch_optional(db.pool())
        .await?;
    Ok(payload.and_then(|p| serde_json::from_str(&p).ok()))
}
