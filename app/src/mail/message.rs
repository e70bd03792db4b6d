//! A plain-text mail as the outbox stores it, the checks it passes before it is stored, and
//! its conversion into the MIME message lettre sends.

use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::Mailbox;
use lettre::{Address, Message};
use std::time::{Duration, UNIX_EPOCH};

/// The longest subject kept; longer ones are cut (at a character boundary) when enqueued.
pub const MAX_SUBJECT_CHARS: usize = 200;

/// The longest address accepted (RFC 5321's limit on a forward path).
const MAX_ADDRESS_LEN: usize = 254;

/// One plain-text mail (UTF-8) to one recipient.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutgoingMail {
    /// The recipient's bare address, e.g. `anna@example.org` (no display name).
    pub to: String,
    /// The subject line; control characters become spaces when enqueued.
    pub subject: String,
    /// The text; line breaks are kept.
    pub body: String,
}

/// Why a mail cannot be enqueued. The recipient is never part of the message (personal data).
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum InvalidMail {
    /// The recipient holds a line break or another control character.
    #[error("the mail recipient contains control characters")]
    ControlCharacters,
    /// The recipient is not a plausible address (`name@domain.tld`).
    #[error("the mail recipient is not a plausible email address")]
    ImplausibleRecipient,
}

impl OutgoingMail {
    /// The mail as it is stored: the recipient checked and trimmed, the subject on one line
    /// without control characters (no header injection, whatever a caller passes) and cut to
    /// [`MAX_SUBJECT_CHARS`].
    pub fn checked(&self) -> Result<OutgoingMail, InvalidMail> {
        Ok(OutgoingMail { to: checked_recipient(&self.to)?, subject: one_line(&self.subject), body: self.body.clone() })
    }
}

/// The recipient, trimmed, when it is a plausible address for a resident or an office.
pub fn checked_recipient(raw: &str) -> Result<String, InvalidMail> {
    if raw.chars().any(char::is_control) {
        return Err(InvalidMail::ControlCharacters);
    }
    let address = raw.trim();
    if address.is_empty() || address.len() > MAX_ADDRESS_LEN || address.contains(char::is_whitespace) {
        return Err(InvalidMail::ImplausibleRecipient);
    }
    let parsed: Address = address.parse().map_err(|_| InvalidMail::ImplausibleRecipient)?;
    let domain = parsed.domain();
    let plausible_domain = domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.starts_with('[')
        && domain.split('.').all(|label| !label.is_empty());
    if plausible_domain {
        Ok(address.to_string())
    } else {
        Err(InvalidMail::ImplausibleRecipient)
    }
}

/// `text` on one line: every run of whitespace and control characters becomes one space.
fn one_line(text: &str) -> String {
    let mut line = String::with_capacity(text.len());
    for word in text.split(|c: char| c.is_whitespace() || c.is_control()).filter(|w| !w.is_empty()) {
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    match line.char_indices().nth(MAX_SUBJECT_CHARS) {
        Some((cut, _)) => line[..cut].to_string(),
        None => line,
    }
}

/// The MIME message for a stored mail. `message_id` is derived from the outbox row, so a mail
/// sent twice after a crash carries the same Message-ID and receivers can drop the copy.
pub(crate) fn to_message(
    from: &Mailbox,
    mail: &OutgoingMail,
    outbox_id: i64,
    created_at: i64,
) -> Result<Message, String> {
    let to = checked_recipient(&mail.to).map_err(|e| e.to_string())?;
    let to: Address = to.parse().map_err(|_| InvalidMail::ImplausibleRecipient.to_string())?;
    let written = UNIX_EPOCH + Duration::from_secs(u64::try_from(created_at).unwrap_or_default());
    let message_id = format!("<rathaus-outbox-{outbox_id}-{created_at}@{}>", from.email.domain());
    Message::builder()
        .from(from.clone())
        .to(Mailbox::new(None, to))
        .subject(one_line(&mail.subject))
        .date(written)
        .message_id(Some(message_id))
        // RFC 3834: automatic mail; absence notices and other robots should not answer it.
        .raw_header(HeaderValue::new(HeaderName::new_from_ascii_str("Auto-Submitted"), "auto-generated".into()))
        .header(ContentType::TEXT_PLAIN)
        .body(mail.body.clone())
        .map_err(|e| format!("the mail cannot be built: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recipients_must_be_plausible_addresses() {
        assert_eq!(checked_recipient(" anna@example.org ").as_deref(), Ok("anna@example.org"));
        assert_eq!(checked_recipient("m.mueller+antrag@stadt.wolfsburg.de").as_deref(), Ok("m.mueller+antrag@stadt.wolfsburg.de"));
        for bad in ["", "anna", "anna@", "@example.org", "anna@localhost", "anna@example.", "a b@example.org", "anna@[127.0.0.1]"] {
            assert_eq!(checked_recipient(bad), Err(InvalidMail::ImplausibleRecipient), "{bad:?}");
        }
        for bad in ["anna@example.org\r\nBcc: eve@example.org", "anna@example.org\n", "anna@exa\u{0}mple.org"] {
            assert_eq!(checked_recipient(bad), Err(InvalidMail::ControlCharacters), "{bad:?}");
        }
    }

    #[test]
    fn subjects_stay_on_one_line() {
        let mail = OutgoingMail { to: "anna@example.org".into(), subject: " Antrag\r\nBcc: eve@example.org\t x ".into(), body: "a\nb".into() };
        let checked = mail.checked().unwrap();
        assert_eq!(checked.subject, "Antrag Bcc: eve@example.org x");
        assert_eq!(checked.body, "a\nb");
        assert_eq!(one_line(&"ä".repeat(500)).chars().count(), MAX_SUBJECT_CHARS);
    }

    #[test]
    fn messages_are_plain_utf8_text_with_encoded_headers() {
        let from: Mailbox = "Stadt Wolfsburg <noreply@wolfsburg.example>".parse().unwrap();
        let mail = OutgoingMail { to: "anna@example.org".into(), subject: "Prüfung läuft".into(), body: "Grüße\n.\nEnde".into() };
        let raw = String::from_utf8(to_message(&from, &mail, 7, 1_700_000_000).unwrap().formatted()).unwrap();
        assert!(raw.contains("Message-ID: <rathaus-outbox-7-1700000000@wolfsburg.example>"), "{raw}");
        assert!(raw.contains("Auto-Submitted: auto-generated"), "{raw}");
        assert!(raw.contains("Content-Type: text/plain; charset=utf-8"), "{raw}");
        let headers = raw.split("\r\n\r\n").next().unwrap();
        assert!(headers.is_ascii() && !headers.contains("Prüfung"), "{headers}");
    }
}
