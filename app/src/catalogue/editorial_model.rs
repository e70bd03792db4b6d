//! The data the staff area's editorial workflow passes around: listing filters and rows, the
//! version history of a service and its event log. Plain data, compiled for server and
//! browser alike, so server functions can take and return it; the operations live in
//! `editorial` (server only).

use super::model::VersionStatus;
use serde::{Deserialize, Serialize};

/// Services per page of the staff listing.
pub const PAGE_SIZE: usize = 50;

/// Which services the listing shows, by workflow state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StatusFilter {
    /// Services with a version in draft.
    Draft,
    /// Services with a version waiting for review.
    InReview,
    /// Services residents can see (they have a published version).
    Published,
    /// Services with neither a published nor a working version: offline.
    Archived,
}

/// What the staff listing shows. The default lists every service, first page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListingFilter {
    /// Only services in this state.
    #[serde(default)]
    pub status: Option<StatusFilter>,
    /// Only services listed under this topic (German slug).
    #[serde(default)]
    pub topic: Option<String>,
    /// Only services of this office (German slug).
    #[serde(default)]
    pub office: Option<String>,
    /// Only services whose latest version lacks the English title, teaser or description.
    #[serde(default)]
    pub missing_en: bool,
    /// Only services whose latest version lacks the Leichte-Sprache title, teaser or description.
    #[serde(default)]
    pub missing_ls: bool,
    /// Case-insensitive part of the German or English title or of a slug; umlauts match their
    /// base letter ("arzt" finds "Ärzte").
    #[serde(default)]
    pub query: String,
    /// The page, counted from 0; a page past the end shows the last page.
    #[serde(default)]
    pub page: usize,
}

/// The version being worked on: the newest draft or version in review.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkingVersion {
    /// Its number.
    pub number: i64,
    /// [`VersionStatus::Draft`] or [`VersionStatus::InReview`].
    pub status: VersionStatus,
}

/// One service in the staff listing; texts and facts come from its latest version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListingRow {
    /// German slug, the service's key.
    pub slug_de: String,
    /// German title.
    pub title_de: String,
    /// The number of the version residents see.
    pub published: Option<i64>,
    /// The version being worked on.
    pub working: Option<WorkingVersion>,
    /// Neither published nor being worked on: offline.
    pub archived_only: bool,
    /// Topic slugs.
    pub topics: Vec<String>,
    /// Office slugs.
    pub offices: Vec<String>,
    /// The English title, teaser or description is empty.
    pub missing_en: bool,
    /// The Leichte-Sprache title, teaser or description is empty.
    pub missing_ls: bool,
    /// When the latest version's content was last changed (Unix seconds).
    pub updated_at: i64,
    /// Who changed it.
    pub updated_by: String,
}

/// One page of the staff listing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListingPage {
    /// Up to [`PAGE_SIZE`] services, ordered by German title (case and umlauts folded).
    pub rows: Vec<ListingRow>,
    /// How many services match the filter.
    pub total: usize,
    /// The page shown, counted from 0 (the last page when the filter asked for one past it).
    pub page: usize,
}

/// One version of a service, without its content.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionMeta {
    /// 1, 2, 3 …
    pub number: i64,
    /// Workflow state.
    pub status: VersionStatus,
    /// When it was created (Unix seconds).
    pub created_at: i64,
    /// Who created it.
    pub created_by: String,
    /// When its content was last changed (Unix seconds).
    pub updated_at: i64,
    /// Who changed its content last; the four-eyes rule keeps this person from publishing it.
    pub updated_by: String,
    /// When it was published.
    pub approved_at: Option<i64>,
    /// Who published it.
    pub approved_by: Option<String>,
    /// The note of the last return to draft; empty when there was none.
    pub review_note: String,
}

/// A service with the metadata of all its versions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceRecord {
    /// German slug.
    pub slug_de: String,
    /// English slug.
    pub slug_en: String,
    /// Every version, newest first.
    pub versions: Vec<VersionMeta>,
    /// The number of the published version.
    pub published: Option<i64>,
    /// The number of the working version (newest draft or version in review).
    pub working: Option<i64>,
}

/// What an editorial event did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EditorialAction {
    /// The service was created (version 1, draft).
    Created,
    /// A draft was saved.
    Saved,
    /// A draft was submitted for review.
    Submitted,
    /// A version in review went back to draft, with a note.
    Returned,
    /// A version was published.
    Published,
    /// The service was taken offline.
    Archived,
    /// An older version's content was copied into the working draft.
    Restored,
}

impl EditorialAction {
    const ALL: [EditorialAction; 7] = [
        EditorialAction::Created,
        EditorialAction::Saved,
        EditorialAction::Submitted,
        EditorialAction::Returned,
        EditorialAction::Published,
        EditorialAction::Archived,
        EditorialAction::Restored,
    ];

    /// The name stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            EditorialAction::Created => "created",
            EditorialAction::Saved => "saved",
            EditorialAction::Submitted => "submitted",
            EditorialAction::Returned => "returned",
            EditorialAction::Published => "published",
            EditorialAction::Archived => "archived",
            EditorialAction::Restored => "restored",
        }
    }

    /// Parses a stored name.
    pub fn parse(value: &str) -> Option<EditorialAction> {
        EditorialAction::ALL.into_iter().find(|a| a.as_str() == value)
    }
}

/// One entry of a service's editorial history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditorialEvent {
    /// The version acted on.
    pub number: i64,
    /// What happened.
    pub action: EditorialAction,
    /// Who did it.
    pub actor: String,
    /// When (Unix seconds).
    pub at: i64,
    /// The reviewer's note ([`EditorialAction::Returned`]) or the number of the version
    /// restored from ([`EditorialAction::Restored`]); empty otherwise.
    pub note: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_round_trip_through_their_stored_names() {
        for action in EditorialAction::ALL {
            assert_eq!(EditorialAction::parse(action.as_str()), Some(action));
        }
        assert_eq!(EditorialAction::parse("deleted"), None);
    }
}
