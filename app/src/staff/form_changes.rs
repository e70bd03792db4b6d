//! The form builder's changes: every change loads the working form (or the live one, or an
//! empty form), applies one edit, checks it and stores it as the draft; refused edits go back
//! to the editor with what was typed and German messages. Audit entries as for listings.

use super::form_field::{check_in_form, FieldForm, Problems};
use super::forms::ssr::{current, problem, service_title};
use super::forms::{FieldEditorData, FormEditorFlash, PageEditorData, EDIT_ROLES, PUBLISH_ROLES};
use crate::auth::StaffUser;
use crate::catalogue::model::Localized;
use crate::error::AppError;
use crate::requests::form::{FieldKind, FormDefinition, FormPage};
use crate::requests::store::{self, FormWorkflowError};
use crate::staff::guard::{audit, db, notify, require_change, session};

/// Session key of a failed save.
const FLASH: &str = "form_editor";
/// Most pages and questions per page.
const MAX_PAGES: usize = 20;
const MAX_FIELDS: usize = 40;

fn detail_path(slug: &str) -> String {
    format!("/verwaltung/formulare/{slug}")
}

fn field_path(slug: &str, page: &str, field: &str) -> String {
    format!("/verwaltung/formulare/{slug}/feld/{page}/{}", if field.is_empty() { "neu" } else { field })
}

fn page_path(slug: &str, page: &str) -> String {
    format!("/verwaltung/formulare/{slug}/seite/{}", if page.is_empty() { "neu" } else { page })
}

/// The German message for a refused workflow step.
fn message(error: &FormWorkflowError) -> Option<String> {
    Some(match error {
        FormWorkflowError::NoDraft => "Es gibt keinen Entwurf dieses Formulars.".into(),
        FormWorkflowError::NotInReview => "Dieses Formular wartet nicht (mehr) auf Freigabe.".into(),
        FormWorkflowError::InReview => "Dieses Formular wartet auf Freigabe. Ändern können Sie es erst, wenn es zurückgegeben wurde.".into(),
        FormWorkflowError::FourEyes => {
            "Vier-Augen-Prinzip: Sie haben diese Version zuletzt bearbeitet. Eine andere Person mit Freigaberecht muss sie veröffentlichen.".into()
        }
        FormWorkflowError::Unsound(problems) => format!("Das Formular ist noch nicht vollständig: {}", gaps(problems)),
        _ => return None,
    })
}

/// The definition's problems in German where they are common, else as found.
fn gaps(problems: &[String]) -> String {
    let german = problems.iter().take(5).map(|p| {
        if p.contains("no pages") {
            "Es hat noch keine Seite.".to_string()
        } else if let Some(page) = p.strip_prefix("page ").and_then(|rest| rest.strip_suffix(" has no fields")) {
            format!("Die Seite „{page}“ hat noch keine Frage.")
        } else {
            format!("Fehler im Formular ({p}).")
        }
    });
    german.collect::<Vec<_>>().join(" ")
}

/// Problems of show-if rules in the whole form (after a move, removal or a changed source).
fn broken_rules(form: &FormDefinition) -> Vec<String> {
    form.problems().into_iter().filter(|p| p.contains("depends on")).collect()
}

async fn take_flash(key: &str) -> Result<Option<FormEditorFlash>, AppError> {
    let flash: Option<FormEditorFlash> = session().await?.remove(FLASH).await.map_err(AppError::internal)?;
    Ok(flash.filter(|f| f.key == key))
}

async fn refuse(flash: FormEditorFlash) -> Result<(), AppError> {
    let key = flash.key.clone();
    session().await?.insert(FLASH, flash).await.map_err(AppError::internal)?;
    leptos_axum::redirect(&key);
    Ok(())
}

/// Stores `form` as the draft, audits and says so; a refusal becomes a notice.
async fn store_draft(user: &StaffUser, slug: &str, form: &FormDefinition, summary: &str, done: &str) -> Result<(), AppError> {
    match store::save_form_draft(&db()?, slug, form, user.actor()).await {
        Ok(number) => {
            audit(user, "form.save", slug, &format!("Version {number}: {summary}")).await?;
            notify(true, format!("{done} (Entwurf, Version {number}). Das Online-Formular bleibt unverändert, bis der Entwurf freigegeben ist.")).await
        }
        Err(error) => match message(&error) {
            Some(text) => notify(false, text).await,
            None => Err(problem(error)),
        },
    }
}

pub async fn field_editor(slug: &str, page: &str, field: &str) -> Result<FieldEditorData, AppError> {
    let (form, _, _) = current(slug).await?;
    let (page_index, form_page) = form.page(page).ok_or(AppError::NotFound)?;
    let existing = (field != "neu").then(|| form_page.fields.iter().position(|f| f.id == field).ok_or(AppError::NotFound)).transpose()?;
    let position = existing.unwrap_or(form_page.fields.len());
    let earlier = form.pages.iter().take(page_index).flat_map(|p| p.fields.iter()).chain(form_page.fields.iter().take(position));
    let sources = earlier
        .filter_map(|f| {
            let values: Vec<String> = match f.kind {
                FieldKind::YesNo => vec!["ja".into(), "nein".into()],
                FieldKind::SingleChoice | FieldKind::MultipleChoice => f.options.iter().map(|o| o.value.clone()).collect(),
                _ => return None,
            };
            Some((f.id.clone(), f.label.de.clone(), values))
        })
        .collect();
    let key = field_path(slug, page, if field == "neu" { "" } else { field });
    let (form_values, errors) = match take_flash(&key).await? {
        Some(flash) => (flash.field, flash.errors),
        None => (existing.map(|i| FieldForm::of(&form_page.fields[i])).unwrap_or_else(|| FieldForm { kind: "text".into(), ..FieldForm::default() }), Vec::new()),
    };
    Ok(FieldEditorData {
        slug: slug.to_string(),
        title: service_title(slug)?,
        page: (page.to_string(), form_page.title.de.clone()),
        original: existing.map(|_| field.to_string()).unwrap_or_default(),
        form: form_values,
        errors,
        sources,
    })
}

pub async fn page_editor(slug: &str, page: &str) -> Result<PageEditorData, AppError> {
    let (form, _, _) = current(slug).await?;
    let existing = (page != "neu").then(|| form.page(page).map(|(_, p)| p.title.clone()).ok_or(AppError::NotFound)).transpose()?;
    let page = if page == "neu" { String::new() } else { page.to_string() };
    let (titles, errors) = match take_flash(&page_path(slug, &page)).await? {
        Some(flash) => (flash.titles, flash.errors),
        None => (existing.unwrap_or_default(), Vec::new()),
    };
    Ok(PageEditorData { slug: slug.to_string(), title: service_title(slug)?, page, titles, errors })
}

pub async fn save_field(csrf: String, slug: String, page: String, original: String, typed: FieldForm) -> Result<(), AppError> {
    let user = require_change(EDIT_ROLES, &csrf).await?;
    let (mut form, _, _) = current(&slug).await?;
    let key = field_path(&slug, &page, &original);
    let refuse_with = |errors: Problems, typed: FieldForm| refuse(FormEditorFlash { key: key.clone(), field: typed, titles: Localized::default(), errors });
    let Some((page_index, _)) = form.page(&page) else { return Err(AppError::NotFound) };
    let field = match typed.field() {
        Ok(field) => field,
        Err(errors) => return refuse_with(errors, typed).await,
    };
    let fields = &mut form.pages[page_index].fields;
    let position = if original.is_empty() {
        if fields.len() >= MAX_FIELDS {
            return refuse_with(vec![("id".into(), format!("Eine Seite hat höchstens {MAX_FIELDS} Fragen."))], typed).await;
        }
        fields.len()
    } else {
        let index = fields.iter().position(|f| f.id == original).ok_or(AppError::NotFound)?;
        fields.remove(index);
        index
    };
    let errors = check_in_form(&form, page_index, position, &field);
    if !errors.is_empty() {
        return refuse_with(errors, typed).await;
    }
    let id = field.id.clone();
    form.pages[page_index].fields.insert(position, field);
    if !original.is_empty() && original != id {
        // Questions depending on the renamed one follow it.
        for other in form.pages.iter_mut().flat_map(|p| p.fields.iter_mut()) {
            if let Some(rule) = other.show_if.as_mut().filter(|rule| rule.field == original) {
                rule.field = id.clone();
            }
        }
    }
    if !broken_rules(&form).is_empty() {
        let text = "Andere Fragen hängen von dieser Frage ab und passen nicht zu der Änderung (Art oder Auswahlwerte). Passen Sie zuerst diese Fragen an.";
        return refuse_with(vec![("kind".into(), text.into())], typed).await;
    }
    let summary = if original.is_empty() { format!("Frage {id} auf Seite {page} hinzugefügt") } else { format!("Frage {id} geändert") };
    store_draft(&user, &slug, &form, &summary, "Frage gespeichert").await?;
    leptos_axum::redirect(&format!("{}#seite-{page}", detail_path(&slug)));
    Ok(())
}

pub async fn save_page(csrf: String, slug: String, page: String, title: Localized) -> Result<(), AppError> {
    let user = require_change(EDIT_ROLES, &csrf).await?;
    let (mut form, _, _) = current(&slug).await?;
    let title = Localized { de: title.de.trim().chars().take(200).collect(), en: title.en.trim().chars().take(200).collect(), ls: title.ls.trim().chars().take(200).collect() };
    let key = page_path(&slug, &page);
    let mut errors = Problems::new();
    if title.de.is_empty() {
        errors.push(("title-de".into(), "Bitte geben Sie einen deutschen Titel der Seite ein.".into()));
    }
    if page.is_empty() && form.pages.len() >= MAX_PAGES {
        errors.push(("title-de".into(), format!("Ein Formular hat höchstens {MAX_PAGES} Seiten.")));
    }
    if !errors.is_empty() {
        return refuse(FormEditorFlash { key, field: FieldForm::default(), titles: title, errors }).await;
    }
    let id = if page.is_empty() {
        let id = (1..).map(|n| format!("seite-{n}")).find(|id| form.page(id).is_none() && form.field(id).is_none()).unwrap_or_default();
        form.pages.push(FormPage { id: id.clone(), title, fields: Vec::new() });
        id
    } else {
        let (index, _) = form.page(&page).ok_or(AppError::NotFound)?;
        form.pages[index].title = title;
        page.clone()
    };
    let summary = if page.is_empty() { format!("Seite {id} hinzugefügt") } else { format!("Seite {id} umbenannt") };
    store_draft(&user, &slug, &form, &summary, "Seite gespeichert").await?;
    leptos_axum::redirect(&format!("{}#seite-{id}", detail_path(&slug)));
    Ok(())
}

pub async fn arrange(csrf: String, slug: String, page: String, field: String, action: String) -> Result<(), AppError> {
    let user = require_change(EDIT_ROLES, &csrf).await?;
    if !["hoch", "runter", "entfernen"].contains(&action.as_str()) {
        crate::components::set_status(400);
        return Err(AppError::Invalid("Unbekannte Aktion.".into()));
    }
    let (mut form, _, _) = current(&slug).await?;
    leptos_axum::redirect(&format!("{}#seite-{page}", detail_path(&slug)));
    let (page_index, _) = form.page(&page).ok_or(AppError::NotFound)?;
    let (len, index) = if field.is_empty() {
        (form.pages.len(), page_index)
    } else {
        let fields = &form.pages[page_index].fields;
        (fields.len(), fields.iter().position(|f| f.id == field).ok_or(AppError::NotFound)?)
    };
    let target = match action.as_str() {
        "hoch" if index > 0 => Some(index - 1),
        "runter" if index + 1 < len => Some(index + 1),
        "hoch" | "runter" => return notify(false, "Das steht schon am Rand und lässt sich nicht weiter verschieben.").await,
        _ => None,
    };
    let (what, done) = if field.is_empty() { (format!("Seite {page}"), "Seite") } else { (format!("Frage {field}"), "Frage") };
    let items_swap = |form: &mut FormDefinition, a: usize, b: usize| {
        if field.is_empty() { form.pages.swap(a, b) } else { form.pages[page_index].fields.swap(a, b) }
    };
    match target {
        Some(target) => items_swap(&mut form, index, target),
        None if field.is_empty() => {
            form.pages.remove(index);
        }
        None => {
            form.pages[page_index].fields.remove(index);
        }
    }
    if !broken_rules(&form).is_empty() {
        let text = format!("{what} wurde nicht verändert: Eine Frage darf nur von Fragen davor abhängen. Ändern Sie zuerst die Bedingungen.");
        return notify(false, text).await;
    }
    let (summary, done) = match target {
        Some(_) => (format!("{what} nach {action} verschoben"), format!("{done} verschoben")),
        None => (format!("{what} entfernt"), format!("{done} entfernt")),
    };
    store_draft(&user, &slug, &form, &summary, &done).await
}

/// A workflow step.
pub enum Step {
    Submit,
    Return(String),
    Publish,
    Discard,
}

pub async fn step(csrf: String, slug: String, step: Step) -> Result<(), AppError> {
    let roles = match step {
        Step::Submit | Step::Discard => EDIT_ROLES,
        Step::Return(_) | Step::Publish => PUBLISH_ROLES,
    };
    let user = require_change(roles, &csrf).await?;
    let db = db()?;
    leptos_axum::redirect(&detail_path(&slug));
    let (result, action, done) = match &step {
        Step::Submit => (store::submit_form(&db, &slug).await, "form.submit", "Zur Prüfung gegeben."),
        Step::Return(note) => {
            let note: String = note.trim().chars().take(2000).collect();
            (store::return_form(&db, &slug, &note).await, "form.return", "Zur Überarbeitung zurückgegeben.")
        }
        Step::Publish => (store::publish_reviewed_form(&db, &slug, user.actor()).await, "form.publish", "Veröffentlicht. Neue Anträge nutzen jetzt diese Version."),
        Step::Discard => (store::discard_form_draft(&db, &slug).await, "form.discard", "Entwurf verworfen."),
    };
    match result {
        Ok(number) => {
            let summary = match &step {
                Step::Return(note) => format!("Version {number}; Hinweis: {}", note.trim()),
                _ => format!("Version {number}"),
            };
            audit(&user, action, &slug, &summary).await?;
            if matches!(step, Step::Publish) {
                if let Some(cache) = leptos::prelude::use_context::<crate::catalogue::snapshot::CatalogueCache>() {
                    if let Err(error) = cache.refresh_if_changed(&db).await {
                        tracing::warn!(%error, "reloading the catalogue after a form was published failed; the 2 s check will retry");
                    }
                }
            }
            notify(true, done).await
        }
        Err(FormWorkflowError::NotFound) => Err(AppError::NotFound),
        Err(error) => match message(&error) {
            Some(text) => notify(false, text).await,
            None => Err(problem(error)),
        },
    }
}
