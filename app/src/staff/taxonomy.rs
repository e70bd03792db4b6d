//! Staff editing of the taxonomy: topics and life situations with the featured services of the
//! home page (`/verwaltung/themen`), offices (`/verwaltung/dienststellen`, in [`offices`]) and
//! the search synonyms (`/verwaltung/synonyme`). Publishers and administrators only: every
//! change is live at once.
//!
//! Refused input is kept in the session with its problems and the browser is sent back to the
//! form, whose page takes it out again: what was typed stays, each problem is shown beside its
//! field and in the summary at the top (the GOV.UK pattern, without JavaScript).

pub mod offices;
#[cfg(feature = "ssr")]
mod settings;
#[cfg(feature = "ssr")]
mod summary;
#[cfg(feature = "ssr")]
mod support;

use crate::auth::Role;
use crate::error::AppError;
use crate::staff::StaffPage;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Who may edit the taxonomy: changes go live at once, so no editors.
pub const TAXONOMY_ROLES: &[Role] = &[Role::Publisher, Role::Administrator];
/// The topics and life situations page.
pub const TAXONOMY_PATH: &str = "/verwaltung/themen";
/// The edit pages of topics: `…/thema/<slug>`, `…/thema/neu`.
pub const TOPIC_PATH: &str = "/verwaltung/themen/thema";
/// The edit pages of life situations.
pub const LIFE_SITUATION_PATH: &str = "/verwaltung/themen/lebenslage";
/// The offices page; the edit pages are `…/<slug>` and `…/neu`.
pub const OFFICES_PATH: &str = "/verwaltung/dienststellen";
/// The synonyms page.
pub const SYNONYMS_PATH: &str = "/verwaltung/synonyme";
/// The path segment of a new entry's form.
pub const NEW: &str = "neu";
/// The id of the "Ja, löschen" checkbox.
pub const CONFIRM_ID: &str = "loeschen-bestaetigen";

/// The edit page of the entry `slug` under `base`, or of a new one when `slug` is empty.
pub fn edit_path(base: &str, slug: &str) -> String {
    format!("{base}/{}", if slug.is_empty() { NEW } else { slug })
}

/// A form as typed, with what is wrong with it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Form<T> {
    /// The values, as typed (or as stored when the page opens).
    pub values: T,
    /// (field id, German message) per problem, in the order of the form.
    pub errors: Vec<(String, String)>,
}

impl<T> Form<T> {
    /// The form showing `values` without problems.
    pub fn new(values: T) -> Form<T> {
        Form { values, errors: Vec::new() }
    }

    /// The problems with the field `id`, as one text.
    pub fn error(&self, id: &str) -> Option<String> {
        let messages: Vec<&str> = self.errors.iter().filter(|(field, _)| field == id).map(|(_, message)| message.as_str()).collect();
        (!messages.is_empty()).then(|| messages.join(" "))
    }
}

/// The HTML id of a field of the model: `name.de` → `name-de`, `slug_de` → `slug-de`.
pub fn field_id(field: &str) -> String {
    field.replace(['.', '_'], "-")
}

/// A topic or life situation as its form has it (`parent` only for life situations).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EntryForm {
    /// German URL slug.
    pub slug_de: String,
    /// English URL slug.
    pub slug_en: String,
    /// Position in lists, as typed.
    pub position: String,
    /// The broader life situation's German slug, empty for none.
    pub parent: String,
    /// Name in German.
    pub name_de: String,
    /// Name in English.
    pub name_en: String,
    /// Name in Leichte Sprache.
    pub name_ls: String,
    /// Description in German.
    pub description_de: String,
    /// Description in English.
    pub description_en: String,
    /// Description in Leichte Sprache.
    pub description_ls: String,
}

/// A topic, life situation or office in a list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryRow {
    /// German slug.
    pub slug: String,
    /// German name.
    pub name: String,
    /// Position (topics and life situations).
    pub position: i64,
    /// Depth in the tree of life situations (0 at the top).
    pub depth: usize,
}

/// The topics and life situations page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaxonomyOverview {
    /// Topics in display order.
    pub topics: Vec<EntryRow>,
    /// Life situations in tree order.
    pub life_situations: Vec<EntryRow>,
    /// The featured services, one German slug per line.
    pub featured: Form<String>,
}

/// The edit page of a topic or life situation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryPage {
    /// The German slug of the entry as stored; empty for a new one.
    pub original: String,
    /// Its German name as stored.
    pub name: String,
    /// The form.
    pub form: Form<EntryForm>,
    /// The life situations it may be placed under, in tree order (life situations only).
    pub parents: Vec<EntryRow>,
    /// Problems of the last delete attempt (the missing confirmation).
    pub delete_errors: Vec<(String, String)>,
}

/// The synonyms form: one group per line, words separated by commas.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SynonymsForm {
    /// German groups.
    pub de: String,
    /// English groups.
    pub en: String,
}

/// The topics, life situations and featured services.
#[server(endpoint = "staff/taxonomy")]
pub async fn get_taxonomy() -> Result<StaffPage<TaxonomyOverview>, AppError> {
    use crate::staff::guard::{page, require};
    let user = require(TAXONOMY_ROLES).await?;
    let overview = support::overview().await?;
    page(&user, overview).await
}

/// A topic's form (a new one when `slug` is empty).
#[server(endpoint = "staff/taxonomy/topic")]
pub async fn get_topic_page(#[server(default)] slug: String) -> Result<StaffPage<EntryPage>, AppError> {
    use crate::staff::guard::{page, require};
    let user = require(TAXONOMY_ROLES).await?;
    let data = support::entry_page(crate::catalogue::taxonomy_edit::EntryKind::Topic, &slug).await?;
    page(&user, data).await
}

/// Saves a topic (`original` is its German slug before, empty for a new one).
#[server(endpoint = "staff/taxonomy/topic/save")]
pub async fn save_topic_form(csrf: String, #[server(default)] original: String, #[server(default)] entry: EntryForm) -> Result<(), AppError> {
    let user = crate::staff::guard::require_change(TAXONOMY_ROLES, &csrf).await?;
    support::save_entry(&user, crate::catalogue::taxonomy_edit::EntryKind::Topic, &original, entry).await
}

/// Deletes a topic once "Ja, löschen" is ticked.
#[server(endpoint = "staff/taxonomy/topic/delete")]
pub async fn delete_topic_form(csrf: String, slug: String, #[server(default)] confirm: String) -> Result<(), AppError> {
    let user = crate::staff::guard::require_change(TAXONOMY_ROLES, &csrf).await?;
    support::delete_entry(&user, crate::catalogue::taxonomy_edit::EntryKind::Topic, &slug, !confirm.is_empty()).await
}

/// A life situation's form (a new one when `slug` is empty).
#[server(endpoint = "staff/taxonomy/life-situation")]
pub async fn get_life_situation_page(#[server(default)] slug: String) -> Result<StaffPage<EntryPage>, AppError> {
    use crate::staff::guard::{page, require};
    let user = require(TAXONOMY_ROLES).await?;
    let data = support::entry_page(crate::catalogue::taxonomy_edit::EntryKind::LifeSituation, &slug).await?;
    page(&user, data).await
}

/// Saves a life situation (`original` is its German slug before, empty for a new one).
#[server(endpoint = "staff/taxonomy/life-situation/save")]
pub async fn save_life_situation_form(csrf: String, #[server(default)] original: String, #[server(default)] entry: EntryForm) -> Result<(), AppError> {
    let user = crate::staff::guard::require_change(TAXONOMY_ROLES, &csrf).await?;
    support::save_entry(&user, crate::catalogue::taxonomy_edit::EntryKind::LifeSituation, &original, entry).await
}

/// Deletes a life situation once "Ja, löschen" is ticked.
#[server(endpoint = "staff/taxonomy/life-situation/delete")]
pub async fn delete_life_situation_form(csrf: String, slug: String, #[server(default)] confirm: String) -> Result<(), AppError> {
    let user = crate::staff::guard::require_change(TAXONOMY_ROLES, &csrf).await?;
    support::delete_entry(&user, crate::catalogue::taxonomy_edit::EntryKind::LifeSituation, &slug, !confirm.is_empty()).await
}

/// Replaces the featured services of the home page: German slugs, one per line, in order.
#[server(endpoint = "staff/taxonomy/featured")]
pub async fn save_featured_form(csrf: String, #[server(default)] featured: String) -> Result<(), AppError> {
    let user = crate::staff::guard::require_change(TAXONOMY_ROLES, &csrf).await?;
    settings::save_featured(&user, featured).await
}

/// The synonyms form.
#[server(endpoint = "staff/synonyms")]
pub async fn get_synonyms() -> Result<StaffPage<Form<SynonymsForm>>, AppError> {
    use crate::staff::guard::{page, require};
    let user = require(TAXONOMY_ROLES).await?;
    let form = settings::synonyms_form().await?;
    page(&user, form).await
}

/// Replaces the search synonyms of both languages.
#[server(endpoint = "staff/synonyms/save")]
pub async fn save_synonyms_form(csrf: String, #[server(default)] synonyms: SynonymsForm) -> Result<(), AppError> {
    let user = crate::staff::guard::require_change(TAXONOMY_ROLES, &csrf).await?;
    settings::save_synonyms(&user, synonyms).await
}
