//! What each page of the journey shows, as built by the server functions in [`super::api`].

use super::answers::Answers;
use super::date::Day;
use super::form::FormPage;
use super::status::{FileInfo, TrackedRequest};
use super::validate::FieldProblem;
use crate::catalogue::model::Localized;
use serde::{Deserialize, Serialize};

/// The start page of a service's online request.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StartView {
    /// The service's German slug (posted with the start button).
    pub slug: String,
    /// The service's title.
    pub title: String,
    /// Its one-sentence teaser.
    pub teaser: String,
    /// The service page.
    pub service_href: String,
    /// The start page in the other language.
    pub alternate_href: String,
    /// "Welche Unterlagen brauche ich?".
    pub documents: Vec<String>,
    /// How long a decision usually takes, in days.
    pub processing_days: i64,
    /// The responsible office's name.
    pub office: String,
    /// How many question pages there are.
    pub page_count: usize,
    /// How many days a started request is kept.
    pub keep_days: i64,
}

/// A question page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuestionView {
    /// The service's title.
    pub service_title: String,
    /// The resume code.
    pub code: String,
    /// The form version the draft is filled in (posted back, to notice a changed form).
    pub form_version: i64,
    /// The page.
    pub page: FormPage,
    /// Its position, from 1.
    pub number: usize,
    /// How many pages there are.
    pub count: usize,
    /// All answers so far (for show-if rules and values).
    pub answers: Answers,
    /// The uploads of this page's file fields.
    pub files: Vec<FileInfo>,
    /// What is wrong, when the resident just tried to go on.
    pub problems: Vec<FieldProblem>,
    /// Where "back" goes.
    pub back_href: String,
    /// Whether "continue" returns to the check page (after a change link).
    pub from_check: bool,
    /// The date the browser's checks take as today.
    pub today: Day,
    /// When the draft will be deleted.
    pub expires: Day,
}

/// One answered question on the check page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckRow {
    /// The question.
    pub label: String,
    /// The answer as text, one line per value.
    pub answer: Vec<String>,
    /// The page to change it on.
    pub change_href: String,
    /// Id of the field, for the change link's accessible name.
    pub field: String,
}

/// A page of the check page with its answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckSection {
    /// The page title.
    pub title: String,
    /// Its answers.
    pub rows: Vec<CheckRow>,
}

/// "Check your answers".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckView {
    /// The service's title.
    pub service_title: String,
    /// The resume code.
    pub code: String,
    /// The answers by page.
    pub sections: Vec<CheckSection>,
    /// Questions still to answer, with links to their pages.
    pub missing: Vec<(String, String)>,
    /// The key the submit button posts.
    pub submit_key: String,
    /// Where "back" goes (the last page).
    pub back_href: String,
    /// Whether the declaration box was not ticked on the last try.
    pub declaration_missing: bool,
}

/// The confirmation after submitting.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConfirmationView {
    /// The service's title.
    pub service_title: String,
    /// The reference number.
    pub reference: String,
    /// The tracking PIN.
    pub pin: String,
    /// The tracking link.
    pub status_href: String,
    /// The expected decision date.
    pub expected: Day,
    /// The office that handles it.
    pub office: String,
    /// Whether a confirmation mail was sent.
    pub mailed: bool,
}

/// The tracking page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum TrackingView {
    /// Nothing asked yet: the form.
    Form,
    /// Reference and PIN do not match a request (which part is wrong is not said).
    NoMatch,
    /// Too many lookups from this address.
    TooMany,
    /// The request.
    Found {
        /// What the page shows.
        request: TrackedRequest,
        /// The PIN, for the forms on the page.
        pin: String,
    },
}

/// A yes/no answer's label.
pub fn yes_no(value: &str, lang: crate::i18n::Lang) -> &'static str {
    match value {
        "ja" => lang.pick("Ja", "Yes"),
        _ => lang.pick("Nein", "No"),
    }
}

/// A text in the resident's language.
pub fn local(text: &Localized, lang: crate::i18n::Lang) -> String {
    text.text(crate::catalogue::model::Variant::from(lang)).to_string()
}
