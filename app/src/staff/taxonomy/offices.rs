//! Offices (`/verwaltung/dienststellen`): address, contact, opening hours and their
//! exceptions in the textarea formats of [`crate::catalogue::hours_text`], accessibility.

use super::Form;
use crate::error::AppError;
use crate::staff::StaffPage;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// An office as its form has it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OfficeForm {
    /// German URL slug.
    pub slug_de: String,
    /// English URL slug.
    pub slug_en: String,
    /// Name in German.
    pub name_de: String,
    /// Name in English.
    pub name_en: String,
    /// Name in Leichte Sprache.
    pub name_ls: String,
    /// Street and number.
    pub street: String,
    /// Postcode.
    pub postcode: String,
    /// City.
    pub city: String,
    /// Latitude, as typed.
    pub latitude: String,
    /// Longitude, as typed.
    pub longitude: String,
    /// Phone.
    pub phone: String,
    /// Email.
    pub email: String,
    /// Regular opening hours, one weekday per line.
    pub hours: String,
    /// Days with different hours, one date per line.
    pub exceptions: String,
    /// Accessibility in German.
    pub accessibility_de: String,
    /// Accessibility in English.
    pub accessibility_en: String,
    /// Accessibility in Leichte Sprache.
    pub accessibility_ls: String,
}

/// An office in the list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficeRow {
    /// German slug.
    pub slug: String,
    /// German name.
    pub name: String,
    /// Street, postcode and city.
    pub address: String,
}

/// The edit page of an office.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficePage {
    /// The German slug as stored; empty for a new office.
    pub original: String,
    /// The German name as stored.
    pub name: String,
    /// The form.
    pub form: Form<OfficeForm>,
    /// Problems of the last delete attempt (the missing confirmation).
    pub delete_errors: Vec<(String, String)>,
}

/// Every office, by German name.
#[server(endpoint = "staff/offices")]
pub async fn get_offices() -> Result<StaffPage<Vec<OfficeRow>>, AppError> {
    use crate::staff::guard::{db, page, require};
    let user = require(super::TAXONOMY_ROLES).await?;
    let mut offices = super::support::taxonomy(&db()?).await?.offices;
    offices.sort_by_cached_key(|o| crate::catalogue::text::sort_key(&o.name.de));
    let rows = offices
        .into_iter()
        .map(|o| OfficeRow { address: format!("{}, {} {}", o.street, o.postcode, o.city), slug: o.slug_de, name: o.name.de })
        .collect();
    page(&user, rows).await
}

/// An office's form (a new one when `slug` is empty).
#[server(endpoint = "staff/offices/office")]
pub async fn get_office_page(#[server(default)] slug: String) -> Result<StaffPage<OfficePage>, AppError> {
    use crate::staff::guard::{page, require};
    let user = require(super::TAXONOMY_ROLES).await?;
    let data = ssr::office_page(&slug).await?;
    page(&user, data).await
}

/// Saves an office (`original` is its German slug before, empty for a new one).
#[server(endpoint = "staff/offices/save")]
pub async fn save_office_form(csrf: String, #[server(default)] original: String, #[server(default)] office: OfficeForm) -> Result<(), AppError> {
    let user = crate::staff::guard::require_change(super::TAXONOMY_ROLES, &csrf).await?;
    ssr::save(&user, &original, office).await
}

/// Deletes an office once "Ja, löschen" is ticked.
#[server(endpoint = "staff/offices/delete")]
pub async fn delete_office_form(csrf: String, slug: String, #[server(default)] confirm: String) -> Result<(), AppError> {
    let user = crate::staff::guard::require_change(super::TAXONOMY_ROLES, &csrf).await?;
    super::support::delete_entry(&user, crate::catalogue::taxonomy_edit::EntryKind::Office, &slug, !confirm.is_empty()).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::super::support::{after_save, delete_errors, form_key, localized, messages, take, taxonomy, Attempt};
    use super::*;
    use crate::auth::StaffUser;
    use crate::catalogue::hours_text::{format_exceptions, format_hours, parse_exceptions, parse_hours};
    use crate::catalogue::model::Office;
    use crate::catalogue::taxonomy_edit::{self as edit, EntryKind, FieldProblem, Problem, TaxonomyError};
    use crate::staff::guard::{db, notify};

    /// The order of the fields in the form.
    const ORDER: &[&str] = &[
        "name.de", "name.en", "name.ls", "slug_de", "slug_en", "street", "postcode", "city", "latitude", "longitude", "phone", "email", "hours",
        "exceptions", "accessibility.de", "accessibility.en", "accessibility.ls",
    ];

    fn office_form(office: &Office) -> OfficeForm {
        OfficeForm {
            slug_de: office.slug_de.clone(),
            slug_en: office.slug_en.clone(),
            name_de: office.name.de.clone(),
            name_en: office.name.en.clone(),
            name_ls: office.name.ls.clone(),
            street: office.street.clone(),
            postcode: office.postcode.clone(),
            city: office.city.clone(),
            latitude: office.latitude.to_string(),
            longitude: office.longitude.to_string(),
            phone: office.phone.clone(),
            email: office.email.clone(),
            hours: format_hours(&office.hours),
            exceptions: format_exceptions(&office.exceptions),
            accessibility_de: office.accessibility.de.clone(),
            accessibility_en: office.accessibility.en.clone(),
            accessibility_ls: office.accessibility.ls.clone(),
        }
    }

    /// A coordinate typed with a point or a comma; a problem when blank, not a number or out
    /// of `-limit..=limit`.
    fn coordinate(field: &'static str, text: &str, limit: i64, problems: &mut Vec<FieldProblem>) -> f64 {
        let text = text.trim().replace(',', ".");
        let value = text.parse::<f64>().ok().filter(|v| v.is_finite() && v.abs() <= limit as f64);
        match value {
            Some(value) => value,
            None => {
                let problem = if text.is_empty() { Problem::Missing } else { Problem::OutOfRange { min: -limit, max: limit } };
                problems.push(FieldProblem { field, problem });
                0.0
            }
        }
    }

    fn to_office(form: &OfficeForm, problems: &mut Vec<FieldProblem>) -> Office {
        let hours = parse_hours(&form.hours).unwrap_or_else(|lines| {
            problems.push(FieldProblem { field: "hours", problem: Problem::Lines(lines) });
            Vec::new()
        });
        let exceptions = parse_exceptions(&form.exceptions).unwrap_or_else(|lines| {
            problems.push(FieldProblem { field: "exceptions", problem: Problem::Lines(lines) });
            Vec::new()
        });
        Office {
            slug_de: form.slug_de.trim().to_string(),
            slug_en: form.slug_en.trim().to_string(),
            name: localized(&form.name_de, &form.name_en, &form.name_ls),
            street: form.street.trim().to_string(),
            postcode: form.postcode.trim().to_string(),
            city: form.city.trim().to_string(),
            latitude: coordinate("latitude", &form.latitude, 90, problems),
            longitude: coordinate("longitude", &form.longitude, 180, problems),
            phone: form.phone.trim().to_string(),
            email: form.email.trim().to_string(),
            hours,
            exceptions,
            accessibility: localized(&form.accessibility_de, &form.accessibility_en, &form.accessibility_ls),
        }
    }

    /// The edit page of an office (`slug` empty: a new one).
    pub async fn office_page(slug: &str) -> Result<OfficePage, AppError> {
        let taxonomy = taxonomy(&db()?).await?;
        let kept = take::<OfficeForm>(form_key(EntryKind::Office), slug).await?;
        let (name, form) = match taxonomy.offices.iter().find(|o| o.slug_de == slug) {
            _ if slug.is_empty() => (String::new(), OfficeForm { city: "Wolfsburg".into(), ..OfficeForm::default() }),
            Some(office) => (office.name.de.clone(), office_form(office)),
            None => return Err(AppError::NotFound),
        };
        let delete_errors = if slug.is_empty() { Vec::new() } else { delete_errors(EntryKind::Office, slug).await? };
        Ok(OfficePage { original: slug.to_string(), name, form: kept.unwrap_or_else(|| Form::new(form)), delete_errors })
    }

    /// Saves an office from its form.
    pub async fn save(user: &StaffUser, original: &str, form: OfficeForm) -> Result<(), AppError> {
        if !original.is_empty() && !crate::catalogue::is_slug(original) {
            leptos_axum::redirect(super::super::OFFICES_PATH);
            return notify(false, TaxonomyError::NotFound { kind: EntryKind::Office, slug: original.to_string() }.message_de()).await;
        }
        let db = db()?;
        let taxonomy = taxonomy(&db).await?;
        let mut local = Vec::new();
        let office = to_office(&form, &mut local);
        let result = if local.is_empty() {
            Some(edit::save_office(&db, Some(original).filter(|o| !o.is_empty()), &office).await)
        } else {
            let more: Vec<FieldProblem> = edit::check_office(&office).into_iter().filter(|p| !local.iter().any(|l| l.field == p.field)).collect();
            local.extend(more);
            None
        };
        let attempt = Attempt {
            slug: office.slug_de.clone(),
            name: office.name.de.clone(),
            before: taxonomy.offices.iter().find(|o| o.slug_de == original).and_then(|o| serde_json::to_value(o).ok()),
            after: serde_json::to_value(&office).map_err(AppError::internal)?,
            local: messages(&local),
            result,
            form,
        };
        after_save(user, EntryKind::Office, original, ORDER, attempt).await
    }
}
