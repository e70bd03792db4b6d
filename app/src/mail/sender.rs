//! The outbox loop: claims due mail, sends it over SMTP with lettre, records the outcome, and
//! waits for the next due mail, a wake-up from this process or the next poll.

use super::message::to_message;
use super::outbox::{self, Claimed};
use super::settings::MailSettings;
use crate::db::{now, Db};
use lettre::message::Mailbox;
use lettre::transport::smtp::AsyncSmtpTransport;
use lettre::{AsyncTransport, Tokio1Executor};
use std::future::Future;
use std::pin::Pin;
use std::sync::OnceLock;
use std::time::Duration;
use tokio::sync::Notify;

/// The longest error text kept in `last_error`.
const MAX_ERROR_CHARS: usize = 500;

/// How often sent mails past `keep_sent` are deleted.
const CLEAN_UP_EVERY: Duration = Duration::from_secs(3600);

fn wake_signal() -> &'static Notify {
    static SIGNAL: OnceLock<Notify> = OnceLock::new();
    SIGNAL.get_or_init(Notify::new)
}

/// Asks the outbox loops of this process to look for due mail now. Call it after committing
/// a transaction that enqueued mail; without it the mail leaves at the next poll.
pub fn wake() {
    wake_signal().notify_waiters();
}

/// What one [`send_due`] pass did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SendReport {
    /// Mails the SMTP server accepted.
    pub sent: usize,
    /// Attempts that failed; those mails wait for their next attempt.
    pub failed: usize,
}

/// Sends every mail due now, once each, and returns what happened. Does nothing when no SMTP
/// server is configured. [`run_outbox`] calls this in a loop; it is public for one-off runs.
pub async fn send_due(db: &Db, settings: &MailSettings) -> Result<SendReport, sqlx::Error> {
    match Sender::new(settings) {
        Some(Ok(sender)) => sender.send_due(db, None).await,
        Some(Err(error)) => {
            tracing::error!(%error, "the SMTP client cannot be set up; mail stays in the outbox");
            Ok(SendReport::default())
        }
        None => Ok(SendReport::default()),
    }
}

/// Sends mail from the outbox until `shutdown` completes. Runs on every instance; the claim
/// on each row keeps two instances from sending the same mail. Without a configured SMTP
/// server it warns once and only waits for `shutdown`: mail is kept, not lost.
///
/// On shutdown the mail being sent is finished first, so await the task for a few seconds.
pub async fn run_outbox(db: Db, settings: MailSettings, shutdown: impl Future<Output = ()> + Send) {
    let sender = match Sender::new(&settings) {
        Some(Ok(sender)) => sender,
        Some(Err(error)) => {
            tracing::error!(%error, "the SMTP client cannot be set up; mail stays in the outbox");
            shutdown.await;
            return;
        }
        None => {
            tracing::warn!("RATHAUS_SMTP_URL is not set: mail is kept in the outbox and sent once it is");
            shutdown.await;
            return;
        }
    };
    tracing::info!(smtp = settings.redacted_url().unwrap_or_default(), "sending mail from the outbox");
    let shutdown = std::pin::pin!(shutdown);
    let mut stop = Stop { signal: shutdown, done: false };
    let mut last_clean_up: Option<tokio::time::Instant> = None;
    loop {
        // Registered before looking, so a wake during the pass is not missed.
        let woken = wake_signal().notified();
        let mut woken = std::pin::pin!(woken);
        woken.as_mut().enable();

        if let Err(error) = sender.send_due(&db, Some(&mut stop)).await {
            tracing::warn!(%error, "reading the mail outbox failed; trying again at the next poll");
        }
        if last_clean_up.is_none_or(|at| at.elapsed() >= CLEAN_UP_EVERY) {
            last_clean_up = Some(tokio::time::Instant::now());
            clean_up(&db, &settings).await;
        }
        let wait = match outbox::next_due(&db, now()).await {
            Ok(Some(due)) => Duration::from_secs(u64::try_from(due - now()).unwrap_or(0).max(1)).min(settings.poll_interval),
            Ok(None) => settings.poll_interval,
            Err(error) => {
                tracing::warn!(%error, "reading the mail outbox failed; trying again at the next poll");
                settings.poll_interval
            }
        };
        tokio::select! {
            biased;
            () = stop.wait() => break,
            () = woken => {}
            () = tokio::time::sleep(wait) => {}
        }
    }
    tracing::info!("mail outbox stopped");
}

async fn clean_up(db: &Db, settings: &MailSettings) {
    let keep = i64::try_from(settings.keep_sent.as_secs()).unwrap_or(i64::MAX / 2);
    match outbox::delete_sent(db, now().saturating_sub(keep)).await {
        Ok(0) => {}
        Ok(deleted) => tracing::info!(deleted, "deleted old sent mails from the outbox"),
        Err(error) => tracing::warn!(%error, "deleting old sent mails failed"),
    }
}

/// The SMTP client with what every attempt needs.
struct Sender<'a> {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: &'a Mailbox,
    settings: &'a MailSettings,
}

impl<'a> Sender<'a> {
    fn new(settings: &'a MailSettings) -> Option<Result<Sender<'a>, String>> {
        let transport = settings.transport()?;
        let from = settings.from()?;
        Some(transport.map(|transport| Sender { transport, from, settings }))
    }

    /// Sends the mails due when the pass starts, one claim at a time, until none is left or
    /// `stop` has completed. Each mail is tried at most once per pass.
    async fn send_due(&self, db: &Db, mut stop: Option<&mut Stop<'_>>) -> Result<SendReport, sqlx::Error> {
        let due_by = now();
        let mut report = SendReport::default();
        while let Some(claimed) = outbox::claim_next(db, due_by).await? {
            if self.attempt(db, &claimed).await? {
                report.sent += 1;
            } else {
                report.failed += 1;
            }
            if let Some(stop) = stop.as_mut() {
                if stop.requested().await {
                    break;
                }
            }
        }
        Ok(report)
    }

    /// One delivery attempt; true when the server accepted the mail.
    async fn attempt(&self, db: &Db, claimed: &Claimed) -> Result<bool, sqlx::Error> {
        let outcome = match to_message(self.from, &claimed.mail, claimed.id, claimed.created_at) {
            Err(error) => Err(error),
            Ok(message) => match tokio::time::timeout(self.settings.send_timeout, self.transport.send(message)).await {
                Ok(Ok(_response)) => Ok(()),
                Ok(Err(error)) => Err(describe(&error)),
                Err(_) => Err(format!("no answer from the SMTP server within {} s", self.settings.send_timeout.as_secs())),
            },
        };
        match outcome {
            Ok(()) => {
                if !outbox::mark_sent(db, claimed).await? {
                    tracing::warn!(mail = claimed.id, "a mail was sent after its claim had lapsed; it may arrive twice");
                }
                tracing::info!(mail = claimed.id, attempts = claimed.attempts + 1, "mail sent");
                Ok(true)
            }
            Err(error) => {
                let error = truncate(&self.settings.scrub(&error));
                let failures = claimed.attempts + 1;
                let delay = outbox::retry_delay(failures, self.settings.retry_base, self.settings.retry_max);
                outbox::mark_failed(db, claimed, &error, delay).await?;
                let logged = without(&error, &claimed.mail.to, "<recipient>");
                tracing::warn!(mail = claimed.id, attempts = failures, retry_in_s = delay.as_secs(), error = %logged, "sending a mail failed; it stays in the outbox");
                Ok(false)
            }
        }
    }
}

/// The shutdown signal, polled between mails and awaited between passes, never again once
/// it has completed.
struct Stop<'a> {
    signal: Pin<&'a mut (dyn Future<Output = ()> + Send)>,
    done: bool,
}

impl Stop<'_> {
    /// Whether shutdown was requested, without waiting.
    async fn requested(&mut self) -> bool {
        if !self.done {
            self.done = tokio::select! {
                biased;
                () = self.signal.as_mut() => true,
                () = std::future::ready(()) => false,
            };
        }
        self.done
    }

    /// Completes when shutdown is requested.
    async fn wait(&mut self) {
        if !self.done {
            self.signal.as_mut().await;
            self.done = true;
        }
    }
}

/// The error with its causes (lettre's own text often says only "Connection error").
fn describe(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}

/// `text` with every occurrence of `needle`, in any ASCII case, replaced: servers repeat the
/// recipient in their errors, and residents' addresses stay out of the logs.
fn without(text: &str, needle: &str, replacement: &str) -> String {
    if needle.is_empty() {
        return text.to_string();
    }
    let (lower, needle) = (text.to_ascii_lowercase(), needle.to_ascii_lowercase());
    let mut out = String::with_capacity(text.len());
    let mut rest = 0;
    for (start, found) in lower.match_indices(&needle) {
        out.push_str(&text[rest..start]);
        out.push_str(replacement);
        rest = start + found.len();
    }
    out.push_str(&text[rest..]);
    out
}

/// At most [`MAX_ERROR_CHARS`] characters.
fn truncate(text: &str) -> String {
    match text.char_indices().nth(MAX_ERROR_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logged_errors_leave_out_the_recipient() {
        let error = "permanent error (550): 5.1.1 <Anna.Schulz@Example.org>: Recipient address rejected: ä";
        assert_eq!(
            without(error, "anna.schulz@example.org", "<recipient>"),
            "permanent error (550): 5.1.1 <<recipient>>: Recipient address rejected: ä"
        );
        assert_eq!(without("no address here", "", "x"), "no address here");
        assert_eq!(truncate(&"ü".repeat(600)).chars().count(), MAX_ERROR_CHARS + 1);
    }
}
