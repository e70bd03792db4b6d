//! How mail leaves: the SMTP server (`RATHAUS_SMTP_URL`), the sender (`RATHAUS_MAIL_FROM`) and
//! the timing of the outbox loop. The SMTP URL may hold a password: it is never printed, not
//! in messages, not in `Debug`, not in stored errors.

use lettre::message::Mailbox;
use lettre::transport::smtp::AsyncSmtpTransport;
use lettre::Tokio1Executor;
use std::fmt;
use std::time::Duration;

/// The settings of the outbox loop.
#[derive(Clone)]
pub struct MailSettings {
    smtp: Option<Smtp>,
    /// Wait before the first retry; doubles with each failed attempt.
    pub retry_base: Duration,
    /// The longest wait between two attempts.
    pub retry_max: Duration,
    /// How often the loop looks for due mail besides being woken (mail enqueued by another
    /// instance, retries that became due).
    pub poll_interval: Duration,
    /// How long sent mails stay in the outbox before they are deleted (personal data).
    pub keep_sent: Duration,
    /// The longest one delivery attempt may take.
    pub send_timeout: Duration,
}

#[derive(Clone)]
struct Smtp {
    url: String,
    from: Mailbox,
}

/// A mail setting that cannot be used; the message names the variable and never shows a
/// password.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct MailConfigError(String);

impl MailSettings {
    /// Checks the settings. Without an SMTP URL nothing is sent and mail waits in the outbox;
    /// with one, `from` is required.
    pub fn new(smtp_url: Option<&str>, from: Option<&str>) -> Result<MailSettings, MailConfigError> {
        let smtp_url = smtp_url.map(str::trim).filter(|s| !s.is_empty());
        let from = from.map(str::trim).filter(|s| !s.is_empty());
        let smtp = match (smtp_url, from) {
            (None, _) => None,
            (Some(_), None) => {
                return Err(MailConfigError(
                    "RATHAUS_MAIL_FROM is required when RATHAUS_SMTP_URL is set, e.g. \"Stadt Wolfsburg <noreply@wolfsburg.de>\"".into(),
                ))
            }
            (Some(url), Some(from)) => Some(Smtp { url: check_url(url)?, from: check_from(from)? }),
        };
        Ok(MailSettings { smtp, ..MailSettings::disabled() })
    }

    /// Settings that send nothing: mail stays in the outbox.
    pub fn disabled() -> MailSettings {
        MailSettings {
            smtp: None,
            retry_base: Duration::from_secs(30),
            retry_max: Duration::from_secs(3600),
            poll_interval: Duration::from_secs(10),
            keep_sent: Duration::from_secs(30 * 24 * 3600),
            send_timeout: Duration::from_secs(120),
        }
    }

    /// Whether an SMTP server is configured.
    pub fn is_enabled(&self) -> bool {
        self.smtp.is_some()
    }

    /// The SMTP server's URL with any password replaced, for logs.
    pub fn redacted_url(&self) -> Option<String> {
        self.smtp.as_ref().map(|smtp| crate::db::redact(&smtp.url))
    }

    /// The sender of every mail.
    pub(crate) fn from(&self) -> Option<&Mailbox> {
        self.smtp.as_ref().map(|smtp| &smtp.from)
    }

    /// The SMTP client, when a server is configured.
    pub(crate) fn transport(&self) -> Option<Result<AsyncSmtpTransport<Tokio1Executor>, String>> {
        let smtp = self.smtp.as_ref()?;
        Some(
            AsyncSmtpTransport::<Tokio1Executor>::from_url(&smtp.url)
                .map(|builder| builder.timeout(Some(Duration::from_secs(30))).build())
                .map_err(|e| self.scrub(&e.to_string())),
        )
    }

    /// `text` with the SMTP password (as written and percent-decoded) replaced by `***`.
    pub(crate) fn scrub(&self, text: &str) -> String {
        let mut text = text.to_string();
        if let Some(url) = self.smtp.as_ref().and_then(|smtp| url::Url::parse(&smtp.url).ok()) {
            if let Some(password) = url.password().filter(|p| !p.is_empty()) {
                let decoded = percent_decode(password);
                for secret in [password.to_string(), decoded] {
                    if !secret.is_empty() {
                        text = text.replace(&secret, "***");
                    }
                }
            }
        }
        text
    }
}

impl fmt::Debug for MailSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MailSettings")
            .field("smtp_url", &self.redacted_url())
            .field("from", &self.from().map(ToString::to_string))
            .field("retry_base", &self.retry_base)
            .field("retry_max", &self.retry_max)
            .field("poll_interval", &self.poll_interval)
            .field("keep_sent", &self.keep_sent)
            .field("send_timeout", &self.send_timeout)
            .finish()
    }
}

fn check_url(raw: &str) -> Result<String, MailConfigError> {
    let shown = crate::db::redact(raw);
    let example = "such as smtp://127.0.0.1:25, smtp://user:password@mail.example.org:587?tls=required or smtps://user:password@mail.example.org";
    let url = url::Url::parse(raw)
        .map_err(|e| MailConfigError(format!("RATHAUS_SMTP_URL \"{shown}\" is not a URL ({e}); use one {example}")))?;
    if !matches!(url.scheme(), "smtp" | "smtps") || url.host_str().is_none_or(str::is_empty) {
        return Err(MailConfigError(format!("RATHAUS_SMTP_URL must be an smtp:// or smtps:// address {example}, got \"{shown}\"")));
    }
    let tls = url.query_pairs().find(|(key, _)| key == "tls").map(|(_, value)| value.into_owned());
    if !matches!(tls.as_deref(), None | Some("required" | "opportunistic")) || (url.scheme() == "smtps" && tls.is_some()) {
        return Err(MailConfigError(format!(
            "RATHAUS_SMTP_URL: ?tls= may be required or opportunistic, and only with smtp:// (smtps:// is always TLS), got \"{shown}\""
        )));
    }
    let loopback = matches!(url.host_str(), Some("localhost" | "127.0.0.1" | "[::1]"));
    if url.password().is_some() && url.scheme() == "smtp" && tls.as_deref() != Some("required") && !loopback {
        return Err(MailConfigError(format!(
            "RATHAUS_SMTP_URL sends a password to another machine, so it needs TLS: use smtps:// or add ?tls=required, got \"{shown}\""
        )));
    }
    AsyncSmtpTransport::<Tokio1Executor>::from_url(raw)
        .map_err(|_| MailConfigError(format!("RATHAUS_SMTP_URL \"{shown}\" cannot be used for SMTP; use one {example}")))?;
    Ok(raw.to_string())
}

fn check_from(raw: &str) -> Result<Mailbox, MailConfigError> {
    let invalid = || {
        MailConfigError(format!(
            "RATHAUS_MAIL_FROM must be an address such as \"Stadt Wolfsburg <noreply@wolfsburg.de>\", got \"{}\"",
            raw.escape_debug()
        ))
    };
    if raw.chars().any(char::is_control) {
        return Err(invalid());
    }
    let mailbox: Mailbox = raw.parse().map_err(|_| invalid())?;
    super::message::checked_recipient(mailbox.email.as_ref()).map_err(|_| invalid())?;
    Ok(mailbox)
}

fn percent_decode(text: &str) -> String {
    url::form_urlencoded::parse(format!("x={}", text.replace('+', "%2B")).as_bytes())
        .next()
        .map(|(_, value)| value.into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const FROM: Option<&str> = Some("Stadt Wolfsburg <noreply@wolfsburg.example>");

    #[test]
    fn no_smtp_url_keeps_mail_in_the_outbox() {
        let settings = MailSettings::new(None, None).unwrap();
        assert!(!settings.is_enabled());
        assert!(settings.transport().is_none());
        assert!(!MailSettings::new(Some("  "), FROM).unwrap().is_enabled());
    }

    #[test]
    fn good_urls_are_accepted() {
        for url in ["smtp://127.0.0.1:2525", "smtps://user:pa%24s@mail.example.org", "smtp://u:p@mail.example.org:587?tls=required", "smtp://mail.example.org?tls=opportunistic", "smtp://relay:pw@127.0.0.1:25"] {
            let settings = MailSettings::new(Some(url), FROM).unwrap_or_else(|e| panic!("{url}: {e}"));
            assert!(settings.transport().is_some_and(|t| t.is_ok()), "{url}");
        }
    }

    #[test]
    fn bad_settings_name_the_variable_without_the_password() {
        for url in ["mail.example.org", "http://user:hunter2@mail.example.org", "smtp://user:hunter2@mail.example.org", "smtps://user:hunter2@mail.example.org?tls=required", "smtp://user:hunter2@mail.example.org?tls=maybe"] {
            let error = MailSettings::new(Some(url), FROM).unwrap_err().to_string();
            assert!(error.starts_with("RATHAUS_SMTP_URL"), "{error}");
            assert!(!error.contains("hunter2"), "{error}");
        }
        let error = MailSettings::new(Some("smtp://127.0.0.1"), None).unwrap_err().to_string();
        assert!(error.starts_with("RATHAUS_MAIL_FROM"), "{error}");
        for from in ["noreply", "Stadt <noreply@localhost>", "a@b.de\r\nBcc: eve@example.org"] {
            let error = MailSettings::new(Some("smtp://127.0.0.1"), Some(from)).unwrap_err().to_string();
            assert!(error.starts_with("RATHAUS_MAIL_FROM"), "{error}");
        }
    }

    #[test]
    fn the_password_never_shows() {
        let settings = MailSettings::new(Some("smtps://user:s%3Acret%2Bpw@mail.example.org"), FROM).unwrap();
        let debug = format!("{settings:?}");
        assert!(debug.contains("mail.example.org") && !debug.contains("cret"), "{debug}");
        assert!(!settings.redacted_url().unwrap().contains("cret"));
        assert_eq!(settings.scrub("auth failed for s:cret+pw and s%3Acret%2Bpw"), "auth failed for *** and ***");
    }
}
