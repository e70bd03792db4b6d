//! How a service version maps to its row in `service_versions`: the columns derived from the
//! content JSON (the listing facts), inserting and rewriting versions, and reading them back.

use super::error::{from_json, to_json, CatalogueError};
use super::model::{Service, ServiceContent, ServiceVersion, VersionStatus};
use super::text::sort_key;
use crate::db::Row;
use sqlx::any::AnyRow;

/// A transaction on the catalogue's pool.
pub(super) type Tx<'a> = sqlx::Transaction<'a, sqlx::Any>;

/// Columns derived from a version's content that the staff listing filters and sorts on, so
/// it never parses the JSON of every service. Migration `20261126000006_editorial` computes the
/// same values in SQL for rows written before it.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Facts {
    /// The German title, for display.
    pub title_de: String,
    /// The German title folded for sorting ([`sort_key`]).
    pub title_key: String,
    /// German and English title folded like `title_key`, on two lines, for the text filter.
    pub search_text: String,
    /// Topic slugs as `|a|b|`.
    pub topics: String,
    /// Office slugs as `|a|b|`.
    pub offices: String,
    /// 1 when the English title, teaser or description is empty.
    pub missing_en: i64,
    /// 1 when the Leichte-Sprache title, teaser or description is empty.
    pub missing_ls: i64,
}

impl Facts {
    /// The facts of `content`.
    pub fn of(content: &ServiceContent) -> Facts {
        let texts = [&content.title, &content.teaser, &content.description];
        Facts {
            title_de: content.title.de.clone(),
            title_key: sort_key(&content.title.de),
            search_text: sort_key(&format!("{}\n{}", content.title.de, content.title.en)),
            topics: joined(&content.topics),
            offices: joined(&content.offices),
            missing_en: i64::from(texts.iter().any(|t| t.en.trim().is_empty())),
            missing_ls: i64::from(texts.iter().any(|t| t.ls.trim().is_empty())),
        }
    }
}

/// `|a|b|` for a list of slugs; empty for none.
fn joined(slugs: &[String]) -> String {
    if slugs.is_empty() {
        String::new()
    } else {
        format!("|{}|", slugs.join("|"))
    }
}

/// The slugs of a `|a|b|` column.
pub(super) fn split(column: &str) -> Vec<String> {
    column.split('|').filter(|s| !s.is_empty()).map(str::to_string).collect()
}

/// Writes a service and all its versions; returns how many versions.
pub(super) async fn insert_service(tx: &mut Tx<'_>, service: &Service) -> Result<usize, CatalogueError> {
    let created_at = service.versions.iter().map(|v| v.created_at).min().unwrap_or_else(crate::db::now);
    let id: i64 = sqlx::query_scalar("INSERT INTO services (slug_de, slug_en, created_at) VALUES ($1, $2, $3) RETURNING id")
        .bind(&service.slug_de)
        .bind(&service.slug_en)
        .bind(created_at)
        .fetch_one(&mut **tx)
        .await?;
    for version in &service.versions {
        insert_version(tx, id, version).await?;
    }
    Ok(service.versions.len())
}

/// Writes one version of the service with id `service_id`, with its listing facts.
pub(super) async fn insert_version(tx: &mut Tx<'_>, service_id: i64, version: &ServiceVersion) -> Result<(), CatalogueError> {
    let facts = Facts::of(&version.content);
    sqlx::query(
        "INSERT INTO service_versions (service_id, number, status, content, created_at, created_by, approved_at, approved_by, \
         updated_at, updated_by, review_note, title_de, title_key, search_text, topics, offices, missing_en, missing_ls) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)",
    )
    .bind(service_id)
    .bind(version.number)
    .bind(version.status.as_str())
    .bind(to_json(&version.content)?)
    .bind(version.created_at)
    .bind(&version.created_by)
    .bind(version.approved_at)
    .bind(version.approved_by.as_deref())
    .bind(version.updated_at.unwrap_or(version.created_at))
    .bind(version.updated_by.as_deref().unwrap_or(&version.created_by))
    .bind(&version.review_note)
    .bind(facts.title_de)
    .bind(facts.title_key)
    .bind(facts.search_text)
    .bind(facts.topics)
    .bind(facts.offices)
    .bind(facts.missing_en)
    .bind(facts.missing_ls)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Replaces the content of version `number` of the service `service_id`, records who changed
/// it and when, and makes the version a draft again.
pub(super) async fn rewrite_as_draft(
    tx: &mut Tx<'_>,
    service_id: i64,
    number: i64,
    content: &ServiceContent,
    actor: &str,
) -> Result<(), CatalogueError> {
    let facts = Facts::of(content);
    sqlx::query(
        "UPDATE service_versions SET status = 'draft', content = $1, updated_at = $2, updated_by = $3, title_de = $4, \
         title_key = $5, search_text = $6, topics = $7, offices = $8, missing_en = $9, missing_ls = $10 \
         WHERE service_id = $11 AND number = $12",
    )
    .bind(to_json(content)?)
    .bind(crate::db::now())
    .bind(actor)
    .bind(facts.title_de)
    .bind(facts.title_key)
    .bind(facts.search_text)
    .bind(facts.topics)
    .bind(facts.offices)
    .bind(facts.missing_en)
    .bind(facts.missing_ls)
    .bind(service_id)
    .bind(number)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The columns [`version_from_row`] reads, for a `SELECT` on `service_versions v`.
pub(super) const VERSION_COLUMNS: &str =
    "v.number, v.status, v.content, v.created_at, v.created_by, v.approved_at, v.approved_by, v.updated_at, v.updated_by, v.review_note";

/// A stored status name.
pub(super) fn parse_status(status: &str) -> Result<VersionStatus, CatalogueError> {
    VersionStatus::parse(status).ok_or_else(|| CatalogueError::Corrupt(format!("status {status}")))
}

/// A version read with [`VERSION_COLUMNS`]. `updated_at`/`updated_by` come back as `None`
/// when they equal the creation values, so a file without them exports as it was imported.
pub(super) fn version_from_row(row: &AnyRow) -> Result<ServiceVersion, CatalogueError> {
    let created_at: i64 = row.try_get("created_at")?;
    let created_by: String = row.try_get("created_by")?;
    let updated_at: i64 = row.try_get("updated_at")?;
    let updated_by: String = row.try_get("updated_by")?;
    Ok(ServiceVersion {
        number: row.try_get("number")?,
        status: parse_status(&row.try_get::<String, _>("status")?)?,
        content: from_json(&row.try_get::<String, _>("content")?, "service content")?,
        approved_at: row.try_get("approved_at")?,
        approved_by: row.try_get("approved_by")?,
        updated_at: (updated_at != created_at).then_some(updated_at),
        updated_by: (updated_by != created_by).then_some(updated_by),
        review_note: row.try_get("review_note")?,
        created_at,
        created_by,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::model::Localized;

    #[test]
    fn facts_fold_titles_and_flag_missing_translations() {
        let text = |de: &str, en: &str| Localized { de: de.into(), en: en.into(), ls: String::new() };
        let content = ServiceContent {
            title: text("Ärztliche Bescheinigung", "Medical certificate"),
            teaser: text("Kurz", "Short"),
            description: text("Lang", " "),
            topics: vec!["gesundheit".into(), "soziales".into()],
            ..ServiceContent::default()
        };
        let facts = Facts::of(&content);
        assert_eq!(facts.title_key, "arztliche bescheinigung");
        assert_eq!(facts.search_text, "arztliche bescheinigung\nmedical certificate");
        assert_eq!(facts.topics, "|gesundheit|soziales|");
        assert_eq!(split(&facts.topics), ["gesundheit", "soziales"]);
        assert_eq!((facts.offices.as_str(), facts.missing_en, facts.missing_ls), ("", 1, 1));
    }
}
