//! Staff server functions of the form builder: the overview of request forms, one form with
//! its pages, questions and versions, the question and page editors, the preview, and the
//! workflow (the same roles and four-eyes rule as listings). The changes are in
//! `form_changes`, the storage in `requests::store::form_workflow`.

use super::form_field::{FieldForm, Problems};
pub use super::listings::{EDIT_ROLES, PUBLISH_ROLES, READ_ROLES};
use crate::catalogue::model::Localized;
use crate::error::AppError;
use crate::requests::form::FormDefinition;
use crate::staff::StaffPage;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One service in the overview.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormRow {
    /// German slug.
    pub slug: String,
    /// German title.
    pub title: String,
    /// The live version's number.
    pub live: Option<i64>,
    /// The working version's number and whether it waits for review.
    pub working: Option<(i64, bool)>,
}

/// The overview: services with a form, and the services found by `query`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormsOverview {
    /// What was searched for.
    pub query: String,
    /// The services.
    pub rows: Vec<FormRow>,
}

/// One version in the history, as shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionLine {
    /// Version number.
    pub number: i64,
    /// German status.
    pub status: String,
    /// "geändert am … von …" and "freigegeben am … von …".
    pub text: String,
}

/// One form with its workflow.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FormDetail {
    /// The service.
    pub row: FormRow,
    /// The working version, else the live one, else an empty form.
    pub definition: FormDefinition,
    /// The note of a publisher who returned the draft.
    pub review_note: String,
    /// Versions, newest first.
    pub history: Vec<VersionLine>,
    /// The person may edit.
    pub may_edit: bool,
    /// The person may publish and return.
    pub may_publish: bool,
    /// The person changed the version in review last, so another must publish it.
    pub own_work: bool,
}

/// An earlier yes/no or choice question a question can depend on: (id, label, values).
pub type Source = (String, String, Vec<String>);

/// The question editor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FieldEditorData {
    /// The service.
    pub slug: String,
    /// The service's title.
    pub title: String,
    /// The page's id and German title.
    pub page: (String, String),
    /// The question's id before editing; empty for a new one.
    pub original: String,
    /// The values.
    pub form: FieldForm,
    /// What was wrong with the last attempt.
    pub errors: Problems,
    /// Earlier questions to depend on.
    pub sources: Vec<Source>,
}

/// The page editor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PageEditorData {
    /// The service.
    pub slug: String,
    /// The service's title.
    pub title: String,
    /// The page's id; empty for a new page.
    pub page: String,
    /// The page's titles.
    pub titles: Localized,
    /// What was wrong with the last attempt.
    pub errors: Problems,
}

/// The form as residents will see it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FormPreview {
    /// The service.
    pub row: FormRow,
    /// The form shown.
    pub definition: FormDefinition,
    /// Now, in Unix seconds (date limits count from today).
    pub today: i64,
}

/// A failed save, kept in the session to show the editor again with what was typed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FormEditorFlash {
    /// The editor's address.
    pub key: String,
    /// The question typed.
    pub field: FieldForm,
    /// The page titles typed.
    pub titles: Localized,
    /// What was wrong.
    pub errors: Problems,
}

/// The overview of request forms; `q` finds services without a form.
#[server(endpoint = "staff/forms")]
pub async fn get_forms(#[server(default)] q: String) -> Result<StaffPage<FormsOverview>, AppError> {
    use crate::staff::guard::{page, require};
    let user = require(READ_ROLES).await?;
    let overview = ssr::overview(q.trim().chars().take(100).collect()).await?;
    page(&user, overview).await
}

/// One form.
#[server(endpoint = "staff/form")]
pub async fn get_form(slug: String) -> Result<StaffPage<FormDetail>, AppError> {
    use crate::staff::guard::{page, require};
    let user = require(READ_ROLES).await?;
    let detail = ssr::detail(&user, &slug).await?;
    page(&user, detail).await
}

/// The question editor for question `field` (`neu`: a new one) on page `page`.
#[server(endpoint = "staff/form-field")]
pub async fn get_form_field(slug: String, page: String, field: String) -> Result<StaffPage<FieldEditorData>, AppError> {
    use crate::staff::guard::{page as wrap, require};
    let user = require(EDIT_ROLES).await?;
    let data = super::form_changes::field_editor(&slug, &page, &field).await?;
    wrap(&user, data).await
}

/// The page editor for page `page` (`neu`: a new one).
#[server(endpoint = "staff/form-page")]
pub async fn get_form_page(slug: String, page: String) -> Result<StaffPage<PageEditorData>, AppError> {
    use crate::staff::guard::{page as wrap, require};
    let user = require(EDIT_ROLES).await?;
    let data = super::form_changes::page_editor(&slug, &page).await?;
    wrap(&user, data).await
}

/// The working form (else the live one) as residents will see it.
#[server(endpoint = "staff/form-preview")]
pub async fn get_form_preview(slug: String) -> Result<StaffPage<FormPreview>, AppError> {
    use crate::staff::guard::{page, require};
    let user = require(READ_ROLES).await?;
    let detail = ssr::detail(&user, &slug).await?;
    page(&user, FormPreview { row: detail.row, definition: detail.definition, today: crate::db::now() }).await
}

/// Saves a question (`original` empty: adds it at the end of page `page`) into the draft.
#[server(endpoint = "staff/form/field/save")]
pub async fn save_form_field(csrf: String, slug: String, page: String, #[server(default)] original: String, #[server(default)] f: FieldForm) -> Result<(), AppError> {
    super::form_changes::save_field(csrf, slug, page, original, f).await
}

/// Saves a page's titles (`page` empty: adds a page at the end).
#[server(endpoint = "staff/form/page/save")]
pub async fn save_form_page(csrf: String, slug: String, #[server(default)] page: String, #[server(default)] title: Localized) -> Result<(), AppError> {
    super::form_changes::save_page(csrf, slug, page, title).await
}

/// Moves a question or page (`field` empty) up (`hoch`) or down (`runter`), or removes it
/// (`entfernen`).
#[server(endpoint = "staff/form/arrange")]
pub async fn arrange_form(csrf: String, slug: String, page: String, #[server(default)] field: String, action: String) -> Result<(), AppError> {
    super::form_changes::arrange(csrf, slug, page, field, action).await
}

/// Hands the draft to the publishers.
#[server(endpoint = "staff/form/submit")]
pub async fn submit_form_draft(csrf: String, slug: String) -> Result<(), AppError> {
    super::form_changes::step(csrf, slug, super::form_changes::Step::Submit).await
}

/// Sends the version in review back with a note.
#[server(endpoint = "staff/form/return")]
pub async fn return_form_draft(csrf: String, slug: String, #[server(default)] note: String) -> Result<(), AppError> {
    super::form_changes::step(csrf, slug, super::form_changes::Step::Return(note)).await
}

/// Publishes the version in review (never one the publisher changed last).
#[server(endpoint = "staff/form/publish")]
pub async fn publish_form_draft(csrf: String, slug: String) -> Result<(), AppError> {
    super::form_changes::step(csrf, slug, super::form_changes::Step::Publish).await
}

/// Throws the working version away; the live form stays.
#[server(endpoint = "staff/form/discard")]
pub async fn discard_form(csrf: String, slug: String) -> Result<(), AppError> {
    super::form_changes::step(csrf, slug, super::form_changes::Step::Discard).await
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use super::*;
    use crate::auth::StaffUser;
    use crate::requests::store::{form_history, form_states, live_form_by_slug, working_form, FormWorkflowError};
    use crate::staff::guard::db;

    /// The German title of the published service `slug` (else the slug).
    pub fn service_title(slug: &str) -> Result<String, AppError> {
        let snapshot = crate::catalogue::api::ssr::snapshot()?;
        Ok(snapshot.services.iter().find(|s| s.slug_de == slug).map(|s| s.content.title.de.clone()).unwrap_or_else(|| slug.to_string()))
    }

    /// Maps a failed read to the page's error.
    pub fn problem(error: FormWorkflowError) -> AppError {
        match error {
            FormWorkflowError::NotFound => AppError::NotFound,
            other => AppError::internal(other),
        }
    }

    pub async fn overview(query: String) -> Result<FormsOverview, AppError> {
        let states = form_states(&db()?).await.map_err(problem)?;
        let snapshot = crate::catalogue::api::ssr::snapshot()?;
        let title = |slug: &str| snapshot.services.iter().find(|s| s.slug_de == slug).map(|s| s.content.title.de.clone());
        let mut rows: Vec<FormRow> = states
            .into_iter()
            .map(|(slug, live, working)| FormRow { title: title(&slug).unwrap_or_else(|| slug.clone()), slug, live, working })
            .collect();
        if !query.is_empty() {
            let needle = query.to_lowercase();
            let found = snapshot
                .services
                .iter()
                .filter(|s| s.content.title.de.to_lowercase().contains(&needle) && !rows.iter().any(|r| r.slug == s.slug_de))
                .take(30)
                .map(|s| FormRow { slug: s.slug_de.clone(), title: s.content.title.de.clone(), live: None, working: None })
                .collect::<Vec<_>>();
            rows.extend(found);
        }
        rows.sort_by(|a, b| a.title.cmp(&b.title));
        Ok(FormsOverview { query, rows })
    }

    /// The working form of `slug`, else its live form, else an empty form; with the numbers.
    pub async fn current(slug: &str) -> Result<(FormDefinition, Option<i64>, Option<crate::requests::store::WorkingForm>), AppError> {
        let db = db()?;
        let working = working_form(&db, slug).await.map_err(problem)?;
        let live = live_form_by_slug(&db, slug).await.map_err(AppError::internal)?;
        let definition = match (&working, &live) {
            (Some(working), _) => working.definition.clone(),
            (None, Some(live)) => live.definition.clone(),
            (None, None) => FormDefinition::default(),
        };
        Ok((definition, live.map(|l| l.number), working))
    }

    pub async fn detail(user: &StaffUser, slug: &str) -> Result<FormDetail, AppError> {
        let (definition, live, working) = current(slug).await?;
        let history = form_history(&db()?, slug).await.map_err(problem)?;
        let history = history
            .into_iter()
            .map(|v| {
                let status = status_label(&v.status).to_string();
                let mut text = format!("zuletzt geändert {} von {}", crate::catalogue::hours::german_date_time(v.changed.1), v.changed.0);
                if let Some((by, at)) = v.published {
                    text.push_str(&format!(" · freigegeben {} von {by}", crate::catalogue::hours::german_date_time(at)));
                }
                VersionLine { number: v.number, status, text }
            })
            .collect();
        let own_work = working.as_ref().is_some_and(|w| w.in_review && w.updated_by.eq_ignore_ascii_case(user.actor()));
        Ok(FormDetail {
            row: FormRow { slug: slug.to_string(), title: service_title(slug)?, live, working: working.as_ref().map(|w| (w.number, w.in_review)) },
            definition,
            review_note: working.as_ref().map(|w| w.review_note.clone()).unwrap_or_default(),
            history,
            may_edit: user.has_any(EDIT_ROLES),
            may_publish: user.has_any(PUBLISH_ROLES),
            own_work,
        })
    }

    /// The German name of a version status.
    pub fn status_label(status: &str) -> &'static str {
        match status {
            "draft" => "Entwurf",
            "in_review" => "in Prüfung",
            "published" => "online",
            _ => "abgelöst",
        }
    }
}
