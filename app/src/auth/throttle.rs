//! Sign-in back-off per account and per network address, kept in the database so every
//! instance counts the same failures. Waiting times grow with each failure and are capped,
//! so there is no lock-out an attacker could use to keep staff out.

use crate::db::{now, Db, DbError, Row};

/// The client's network address as the server determined it (the socket's peer, or behind
/// trusted proxies the address they forwarded); set on every request by the server.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientAddress(pub std::net::IpAddr);

/// Failures are forgotten after an hour without another one.
const FORGET_AFTER: i64 = 3600;

/// A counter of failed sign-ins.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Throttle<'a> {
    /// One staff account (lower-cased email), whether or not it exists.
    Account(&'a str),
    /// One client address.
    Address(&'a str),
}

impl Throttle<'_> {
    fn key(self) -> String {
        match self {
            Throttle::Account(email) => format!("account:{}", email.trim().to_lowercase()),
            Throttle::Address(address) => format!("ip:{address}"),
        }
    }

    /// Seconds to wait after `failures` failures: none for the first few, then doubling up to
    /// a minute per account and a quarter of an hour per address.
    pub fn backoff(self, failures: i64) -> i64 {
        let (free, cap) = match self {
            Throttle::Account(_) => (3, 60),
            Throttle::Address(_) => (10, 900),
        };
        if failures < free {
            0
        } else {
            let exponent = u32::try_from(failures - free).unwrap_or(u32::MAX).min(20);
            (2i64 << exponent).min(cap)
        }
    }
}

/// How many seconds to wait before the next attempt is checked at all (0 = go ahead).
pub async fn seconds_to_wait(db: &Db, counters: &[Throttle<'_>]) -> Result<i64, DbError> {
    let mut wait = 0;
    let now = now();
    for counter in counters {
        let row = sqlx::query("SELECT failures, last_failure_at FROM sign_in_failures WHERE key = $1")
            .bind(counter.key())
            .fetch_optional(db.pool())
            .await?;
        if let Some(row) = row {
            let failures: i64 = row.try_get("failures")?;
            let last: i64 = row.try_get("last_failure_at")?;
            if now - last < FORGET_AFTER {
                wait = wait.max(counter.backoff(failures) - (now - last));
            }
        }
    }
    Ok(wait.max(0))
}

/// Counts a failed attempt on every counter.
pub async fn record_failure(db: &Db, counters: &[Throttle<'_>]) -> Result<(), DbError> {
    let now = now();
    for counter in counters {
        sqlx::query(
            "INSERT INTO sign_in_failures (key, failures, last_failure_at) VALUES ($1, 1, $2) \
             ON CONFLICT (key) DO UPDATE SET \
             failures = CASE WHEN sign_in_failures.last_failure_at < $3 THEN 1 ELSE sign_in_failures.failures + 1 END, \
             last_failure_at = $2",
        )
        .bind(counter.key())
        .bind(now)
        .bind(now - FORGET_AFTER)
        .execute(db.pool())
        .await?;
    }
    Ok(())
}

/// Forgets the failures of a counter after a successful sign-in.
pub async fn clear(db: &Db, counter: Throttle<'_>) -> Result<(), DbError> {
    sqlx::query("DELETE FROM sign_in_failures WHERE key = $1").bind(counter.key()).execute(db.pool()).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_starts_late_doubles_and_is_capped() {
        let account = Throttle::Account("a@b.de");
        assert_eq!(account.backoff(2), 0);
        assert_eq!(account.backoff(3), 2);
        assert_eq!(account.backoff(4), 4);
        assert_eq!(account.backoff(100), 60);
        let address = Throttle::Address("192.0.2.1");
        assert_eq!(address.backoff(9), 0);
        assert_eq!(address.backoff(10), 2);
        assert_eq!(address.backoff(1000), 900);
    }
}
