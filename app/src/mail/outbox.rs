//! The `mail_outbox` table: mail is written there in the caller's transaction and leaves it
//! only by being sent (or, once sent, by the clean-up of old sent rows).

use super::message::OutgoingMail;
use crate::db::{now, random_token, Backend, Db, Row};
use sqlx::AnyConnection;
use std::time::Duration;

/// How long a claimed row belongs to the instance that claimed it. One attempt is cut off
/// long before (`MailSettings::send_timeout`), so the claim only lapses when an instance dies
/// mid-attempt; then another instance sends the mail after this time.
pub(crate) const CLAIM_SECONDS: i64 = 600;

/// Stores `mail` for sending. Runs on the caller's connection, so inside a transaction
/// (`&mut *tx`) the mail is committed with the change that caused it, or not at all.
///
/// A recipient that is not a plausible address or holds control characters is refused with
/// [`sqlx::Error::InvalidArgument`] and nothing is stored; the subject is put on one line.
/// When a bad address should not undo the caller's change, check it first with
/// [`OutgoingMail::checked`]. Call [`super::wake`] after the commit to send at once instead of
/// at the next poll.
pub async fn enqueue(conn: &mut AnyConnection, mail: &OutgoingMail) -> Result<(), sqlx::Error> {
    let mail = mail.checked().map_err(|invalid| sqlx::Error::InvalidArgument(invalid.to_string()))?;
    let at = now();
    sqlx::query(
        "INSERT INTO mail_outbox (created_at, recipient, subject, body, attempts, next_attempt_at) \
         VALUES ($1, $2, $3, $4, 0, $5)",
    )
    .bind(at)
    .bind(mail.to)
    .bind(mail.subject)
    .bind(mail.body)
    .bind(at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A row claimed for one delivery attempt.
#[derive(Debug)]
pub(crate) struct Claimed {
    pub id: i64,
    pub created_at: i64,
    pub attempts: i64,
    pub token: String,
    pub mail: OutgoingMail,
}

/// Claims the oldest mail due at `due_by` that no live claim holds. One statement, so two
/// instances never claim the same row: PostgreSQL skips rows another claim has locked and
/// re-checks the claim columns on the locked row; SQLite runs one writer at a time.
pub(crate) async fn claim_next(db: &Db, due_by: i64) -> Result<Option<Claimed>, sqlx::Error> {
    let lock = match db.backend() {
        Backend::Postgres => " FOR UPDATE SKIP LOCKED",
        Backend::Sqlite => "",
    };
    let at = now();
    let token = random_token();
    let sql = format!(
        "UPDATE mail_outbox SET claim_token = $1, claimed_until = $2 \
         WHERE id = (SELECT id FROM mail_outbox \
                     WHERE sent_at IS NULL AND next_attempt_at <= $3 AND (claimed_until IS NULL OR claimed_until < $4) \
                     ORDER BY next_attempt_at, id LIMIT 1{lock}) \
           AND sent_at IS NULL AND (claimed_until IS NULL OR claimed_until < $4) \
         RETURNING id, created_at, attempts, recipient, subject, body"
    );
    let row = sqlx::query(&sql)
        .bind(&token)
        .bind(at + CLAIM_SECONDS)
        .bind(due_by)
        .bind(at)
        .fetch_optional(db.pool())
        .await?;
    row.map(|row| {
        Ok(Claimed {
            id: row.try_get("id")?,
            created_at: row.try_get("created_at")?,
            attempts: row.try_get("attempts")?,
            token,
            mail: OutgoingMail { to: row.try_get("recipient")?, subject: row.try_get("subject")?, body: row.try_get("body")? },
        })
    })
    .transpose()
}

/// Records a delivered mail. False when the claim had lapsed and another instance took the row.
pub(crate) async fn mark_sent(db: &Db, claimed: &Claimed) -> Result<bool, sqlx::Error> {
    let at = now();
    let done = sqlx::query(
        "UPDATE mail_outbox SET sent_at = $1, last_attempt_at = $1, attempts = attempts + 1, last_error = NULL, \
         claim_token = NULL, claimed_until = NULL WHERE id = $2 AND claim_token = $3 AND sent_at IS NULL",
    )
    .bind(at)
    .bind(claimed.id)
    .bind(&claimed.token)
    .execute(db.pool())
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Records a failed attempt: the mail stays, and the next attempt waits `delay`.
pub(crate) async fn mark_failed(db: &Db, claimed: &Claimed, error: &str, delay: Duration) -> Result<(), sqlx::Error> {
    let at = now();
    let wait = i64::try_from(delay.as_secs()).unwrap_or(i64::MAX / 2).max(1);
    sqlx::query(
        "UPDATE mail_outbox SET attempts = attempts + 1, last_attempt_at = $1, last_error = $2, next_attempt_at = $3, \
         claim_token = NULL, claimed_until = NULL WHERE id = $4 AND claim_token = $5 AND sent_at IS NULL",
    )
    .bind(at)
    .bind(error)
    .bind(at.saturating_add(wait))
    .bind(claimed.id)
    .bind(&claimed.token)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// When the next unsent mail that is not due yet becomes due.
pub(crate) async fn next_due(db: &Db, after: i64) -> Result<Option<i64>, sqlx::Error> {
    let row = sqlx::query("SELECT MIN(next_attempt_at) AS due FROM mail_outbox WHERE sent_at IS NULL AND next_attempt_at > $1")
        .bind(after)
        .fetch_one(db.pool())
        .await?;
    row.try_get("due")
}

/// Deletes mails sent before `sent_before` (they hold residents' addresses). Returns how many.
pub(crate) async fn delete_sent(db: &Db, sent_before: i64) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("DELETE FROM mail_outbox WHERE sent_at IS NOT NULL AND sent_at < $1")
        .bind(sent_before)
        .execute(db.pool())
        .await?;
    Ok(done.rows_affected())
}

/// The wait before the attempt after `failed_attempts` failures: `base` doubled for each
/// failure after the first, at most `max`, at least one second.
pub fn retry_delay(failed_attempts: i64, base: Duration, max: Duration) -> Duration {
    let doublings = u32::try_from(failed_attempts.saturating_sub(1).clamp(0, 30)).unwrap_or(30);
    base.saturating_mul(1u32 << doublings).min(max).max(Duration::from_secs(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn back_off_doubles_up_to_the_cap() {
        let (base, max) = (Duration::from_secs(30), Duration::from_secs(3600));
        let waits: Vec<u64> = (1..=9).map(|n| retry_delay(n, base, max).as_secs()).collect();
        assert_eq!(waits, [30, 60, 120, 240, 480, 960, 1920, 3600, 3600]);
        assert_eq!(retry_delay(i64::MAX, base, max), max);
        assert_eq!(retry_delay(1, Duration::ZERO, max), Duration::from_secs(1));
    }
}
