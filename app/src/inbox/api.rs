//! The inbox's server functions under `/api/staff/inbox/...`, for caseworkers and
//! administrators. Each checks the role itself, changes also the CSRF token; every change is
//! written to the audit log and answers with a redirect back and a notice.

use super::model::{CannedReply, Choice, InboxFilter, InboxList, InboxQuery, RequestDetail};
use crate::auth::Role;
use crate::error::AppError;
use crate::staff::StaffPage;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Who works with the inbox.
pub const INBOX_ROLES: &[Role] = &[Role::Caseworker, Role::Administrator];

/// The list page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxData {
    /// The filter applied.
    pub filter: InboxFilter,
    /// What was wrong with the address (and ignored).
    pub problems: Vec<String>,
    /// The page of rows.
    pub list: InboxList,
    /// Services with a request form.
    pub services: Vec<Choice>,
    /// Offices.
    pub offices: Vec<Choice>,
    /// Caseworkers.
    pub caseworkers: Vec<Choice>,
}

/// One request's page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestData {
    /// The request.
    pub detail: RequestDetail,
    /// Canned replies of its service.
    pub canned: Vec<CannedReply>,
    /// Caseworkers to assign to.
    pub caseworkers: Vec<Choice>,
    /// The signed-in person's email.
    pub me: String,
    /// What was typed into a form whose action was just refused, to be shown again.
    pub draft: Option<ActionDraft>,
}

/// The form an [`ActionDraft`] belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DraftForm {
    /// "Stand ändern".
    Status,
    /// "Nachfrage senden".
    Ask,
    /// "Interne Notiz".
    Note,
}

/// What a caseworker typed into a form whose action was refused (kept in the session for the
/// next view of the same request, like the listing editor's failed attempts), and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionDraft {
    /// The request.
    pub reference: String,
    /// Which form.
    pub form: DraftForm,
    /// The status chosen (status form only).
    pub status: String,
    /// The text typed.
    pub text: String,
}

/// The canned replies page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CannedData {
    /// The service shown ("" for all).
    pub service: String,
    /// Services with a request form.
    pub services: Vec<Choice>,
    /// The replies.
    pub replies: Vec<CannedReply>,
}

/// The filtered, sorted page of requests.
#[server(endpoint = "staff/inbox")]
pub async fn get_inbox(#[server(default)] query: InboxQuery) -> Result<StaffPage<InboxData>, AppError> {
    use crate::staff::guard::{db, page, require};
    let user = require(INBOX_ROLES).await?;
    let db = db()?;
    let (filter, problems) = query.parse();
    let list = super::store::list(&db, &filter, user.actor()).await.map_err(AppError::internal)?;
    let services = super::store::request_services(&db).await.map_err(AppError::internal)?;
    let caseworkers = super::store::caseworkers(&db).await.map_err(AppError::internal)?;
    let offices = crate::catalogue::api::ssr::snapshot()?.offices.iter().map(|o| Choice { value: o.slug_de.clone(), name: o.name.de.clone() }).collect();
    page(&user, InboxData { filter, problems, list, services, offices, caseworkers }).await
}

/// One request with its answers, files and whole history.
#[server(endpoint = "staff/inbox/request")]
pub async fn get_inbox_request(reference: String) -> Result<StaffPage<RequestData>, AppError> {
    use crate::staff::guard::{db, page, require};
    let user = require(INBOX_ROLES).await?;
    let db = db()?;
    let reference = crate::requests::reference::normalise_reference(&reference).ok_or(AppError::NotFound)?;
    let detail = super::store::detail(&db, &reference).await.map_err(AppError::internal)?.ok_or(AppError::NotFound)?;
    let canned = super::store::canned_replies(&db, &detail.service).await.map_err(AppError::internal)?;
    let caseworkers = super::store::caseworkers(&db).await.map_err(AppError::internal)?;
    let me = user.actor().to_lowercase();
    let draft: Option<ActionDraft> = crate::staff::guard::session().await?.remove(ssr::DRAFT).await.map_err(AppError::internal)?;
    let draft = draft.filter(|d| d.reference == detail.reference);
    page(&user, RequestData { detail, canned, caseworkers, me, draft }).await
}

/// Canned replies, of one service or all.
#[server(endpoint = "staff/inbox/canned-replies")]
pub async fn get_canned_replies(#[server(default)] service: String) -> Result<StaffPage<CannedData>, AppError> {
    use crate::staff::guard::{db, page, require};
    let user = require(INBOX_ROLES).await?;
    let db = db()?;
    let replies = super::store::canned_replies(&db, &service).await.map_err(AppError::internal)?;
    let services = super::store::request_services(&db).await.map_err(AppError::internal)?;
    page(&user, CannedData { service, services, replies }).await
}

/// Assigns the request: `to` is `ich`, `niemand` or a caseworker's email.
#[server(endpoint = "staff/inbox/assign")]
pub async fn assign_request(csrf: String, reference: String, to: String) -> Result<(), AppError> {
    let user = crate::staff::guard::require_change(INBOX_ROLES, &csrf).await?;
    let action = match to.trim() {
        "ich" => super::store::Action::Assign(Some(user.actor().to_string())),
        "niemand" | "" => super::store::Action::Assign(None),
        email => super::store::Action::Assign(Some(email.to_string())),
    };
    ssr::run(&user, &reference, action, "request.assign", None).await
}

/// Changes the status (`status` is a status code) with a message to the resident; when the
/// message is empty, the canned reply `vorlage` is sent.
#[server(endpoint = "staff/inbox/status")]
pub async fn change_request_status(
    csrf: String,
    reference: String,
    status: String,
    #[server(default)] message: String,
    #[server(default)] vorlage: String,
) -> Result<(), AppError> {
    let user = crate::staff::guard::require_change(INBOX_ROLES, &csrf).await?;
    let draft = ssr::draft(&reference, DraftForm::Status, &status, &message);
    let Some(to) = crate::requests::status::RequestStatus::from_code(status.trim()) else {
        ssr::keep(draft).await?;
        crate::staff::guard::notify(false, "Bitte wählen Sie einen Stand.").await?;
        leptos_axum::redirect(&super::model::detail_path(reference.trim()));
        return Ok(());
    };
    let message = ssr::with_canned(message, &vorlage).await?;
    ssr::run(&user, &reference, super::store::Action::Status(to, message), "request.status", draft).await
}

/// Asks the resident for more: the request waits for their answer on the tracking page.
#[server(endpoint = "staff/inbox/ask")]
pub async fn ask_resident(csrf: String, reference: String, #[server(default)] message: String, #[server(default)] vorlage: String) -> Result<(), AppError> {
    let user = crate::staff::guard::require_change(INBOX_ROLES, &csrf).await?;
    let draft = ssr::draft(&reference, DraftForm::Ask, "", &message);
    let message = ssr::with_canned(message, &vorlage).await?;
    ssr::run(&user, &reference, super::store::Action::Ask(message), "request.ask", draft).await
}

/// Adds an internal note, which residents never see.
#[server(endpoint = "staff/inbox/note")]
pub async fn add_request_note(csrf: String, reference: String, #[server(default)] note: String) -> Result<(), AppError> {
    let user = crate::staff::guard::require_change(INBOX_ROLES, &csrf).await?;
    let draft = ssr::draft(&reference, DraftForm::Note, "", &note);
    ssr::run(&user, &reference, super::store::Action::Note(note), "request.note", draft).await
}

/// Adds a canned reply to a service.
#[server(endpoint = "staff/inbox/canned-replies/save")]
pub async fn save_canned_reply(csrf: String, service: String, #[server(default)] title: String, #[server(default)] body: String) -> Result<(), AppError> {
    use crate::staff::guard::{audit, db, notify, require_change};
    let user = require_change(INBOX_ROLES, &csrf).await?;
    let (title, body) = (title.trim().chars().take(120).collect::<String>(), body.trim().chars().take(super::store::MESSAGE_LIMIT).collect::<String>());
    leptos_axum::redirect(&format!("{}?leistung={}", super::model::CANNED_PATH, url::form_urlencoded::byte_serialize(service.as_bytes()).collect::<String>()));
    if title.is_empty() || body.is_empty() {
        return notify(false, "Bitte geben Sie einen Titel und einen Text ein.").await;
    }
    if !super::store::save_canned_reply(&db()?, &service, &title, &body, user.actor()).await.map_err(AppError::internal)? {
        return notify(false, "Diese Leistung gibt es nicht.").await;
    }
    audit(&user, "canned_reply.save", &service, &title).await?;
    notify(true, format!("Antwortvorlage „{title}“ gespeichert.")).await
}

/// Deletes a canned reply.
#[server(endpoint = "staff/inbox/canned-replies/delete")]
pub async fn delete_canned_reply(csrf: String, id: i64) -> Result<(), AppError> {
    use crate::staff::guard::{audit, db, notify, require_change};
    let user = require_change(INBOX_ROLES, &csrf).await?;
    let deleted = super::store::delete_canned_reply(&db()?, id).await.map_err(AppError::internal)?;
    leptos_axum::redirect(super::model::CANNED_PATH);
    match deleted {
        Some(reply) => {
            audit(&user, "canned_reply.delete", &reply.service, &reply.title).await?;
            notify(true, format!("Antwortvorlage „{}“ gelöscht.", reply.title)).await
        }
        None => notify(false, "Diese Antwortvorlage gibt es nicht (mehr).").await,
    }
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::auth::StaffUser;
    use crate::i18n::Lang;
    use crate::inbox::store::{act, Action, MailContext};
    use crate::staff::guard::{audit, db, notify, session};

    /// The session key of the last refused action's [`ActionDraft`].
    pub const DRAFT: &str = "inbox_draft";

    /// A draft of what was typed, when anything was (a status chosen counts).
    pub fn draft(reference: &str, form: DraftForm, status: &str, text: &str) -> Option<ActionDraft> {
        let reference = crate::requests::reference::normalise_reference(reference)?;
        (!text.trim().is_empty() || !status.trim().is_empty()).then(|| ActionDraft { reference, form, status: status.trim().to_string(), text: text.to_string() })
    }

    /// Keeps `draft` for the next view of its request (the notice says why it was refused).
    pub async fn keep(draft: Option<ActionDraft>) -> Result<(), AppError> {
        let Some(draft) = draft else { return Ok(()) };
        session().await?.insert(DRAFT, draft).await.map_err(AppError::internal)
    }

    /// `message`, or the canned reply `id` when the message is empty.
    pub async fn with_canned(message: String, id: &str) -> Result<String, AppError> {
        let Ok(id) = id.trim().parse::<i64>() else { return Ok(message) };
        if !message.trim().is_empty() {
            return Ok(message);
        }
        let replies = crate::inbox::store::canned_replies(&db()?, "").await.map_err(AppError::internal)?;
        Ok(replies.into_iter().find(|r| r.id == id).map(|r| r.body).unwrap_or(message))
    }

    /// Does `action`, audits it and sends the browser back to the request with a notice; when
    /// the action is refused, `draft` is kept so the form shows it again.
    pub async fn run(user: &StaffUser, reference: &str, action: Action, audit_key: &str, draft: Option<ActionDraft>) -> Result<(), AppError> {
        let Some(reference) = crate::requests::reference::normalise_reference(reference) else {
            leptos_axum::redirect(crate::inbox::model::INBOX_PATH);
            return notify(false, "Diese Vorgangsnummer gibt es nicht.").await;
        };
        leptos_axum::redirect(&crate::inbox::model::detail_path(&reference));
        let origin = use_context::<crate::components::SiteOrigin>().map(|o| o.0).unwrap_or_default();
        let snapshot = crate::catalogue::api::ssr::snapshot()?;
        let office_name = move |slug: &str, lang: Lang| snapshot.office(slug).map(|o| crate::requests::views::local(&o.name, lang)).unwrap_or_default();
        let mail = MailContext { origin: &origin, office_name: &office_name };
        match act(&db()?, &reference, user.actor(), action, &mail).await.map_err(AppError::internal)? {
            Ok(done) => {
                audit(user, audit_key, &reference, &done.summary).await?;
                notify(true, done.notice).await
            }
            Err(refusal) => {
                keep(draft).await?;
                notify(false, refusal.0).await
            }
        }
    }
}
