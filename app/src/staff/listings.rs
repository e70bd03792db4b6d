//! Staff server functions for service listings: the filtered list, one listing with its
//! versions and changes, the editor, the preview, and the workflow (save, review, publish with
//! four eyes, archive, restore). The workflow itself is `catalogue::editorial`.

use super::listing_form::ListingForm;
use crate::auth::Role;
use crate::catalogue::api::ServicePage;
use crate::catalogue::diff::FieldChange;
use crate::catalogue::editorial_model::{EditorialEvent, ListingFilter, ListingPage, ServiceRecord};
use crate::catalogue::ServiceVersion;
use crate::error::AppError;
use crate::staff::StaffPage;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Who may read listings in the staff area.
pub const READ_ROLES: &[Role] = &[Role::Editor, Role::Publisher, Role::Administrator];
/// Who may write drafts.
pub const EDIT_ROLES: &[Role] = &[Role::Editor, Role::Publisher];
/// Who may publish, return and archive.
pub const PUBLISH_ROLES: &[Role] = &[Role::Publisher];

/// A topic, office or life situation to pick.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    /// German slug.
    pub slug: String,
    /// German name.
    pub name: String,
}

/// The list page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListingsData {
    /// The filter applied.
    pub filter: ListingFilter,
    /// The rows.
    pub page: ListingPage,
    /// Topics for the filter.
    pub topics: Vec<Choice>,
    /// Offices for the filter.
    pub offices: Vec<Choice>,
    /// The person may create services.
    pub may_edit: bool,
}

/// One listing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ListingDetail {
    /// Versions and slugs.
    pub record: ServiceRecord,
    /// German title of the newest version.
    pub title: String,
    /// The working version (draft or in review).
    pub working: Option<ServiceVersion>,
    /// What the working version changes against the published one (or against nothing).
    pub changes: Vec<FieldChange>,
    /// The version compared with its predecessor, when asked for.
    pub compared: Option<(i64, Vec<FieldChange>)>,
    /// Who did what, newest first.
    pub history: Vec<EditorialEvent>,
    /// The person may edit.
    pub may_edit: bool,
    /// The person may publish, return and archive.
    pub may_publish: bool,
    /// The person changed the version in review last, so another must publish it.
    pub own_work: bool,
}

/// The editor page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EditorData {
    /// German slug; empty for a new service.
    pub slug: String,
    /// For a new service: the slugs typed.
    pub new_slugs: (String, String),
    /// The form's values.
    pub form: ListingForm,
    /// Problems of the last attempt: (field id, German message).
    pub errors: Vec<(String, String)>,
    /// The version the form starts from (number, status), when there is one.
    pub base: Option<(i64, String)>,
    /// Topics to tick.
    pub topics: Vec<Choice>,
    /// Offices to tick.
    pub offices: Vec<Choice>,
    /// Life situations to tick.
    pub life_situations: Vec<Choice>,
}

/// A failed save, kept in the session to show the form again.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditorFlash {
    /// For which service (empty: new).
    pub slug: String,
    /// Slugs typed for a new service.
    pub new_slugs: (String, String),
    /// What was typed.
    pub form: ListingForm,
    /// What was wrong.
    pub errors: Vec<(String, String)>,
}

/// The staff list of services, filtered.
#[server(endpoint = "staff/listings")]
pub async fn get_listings(
    #[server(default)] status: String,
    #[server(default)] topic: String,
    #[server(default)] office: String,
    #[server(default)] missing_en: String,
    #[server(default)] missing_ls: String,
    #[server(default)] q: String,
    #[server(default)] page: usize,
) -> Result<StaffPage<ListingsData>, AppError> {
    use crate::staff::guard::{db, page as wrap, require};
    let user = require(READ_ROLES).await?;
    use crate::catalogue::editorial_model::StatusFilter;
    let status = match status.as_str() {
        "entwurf" => Some(StatusFilter::Draft),
        "pruefung" => Some(StatusFilter::InReview),
        "veroeffentlicht" => Some(StatusFilter::Published),
        "offline" => Some(StatusFilter::Archived),
        _ => None,
    };
    let filter = ListingFilter {
        status,
        topic: (!topic.is_empty()).then_some(topic),
        office: (!office.is_empty()).then_some(office),
        missing_en: !missing_en.is_empty(),
        missing_ls: !missing_ls.is_empty(),
        query: q.chars().take(100).collect(),
        page: page.saturating_sub(1),
    };
    let rows = crate::catalogue::editorial::list_services(&db()?, &filter).await.map_err(AppError::internal)?;
    let (topics, offices, _) = ssr::choices()?;
    let may_edit = user.has_any(EDIT_ROLES);
    wrap(&user, ListingsData { filter, page: rows, topics, offices, may_edit }).await
}

/// One listing: versions, changes, history; `compare` shows a version against its predecessor.
#[server(endpoint = "staff/listing")]
pub async fn get_listing(slug: String, #[server(default)] compare: Option<i64>) -> Result<StaffPage<ListingDetail>, AppError> {
    use crate::catalogue::diff::diff_content;
    use crate::catalogue::editorial::{history, load_version, service_record};
    use crate::staff::guard::{db, page, require};
    let user = require(READ_ROLES).await?;
    let db = db()?;
    let record = service_record(&db, &slug).await.map_err(ssr::problem)?;
    let working = match record.working {
        Some(n) => Some(load_version(&db, &slug, n).await.map_err(ssr::problem)?),
        None => None,
    };
    let published = match record.published {
        Some(n) => Some(load_version(&db, &slug, n).await.map_err(ssr::problem)?),
        None => None,
    };
    let changes = match (&published, &working) {
        (Some(published), Some(working)) => diff_content(&published.content, &working.content),
        (None, Some(working)) => diff_content(&Default::default(), &working.content),
        _ => Vec::new(),
    };
    let compared = match compare.filter(|n| record.versions.iter().any(|v| v.number == *n)) {
        Some(n) => {
            let after = load_version(&db, &slug, n).await.map_err(ssr::problem)?;
            let before = match record.versions.iter().filter(|v| v.number < n).map(|v| v.number).max() {
                Some(previous) => load_version(&db, &slug, previous).await.map_err(ssr::problem)?.content,
                None => Default::default(),
            };
            Some((n, diff_content(&before, &after.content)))
        }
        None => None,
    };
    let newest = record.versions.first().map(|v| v.number).unwrap_or(1);
    let title = match &working {
        Some(w) => w.content.title.de.clone(),
        None => load_version(&db, &slug, newest).await.map_err(ssr::problem)?.content.title.de,
    };
    let own_work = working.as_ref().is_some_and(|w| {
        let last = w.updated_by.clone().unwrap_or_else(|| w.created_by.clone());
        last.eq_ignore_ascii_case(user.actor())
    });
    let detail = ListingDetail {
        title,
        working,
        changes,
        compared,
        history: history(&db, &slug).await.map_err(ssr::problem)?,
        may_edit: user.has_any(EDIT_ROLES),
        may_publish: user.has_any(PUBLISH_ROLES),
        own_work,
        record,
    };
    page(&user, detail).await
}

/// The editor for `slug` (empty: a new service), or the form of the last failed attempt.
#[server(endpoint = "staff/listing-editor")]
pub async fn get_listing_editor(#[server(default)] slug: String) -> Result<StaffPage<EditorData>, AppError> {
    use crate::catalogue::editorial::{load_version, service_record};
    use crate::staff::guard::{db, page, require, session};
    let user = require(EDIT_ROLES).await?;
    let db = db()?;
    let (topics, offices, life_situations) = ssr::choices()?;
    let flash: Option<EditorFlash> = session().await?.remove(ssr::FLASH).await.map_err(AppError::internal)?;
    let flash = flash.filter(|f| f.slug == slug);
    let mut base = None;
    let (form, errors, new_slugs) = match flash {
        Some(flash) => (flash.form, flash.errors, flash.new_slugs),
        None if slug.is_empty() => {
            let mut form = ListingForm { processing_days: "0".into(), availability: "in_person".into(), ..Default::default() };
            form.add_blank_rows();
            (form, Vec::new(), Default::default())
        }
        None => {
            let record = service_record(&db, &slug).await.map_err(ssr::problem)?;
            let number = record.working.or(record.published).or(record.versions.first().map(|v| v.number)).ok_or(AppError::NotFound)?;
            let version = load_version(&db, &slug, number).await.map_err(ssr::problem)?;
            base = Some((number, version.status.as_str().to_string()));
            (ListingForm::of(&version.content), Vec::new(), Default::default())
        }
    };
    page(&user, EditorData { slug, new_slugs, form, errors, base, topics, offices, life_situations }).await
}

/// Saves the form as the working draft (creating the service when `slug` is empty); with
/// `then=review` it is also handed to the publishers.
#[server(endpoint = "staff/listing/save")]
pub async fn save_listing(
    csrf: String,
    #[server(default)] slug: String,
    #[server(default)] slug_de: String,
    #[server(default)] slug_en: String,
    #[server(default)] f: ListingForm,
    #[server(default)] then: String,
) -> Result<(), AppError> {
    ssr::save(csrf, slug, (slug_de, slug_en), f, then == "review").await
}

/// Hands the draft to the publishers.
#[server(endpoint = "staff/listing/submit")]
pub async fn submit_listing(csrf: String, slug: String) -> Result<(), AppError> {
    ssr::transition(csrf, slug, ssr::Step::Submit).await
}

/// Sends the version in review back to its authors with a note.
#[server(endpoint = "staff/listing/return")]
pub async fn return_listing(csrf: String, slug: String, #[server(default)] note: String) -> Result<(), AppError> {
    ssr::transition(csrf, slug, ssr::Step::Return(note)).await
}

/// Publishes the version in review (never one the publisher changed last).
#[server(endpoint = "staff/listing/publish")]
pub async fn publish_listing(csrf: String, slug: String) -> Result<(), AppError> {
    ssr::transition(csrf, slug, ssr::Step::Publish).await
}

/// Takes the service offline.
#[server(endpoint = "staff/listing/archive")]
pub async fn archive_listing(csrf: String, slug: String) -> Result<(), AppError> {
    ssr::transition(csrf, slug, ssr::Step::Archive).await
}

/// Copies an older version into the working draft.
#[server(endpoint = "staff/listing/restore")]
pub async fn restore_listing(csrf: String, slug: String, number: i64) -> Result<(), AppError> {
    ssr::transition(csrf, slug, ssr::Step::Restore(number)).await
}

/// The resident page as the working version (or else the newest) would show it.
#[server(endpoint = "staff/listing-preview")]
pub async fn get_listing_preview(slug: String, #[server(default)] english: bool) -> Result<ServicePage, AppError> {
    use crate::catalogue::editorial::{load_version, service_record};
    use crate::staff::guard::{db, require};
    require(READ_ROLES).await?;
    let db = db()?;
    let record = service_record(&db, &slug).await.map_err(ssr::problem)?;
    let number = record.working.or(record.published).or(record.versions.first().map(|v| v.number)).ok_or(AppError::NotFound)?;
    let version = load_version(&db, &slug, number).await.map_err(ssr::problem)?;
    let service = crate::catalogue::PublishedService {
        slug_de: record.slug_de.clone(),
        slug_en: record.slug_en.clone(),
        version: number,
        approved_at: version.approved_at,
        approved_by: version.approved_by.clone(),
        content: version.content,
    };
    let snapshot = crate::catalogue::api::ssr::snapshot()?;
    let lang = if english { crate::i18n::Lang::En } else { crate::i18n::Lang::De };
    Ok(crate::catalogue::api::ssr::service_page(&snapshot, lang, &service, crate::db::now()))
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::catalogue::editorial;
    use crate::catalogue::{CatalogueError, StateError};
    use crate::staff::guard::{audit, db, notify, require_change, session};

    /// Session key of a failed save.
    pub const FLASH: &str = "listing_editor";

    /// Topics, offices and life situations, each to choose from.
    type Choices = (Vec<Choice>, Vec<Choice>, Vec<Choice>);

    /// Topics, offices and life situations of the published catalogue, for choosing.
    pub fn choices() -> Result<Choices, AppError> {
        let snapshot = crate::catalogue::api::ssr::snapshot()?;
        let topics = snapshot.topics.iter().map(|t| Choice { slug: t.slug_de.clone(), name: t.name.de.clone() }).collect();
        let offices = snapshot.offices.iter().map(|o| Choice { slug: o.slug_de.clone(), name: o.name.de.clone() }).collect();
        let situations = snapshot.life_situations.iter().map(|l| Choice { slug: l.slug_de.clone(), name: l.name.de.clone() }).collect();
        Ok((topics, offices, situations))
    }

    /// The German message for a refused workflow step, or the error page for the rest.
    pub fn message(error: &CatalogueError) -> Option<String> {
        Some(match error {
            CatalogueError::InvalidSlug(slug) => format!("Die Adresse „{slug}“ ist ungültig: nur Kleinbuchstaben, Ziffern und Bindestriche."),
            CatalogueError::SlugTaken(slug) => format!("Die Adresse „{slug}“ ist schon vergeben."),
            CatalogueError::TitleMissing => "Bitte geben Sie einen deutschen Titel ein.".into(),
            CatalogueError::InvalidLeikaKey(_) => "Der Leistungsschlüssel hat genau 14 Ziffern.".into(),
            CatalogueError::UnknownTopic(slug) => format!("Das Thema „{slug}“ gibt es nicht mehr."),
            CatalogueError::UnknownOffice(slug) => format!("Die Dienststelle „{slug}“ gibt es nicht mehr."),
            CatalogueError::UnknownLifeSituation(slug) => format!("Die Lebenslage „{slug}“ gibt es nicht mehr."),
            CatalogueError::State(StateError::NoDraft) => "Es gibt keinen Entwurf, der zur Prüfung gegeben werden könnte.".into(),
            CatalogueError::State(StateError::NotInReview) => "Diese Leistung wartet nicht (mehr) auf Freigabe.".into(),
            CatalogueError::State(StateError::NotPublished) => "Diese Leistung ist nicht veröffentlicht.".into(),
            CatalogueError::FourEyes => {
                "Vier-Augen-Prinzip: Sie haben diese Version zuletzt bearbeitet. Eine andere Person mit Freigaberecht muss sie veröffentlichen.".into()
            }
            _ => return None,
        })
    }

    /// Maps a failed read to the page's error.
    pub fn problem(error: CatalogueError) -> AppError {
        match error {
            CatalogueError::NotFound(_) => AppError::NotFound,
            other => AppError::internal(other),
        }
    }

    fn detail_path(slug: &str) -> String {
        format!("/verwaltung/leistungen/{slug}")
    }

    fn changed_fields(before: &crate::catalogue::ServiceContent, after: &crate::catalogue::ServiceContent) -> String {
        let changes = crate::catalogue::diff::diff_content(before, after);
        if changes.is_empty() {
            return "keine Änderung".into();
        }
        changes
            .iter()
            .take(20)
            .map(|c| format!("{}: „{}“ → „{}“", crate::catalogue::diff::field_label(&c.field), short(&c.before), short(&c.after)))
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn short(text: &str) -> String {
        let mut cut: String = text.chars().take(80).collect();
        if cut.len() < text.len() {
            cut.push('…');
        }
        cut
    }

    async fn refresh_catalogue() {
        if let (Some(cache), Ok(db)) = (use_context::<crate::catalogue::snapshot::CatalogueCache>(), db()) {
            if let Err(error) = cache.refresh_if_changed(&db).await {
                tracing::warn!(%error, "reloading the catalogue after a staff change failed; the 2 s check will retry");
            }
        }
    }

    pub async fn save(csrf: String, slug: String, new_slugs: (String, String), form: ListingForm, review: bool) -> Result<(), AppError> {
        let user = require_change(EDIT_ROLES, &csrf).await?;
        let db = db()?;
        let editor = if slug.is_empty() { "/verwaltung/leistungen/neu".to_string() } else { format!("{}/bearbeiten", detail_path(&slug)) };
        let fail = |errors: Vec<(String, String)>, form: ListingForm| {
            let flash = EditorFlash { slug: slug.clone(), new_slugs: new_slugs.clone(), form, errors };
            let editor = editor.clone();
            async move {
                session().await?.insert(FLASH, flash).await.map_err(AppError::internal)?;
                leptos_axum::redirect(&editor);
                Ok(())
            }
        };
        let content = match form.content() {
            Ok(content) => content,
            Err(errors) => return fail(errors, form).await,
        };
        let before = if slug.is_empty() {
            Default::default()
        } else {
            let record = editorial::service_record(&db, &slug).await.map_err(problem)?;
            let number = record.working.or(record.published).or(record.versions.first().map(|v| v.number)).ok_or(AppError::NotFound)?;
            editorial::load_version(&db, &slug, number).await.map_err(problem)?.content
        };
        let target = if slug.is_empty() { new_slugs.0.trim().to_string() } else { slug.clone() };
        let result = if slug.is_empty() {
            editorial::create_service(&db, target.as_str(), new_slugs.1.trim(), &content, user.actor()).await.map(|_| 1)
        } else {
            editorial::save_draft(&db, &slug, &content, user.actor()).await
        };
        let number = match result {
            Ok(number) => number,
            Err(error) => match message(&error) {
                Some(text) => {
                    let field = match error {
                        CatalogueError::InvalidSlug(_) | CatalogueError::SlugTaken(_) => "slug_de",
                        CatalogueError::TitleMissing => "title-de",
                        CatalogueError::InvalidLeikaKey(_) => "leika_key",
                        _ => "title-de",
                    };
                    return fail(vec![(field.to_string(), text)], form).await;
                }
                None => return Err(problem(error)),
            },
        };
        let action = if slug.is_empty() { "service.create" } else { "service.save" };
        audit(&user, action, &target, &format!("Version {number}\n{}", changed_fields(&before, &content))).await?;
        if review {
            editorial::submit_for_review(&db, &target, user.actor()).await.map_err(problem)?;
            audit(&user, "service.submit", &target, &format!("Version {number}")).await?;
            notify(true, "Gespeichert und zur Prüfung gegeben.").await?;
        } else {
            notify(true, format!("Entwurf gespeichert (Version {number}). Die veröffentlichte Fassung bleibt unverändert online.")).await?;
        }
        leptos_axum::redirect(&detail_path(&target));
        Ok(())
    }

    /// A workflow step.
    pub enum Step {
        Submit,
        Return(String),
        Publish,
        Archive,
        Restore(i64),
    }

    pub async fn transition(csrf: String, slug: String, step: Step) -> Result<(), AppError> {
        let roles = match step {
            Step::Submit | Step::Restore(_) => EDIT_ROLES,
            Step::Return(_) | Step::Publish | Step::Archive => PUBLISH_ROLES,
        };
        let user = require_change(roles, &csrf).await?;
        let db = db()?;
        let actor = user.actor();
        leptos_axum::redirect(&detail_path(&slug));
        let (result, action, done) = match &step {
            Step::Submit => (editorial::submit_for_review(&db, &slug, actor).await, "service.submit", "Zur Prüfung gegeben."),
            Step::Return(note) => {
                let note: String = note.trim().chars().take(2000).collect();
                (editorial::return_to_draft(&db, &slug, actor, &note).await, "service.return", "Zur Überarbeitung zurückgegeben.")
            }
            Step::Publish => (editorial::publish(&db, &slug, actor).await, "service.publish", "Veröffentlicht. Die neue Fassung ist jetzt online."),
            Step::Archive => (editorial::archive(&db, &slug, actor).await, "service.archive", "Offline genommen."),
            Step::Restore(number) => (editorial::restore(&db, &slug, *number, actor).await, "service.restore", "Alte Fassung als Entwurf wiederhergestellt."),
        };
        match result {
            Ok(number) => {
                let summary = match &step {
                    Step::Return(note) => format!("Version {number}; Hinweis: {note}"),
                    Step::Restore(from) => format!("Version {from} als Entwurf (Version {number})"),
                    _ => format!("Version {number}"),
                };
                audit(&user, action, &slug, &summary).await?;
                if matches!(step, Step::Publish | Step::Archive) {
                    refresh_catalogue().await;
                }
                notify(true, done).await
            }
            Err(error) => match message(&error) {
                Some(text) => notify(false, text).await,
                None => Err(problem(error)),
            },
        }
    }
}
