//! The featured services of the home page and the search synonyms: settings of the whole
//! catalogue, each edited in one textarea.

use super::support::{failure_text, keep, messages, refresh, sorted_errors, take, taxonomy};
use super::summary::group_changes;
use super::{Form, SynonymsForm, SYNONYMS_PATH, TAXONOMY_PATH};
use crate::auth::StaffUser;
use crate::catalogue::synonyms_text::{format_synonyms, parse_synonyms};
use crate::catalogue::taxonomy_edit::{self as edit, FieldProblem, Problem, TaxonomyError};
use crate::catalogue::SynonymGroups;
use crate::error::AppError;
use crate::staff::guard::{audit, db, notify};

/// Session key of the refused featured services.
const FEATURED_KEY: &str = "taxonomy_featured";
/// Session key of the refused synonyms.
const SYNONYMS_KEY: &str = "taxonomy_synonyms";

/// The featured services as kept after a refusal, or as stored (one German slug per line).
pub(super) async fn featured_form(stored: &[String]) -> Result<Form<String>, AppError> {
    Ok(take(FEATURED_KEY, "").await?.unwrap_or_else(|| Form::new(stored.join("\n"))))
}

/// Saves the featured services from the textarea (one German slug per line).
pub(super) async fn save_featured(user: &StaffUser, text: String) -> Result<(), AppError> {
    let db = db()?;
    let before = taxonomy(&db).await?.featured;
    let slugs: Vec<String> = text.lines().map(str::trim).filter(|line| !line.is_empty()).map(str::to_string).collect();
    leptos_axum::redirect(TAXONOMY_PATH);
    match edit::save_featured(&db, &slugs).await {
        Ok(()) => {
            audit(user, "featured.save", "Startseite", &format!("Vorher: {}; nachher: {}", before.join(", "), slugs.join(", "))).await?;
            refresh(&db).await;
            notify(true, "Die häufig gesuchten Leistungen wurden gespeichert.").await
        }
        Err(error) => {
            let errors = match &error {
                TaxonomyError::Invalid(problems) => sorted_errors(messages(problems), &[]),
                other => {
                    notify(false, failure_text(other)).await?;
                    Vec::new()
                }
            };
            keep(FEATURED_KEY, "", Form { values: text, errors }).await
        }
    }
}

/// The synonyms form, as kept after a refusal or as stored.
pub(super) async fn synonyms_form() -> Result<Form<SynonymsForm>, AppError> {
    let stored = taxonomy(&db()?).await?.synonyms;
    let kept = take(SYNONYMS_KEY, "").await?;
    Ok(kept.unwrap_or_else(|| Form::new(SynonymsForm { de: format_synonyms(&stored.de), en: format_synonyms(&stored.en) })))
}

/// Saves the synonyms from the two textareas.
pub(super) async fn save_synonyms(user: &StaffUser, form: SynonymsForm) -> Result<(), AppError> {
    let db = db()?;
    let before = taxonomy(&db).await?.synonyms;
    leptos_axum::redirect(SYNONYMS_PATH);
    let mut problems = Vec::new();
    let mut parse = |field: &'static str, text: &str| {
        parse_synonyms(text).unwrap_or_else(|lines| {
            problems.push(FieldProblem { field, problem: Problem::Lines(lines) });
            Vec::new()
        })
    };
    let groups = SynonymGroups { de: parse("synonyms.de", &form.de), en: parse("synonyms.en", &form.en) };
    let result = if problems.is_empty() { edit::save_synonyms(&db, &groups).await } else { Err(TaxonomyError::Invalid(problems)) };
    match result {
        Ok(()) => {
            let summary = format!("{}; {}", group_changes("Deutsch", &before.de, &groups.de), group_changes("Englisch", &before.en, &groups.en));
            audit(user, "synonyms.save", "Synonyme", &summary).await?;
            refresh(&db).await;
            notify(true, "Die Synonyme wurden gespeichert. Die Suche verwendet sie ab sofort.").await
        }
        Err(error) => {
            let errors = match &error {
                TaxonomyError::Invalid(problems) => sorted_errors(messages(problems), &["synonyms.de", "synonyms.en"]),
                other => {
                    notify(false, failure_text(other)).await?;
                    Vec::new()
                }
            };
            keep(SYNONYMS_KEY, "", Form { values: form, errors }).await
        }
    }
}
