//! Where a request stands, and the events of its history as residents see them.

use super::date::Day;
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// The status of a request (see `shared/DOMAIN.md`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestStatus {
    /// Submitted, not yet opened by staff.
    Received,
    /// A caseworker is working on it.
    InProgress,
    /// Staff asked the resident for more.
    Waiting,
    /// Done, with the result the resident asked for.
    Completed,
    /// Refused.
    Rejected,
    /// The resident took it back.
    Withdrawn,
}

impl RequestStatus {
    /// Every status in workflow order.
    pub const ALL: [RequestStatus; 6] = [
        RequestStatus::Received,
        RequestStatus::InProgress,
        RequestStatus::Waiting,
        RequestStatus::Completed,
        RequestStatus::Rejected,
        RequestStatus::Withdrawn,
    ];

    /// The value stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            RequestStatus::Received => "received",
            RequestStatus::InProgress => "in_progress",
            RequestStatus::Waiting => "waiting",
            RequestStatus::Completed => "completed",
            RequestStatus::Rejected => "rejected",
            RequestStatus::Withdrawn => "withdrawn",
        }
    }

    /// The status stored as `code`.
    pub fn from_code(code: &str) -> Option<RequestStatus> {
        RequestStatus::ALL.into_iter().find(|status| status.code() == code)
    }

    /// Whether nothing more happens (Open311 "closed").
    pub fn is_final(self) -> bool {
        matches!(self, RequestStatus::Completed | RequestStatus::Rejected | RequestStatus::Withdrawn)
    }

    /// What residents read.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            RequestStatus::Received => lang.pick("Eingegangen", "Received"),
            RequestStatus::InProgress => lang.pick("In Bearbeitung", "In progress"),
            RequestStatus::Waiting => lang.pick("Wartet auf Ihre Antwort", "Waiting for your reply"),
            RequestStatus::Completed => lang.pick("Abgeschlossen", "Completed"),
            RequestStatus::Rejected => lang.pick("Abgelehnt", "Rejected"),
            RequestStatus::Withdrawn => lang.pick("Zurückgezogen", "Withdrawn"),
        }
    }
}

/// What kind of entry of a request's history an event is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// The resident submitted the request.
    Submitted,
    /// The status changed (with an optional message to the resident).
    Status,
    /// Staff wrote to the resident.
    Message,
    /// The resident answered on the tracking page.
    Reply,
    /// An internal note; residents never see it.
    Note,
    /// Assigned to a caseworker; residents never see it.
    Assigned,
}

impl EventKind {
    /// The value stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            EventKind::Submitted => "submitted",
            EventKind::Status => "status",
            EventKind::Message => "message",
            EventKind::Reply => "reply",
            EventKind::Note => "note",
            EventKind::Assigned => "assigned",
        }
    }

    /// The kind stored as `code`.
    pub fn from_code(code: &str) -> Option<EventKind> {
        [EventKind::Submitted, EventKind::Status, EventKind::Message, EventKind::Reply, EventKind::Note, EventKind::Assigned]
            .into_iter()
            .find(|kind| kind.code() == code)
    }
}

/// A file attached to a request, a draft or a reply, without its content.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileInfo {
    /// Random identifier used in addresses.
    pub id: String,
    /// The field it was uploaded for.
    pub field: String,
    /// The sanitised original name.
    pub name: String,
    /// Its media type, as recognised from its content.
    pub media_type: String,
    /// Size in bytes.
    pub size: i64,
}

/// One entry of the history residents see.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicEvent {
    /// When (Unix seconds).
    pub at: i64,
    /// What happened.
    pub kind: EventKind,
    /// The status after the event, when it changed it.
    pub status: Option<RequestStatus>,
    /// The message to or from the resident ("" for none).
    pub message: String,
    /// Files the resident sent with a reply.
    pub files: Vec<FileInfo>,
}

/// A request as its tracking page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrackedRequest {
    /// The reference number.
    pub reference: String,
    /// The service's title when it was submitted.
    pub service_title: String,
    /// Where it stands.
    pub status: RequestStatus,
    /// When it was submitted (Unix seconds).
    pub submitted_at: i64,
    /// The expected decision date.
    pub expected: Day,
    /// The history, oldest first, without internal notes.
    pub events: Vec<PublicEvent>,
}

/// "1,2 MB" / "340 KB": a file size for people.
pub fn file_size(bytes: i64, lang: Lang) -> String {
    let text = if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", (bytes + 1023) / 1024)
    };
    if lang == Lang::De {
        text.replace('.', ",")
    } else {
        text
    }
}
