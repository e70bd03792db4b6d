//! What caseworkers do with a request. Each action is one write transaction: it checks the
//! request's current state, writes a `request_events` row, updates `updated_at` (and status
//! or assignee), and queues the resident's mail when the resident is told, so a change and
//! its mail happen together or not at all.
//!
//! Rules: only the resident withdraws, and "received" is only the starting state. A closed
//! request (completed or rejected) can only be reopened to "in progress"; a withdrawn one
//! stays withdrawn. Rejecting and asking for more need a message. Choosing the current
//! status with a message writes to the resident without a status change. Notes and
//! assignments are internal: never on the tracking page, never in a mail.

use crate::db::{now, Db, Row};
use crate::i18n::Lang;
use crate::mail::templates::{message_to_resident, more_needed_to_resident, status_changed_to_resident, RequestMail};
use crate::mail::OutgoingMail;
use crate::requests::paths;
use crate::requests::status::{EventKind, RequestStatus};
use crate::requests::store::RequestError;

/// Longest message or note kept.
pub const MESSAGE_LIMIT: usize = 5000;

/// A caseworker's action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Give to a caseworker (email), or to nobody.
    Assign(Option<String>),
    /// Change the status, with an optional message to the resident.
    Status(RequestStatus, String),
    /// Ask the resident for more: status "waiting" and a message.
    Ask(String),
    /// An internal note.
    Note(String),
}

/// Why an action was refused, in German for the notice.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ActionRefusal(pub String);

/// What an action did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Done {
    /// For the notice.
    pub notice: String,
    /// For the audit log.
    pub summary: String,
}

/// Where the resident's mail points, and the office it is signed by.
pub struct MailContext<'a> {
    /// `https://service.wolfsburg.de`.
    pub origin: &'a str,
    /// The office's name by its German slug, in a language.
    pub office_name: &'a (dyn Fn(&str, Lang) -> String + Sync),
}

fn refuse<T>(text: impl Into<String>) -> Result<Result<T, ActionRefusal>, RequestError> {
    Ok(Err(ActionRefusal(text.into())))
}

/// Does `action` to the request `reference` as `actor` (a staff email).
pub async fn act(db: &Db, reference: &str, actor: &str, action: Action, mail: &MailContext<'_>) -> Result<Result<Done, ActionRefusal>, RequestError> {
    let mut tx = db.begin_write().await?;
    let row = sqlx::query("SELECT id, status, assignee, email, lang, service_title, office_slug FROM requests WHERE reference = $1")
        .bind(reference)
        .fetch_optional(&mut *tx)
        .await?;
    let Some(row) = row else { return refuse("Diesen Antrag gibt es nicht.") };
    let id: i64 = row.try_get("id")?;
    let code: String = row.try_get("status")?;
    let status = RequestStatus::from_code(&code).ok_or_else(|| RequestError::Corrupt(format!("status {code}")))?;
    let assignee: Option<String> = row.try_get("assignee")?;
    let clean = |text: &str| text.trim().chars().take(MESSAGE_LIMIT).collect::<String>();
    // (event kind, new status, message, internal, mail template)
    type Template = fn(Lang, &str, &RequestMail) -> OutgoingMail;
    let (kind, after, message, internal, template, done): (EventKind, RequestStatus, String, bool, Option<Template>, Done) = match action {
        Action::Note(note) => {
            let note = clean(&note);
            if note.is_empty() {
                return refuse("Bitte schreiben Sie eine Notiz.");
            }
            let done = Done { notice: "Interne Notiz gespeichert.".into(), summary: "Notiz".into() };
            (EventKind::Note, status, note, true, None, done)
        }
        Action::Assign(to) => {
            let to = to.map(|email| email.trim().to_lowercase()).filter(|email| !email.is_empty());
            if to == assignee {
                return refuse("Der Antrag ist bereits so zugewiesen.");
            }
            if let Some(email) = &to {
                let known: i64 = sqlx::query(
                    "SELECT COUNT(*) AS n FROM users u JOIN user_roles r ON r.user_id = u.id \
                     WHERE LOWER(u.email) = $1 AND r.role = 'caseworker' AND u.disabled_at IS NULL",
                )
                .bind(email)
                .fetch_one(&mut *tx)
                .await?
                .try_get("n")?;
                if known == 0 {
                    return refuse("Zuweisen geht nur an aktive Konten mit der Rolle Sachbearbeitung.");
                }
            }
            sqlx::query("UPDATE requests SET assignee = $1 WHERE id = $2").bind(to.as_deref()).bind(id).execute(&mut *tx).await?;
            let message = match &to {
                Some(email) => format!("Zugewiesen an {email}"),
                None => "Zuweisung aufgehoben".into(),
            };
            let done = Done { notice: format!("{message}."), summary: format!("{} → {}", assignee.as_deref().unwrap_or("niemand"), to.as_deref().unwrap_or("niemand")) };
            (EventKind::Assigned, status, message, true, None, done)
        }
        Action::Ask(message) => {
            let message = clean(&message);
            if message.is_empty() {
                return refuse("Bitte schreiben Sie, was Sie von der antragstellenden Person brauchen.");
            }
            if status.is_final() {
                return refuse("Der Antrag ist abgeschlossen. Öffnen Sie ihn zuerst wieder (Stand „In Bearbeitung“).");
            }
            let done = Done { notice: "Nachfrage gesendet. Der Antrag wartet jetzt auf die Antwort.".into(), summary: format!("{} → waiting (Nachfrage)", status.code()) };
            (EventKind::Status, RequestStatus::Waiting, message, false, Some(more_needed_to_resident as Template), done)
        }
        Action::Status(to, message) => {
            let message = clean(&message);
            if status == RequestStatus::Withdrawn {
                return refuse("Die antragstellende Person hat den Antrag zurückgezogen; er kann nicht mehr geändert werden.");
            }
            if to == status {
                if message.is_empty() {
                    return refuse("Der Antrag hat diesen Stand bereits. Schreiben Sie eine Nachricht, wenn Sie der antragstellenden Person etwas mitteilen möchten.");
                }
                let done = Done { notice: "Nachricht gesendet.".into(), summary: "Nachricht ohne Statuswechsel".into() };
                (EventKind::Message, status, message, false, Some(message_to_resident as Template), done)
            } else {
                match to {
                    RequestStatus::Withdrawn => return refuse("Zurückziehen kann nur die antragstellende Person."),
                    RequestStatus::Received => return refuse("„Eingegangen“ ist nur der Anfangsstand eines Antrags."),
                    _ if status.is_final() && to != RequestStatus::InProgress => {
                        return refuse("Der Antrag ist abgeschlossen. Er kann nur wieder geöffnet werden (Stand „In Bearbeitung“).")
                    }
                    RequestStatus::Rejected | RequestStatus::Waiting if message.is_empty() => {
                        return refuse("Bitte schreiben Sie eine Nachricht: Eine Ablehnung braucht eine Begründung, eine Nachfrage eine Bitte.")
                    }
                    _ => {}
                }
                let template = if to == RequestStatus::Waiting { more_needed_to_resident as Template } else { status_changed_to_resident as Template };
                let done = Done { notice: format!("Stand geändert: {}.", crate::inbox::model::status_label(to)), summary: format!("{} → {}", status.code(), to.code()) };
                (EventKind::Status, to, message, false, Some(template), done)
            }
        }
    };
    let at = now();
    sqlx::query("INSERT INTO request_events (request_id, at, kind, status, actor, message, internal) VALUES ($1, $2, $3, $4, $5, $6, $7)")
        .bind(id)
        .bind(at)
        .bind(kind.code())
        .bind((after != status).then_some(after.code()))
        .bind(actor)
        .bind(&message)
        .bind(i64::from(internal))
        .execute(&mut *tx)
        .await?;
    sqlx::query("UPDATE requests SET status = $1, updated_at = $2 WHERE id = $3").bind(after.code()).bind(at).bind(id).execute(&mut *tx).await?;
    let email: String = row.try_get("email")?;
    let mut mailed = false;
    if let (Some(template), false) = (template, email.is_empty()) {
        let lang = Lang::from_code(&row.try_get::<String, _>("lang")?).unwrap_or_default();
        let data = RequestMail {
            reference: reference.to_string(),
            service_title: row.try_get("service_title")?,
            status: after.label(lang).to_string(),
            message: message.clone(),
            expected: String::new(),
            tracking_url: format!("{}{}", mail.origin, paths::status(lang)),
            staff_url: String::new(),
            office_name: (mail.office_name)(&row.try_get::<String, _>("office_slug")?, lang),
        };
        match template(lang, &email, &data).checked() {
            Ok(outgoing) => {
                crate::mail::enqueue(&mut tx, &outgoing).await?;
                mailed = true;
            }
            Err(error) => tracing::warn!(%error, "the resident's address cannot be mailed"),
        }
    }
    tx.commit().await?;
    if mailed {
        crate::mail::wake();
    }
    Ok(Ok(done))
}
