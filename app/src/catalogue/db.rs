//! Catalogue storage: whole-catalogue export and import, the publish operation, and reading the
//! published services. Every multi-table write runs in one transaction.

pub use super::error::CatalogueError;

use super::error::{from_json, to_json};
use super::model::*;
use super::service_rows::{insert_service, version_from_row, VERSION_COLUMNS};
use crate::db::{Db, DbError, Row};
use serde::de::DeserializeOwned;
use std::collections::HashSet;
use std::fmt;

/// How much an import wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportSummary {
    /// Topics written.
    pub topics: usize,
    /// Life situations written.
    pub life_situations: usize,
    /// Offices written.
    pub offices: usize,
    /// Services written.
    pub services: usize,
    /// Service versions written.
    pub versions: usize,
}

impl fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} services ({} versions), {} topics, {} life situations, {} offices",
            self.services, self.versions, self.topics, self.life_situations, self.offices
        )
    }
}

/// Checks the rules an import must meet before anything is written.
pub fn validate(catalogue: &Catalogue) -> Result<(), CatalogueError> {
    fn unique<'a>(kind: &str, slugs: impl Iterator<Item = &'a str>) -> Result<HashSet<&'a str>, CatalogueError> {
        let mut seen = HashSet::new();
        for slug in slugs {
            if !is_slug(slug) {
                return Err(CatalogueError::Invalid(format!("{kind} slug \"{slug}\" must be lowercase letters, digits and hyphens")));
            }
            if !seen.insert(slug) {
                return Err(CatalogueError::Invalid(format!("{kind} slug \"{slug}\" appears twice")));
            }
        }
        Ok(seen)
    }
    if catalogue.format != 1 {
        return Err(CatalogueError::Invalid(format!("format {} is not supported (expected 1)", catalogue.format)));
    }
    let topics = unique("topic", catalogue.topics.iter().flat_map(|t| [t.slug_de.as_str(), t.slug_en.as_str()]))?;
    let situations = unique(
        "life situation",
        catalogue.life_situations.iter().flat_map(|t| [t.slug_de.as_str(), t.slug_en.as_str()]),
    )?;
    let offices = unique("office", catalogue.offices.iter().flat_map(|t| [t.slug_de.as_str(), t.slug_en.as_str()]))?;
    let services = unique("service", catalogue.services.iter().flat_map(|s| [s.slug_de.as_str(), s.slug_en.as_str()]))?;
    if let Some(missing) = catalogue.featured.iter().find(|slug| !services.contains(slug.as_str())) {
        return Err(CatalogueError::Invalid(format!("featured service {missing} does not exist")));
    }
    for situation in &catalogue.life_situations {
        if let Some(parent) = &situation.parent {
            if !situations.contains(parent.as_str()) {
                return Err(CatalogueError::Invalid(format!("life situation {} names unknown parent {parent}", situation.slug_de)));
            }
        }
    }
    for service in &catalogue.services {
        let mut numbers = HashSet::new();
        let mut published = 0;
        for version in &service.versions {
            if !numbers.insert(version.number) {
                return Err(CatalogueError::Invalid(format!("service {} has version {} twice", service.slug_de, version.number)));
            }
            published += usize::from(version.status == VersionStatus::Published);
            let content = &version.content;
            if content.title.de.trim().is_empty() {
                return Err(CatalogueError::Invalid(format!("service {} version {} has no German title", service.slug_de, version.number)));
            }
            if let Some(key) = &content.leika_key {
                if key.len() != 14 || !key.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(CatalogueError::Invalid(format!("service {}: Leistungsschlüssel \"{key}\" must have 14 digits", service.slug_de)));
                }
            }
            let references = [(&content.topics, &topics, "topic"), (&content.life_situations, &situations, "life situation"), (&content.offices, &offices, "office")];
            for (slugs, known, kind) in references {
                if let Some(missing) = slugs.iter().find(|s| !known.contains(s.as_str())) {
                    return Err(CatalogueError::Invalid(format!("service {} names unknown {kind} {missing}", service.slug_de)));
                }
            }
        }
        if published > 1 {
            return Err(CatalogueError::Invalid(format!("service {} has more than one published version", service.slug_de)));
        }
    }
    Ok(())
}

/// Whether `slug` is a URL slug: lowercase ASCII letters, digits and single inner hyphens.
pub fn is_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 120
        && slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--")
}

/// Replaces the whole catalogue with `catalogue`, in one transaction.
pub async fn import_catalogue(db: &Db, catalogue: &Catalogue) -> Result<ImportSummary, CatalogueError> {
    validate(catalogue)?;
    let mut tx = db.pool().begin().await?;
    for table in ["service_events", "service_versions", "services", "topics", "life_situations", "offices", "catalogue_settings"] {
        sqlx::query(&format!("DELETE FROM {table}")).execute(&mut *tx).await?;
    }
    sqlx::query("INSERT INTO catalogue_settings (key, value) VALUES ('featured', $1)")
        .bind(to_json(&catalogue.featured)?)
        .execute(&mut *tx)
        .await?;
    sqlx::query("INSERT INTO catalogue_settings (key, value) VALUES ('synonyms', $1)")
        .bind(to_json(&catalogue.synonyms)?)
        .execute(&mut *tx)
        .await?;
    bump_version(&mut tx).await?;
    for topic in &catalogue.topics {
        sqlx::query("INSERT INTO topics (slug_de, slug_en, position, data) VALUES ($1, $2, $3, $4)")
            .bind(&topic.slug_de)
            .bind(&topic.slug_en)
            .bind(topic.position)
            .bind(to_json(topic)?)
            .execute(&mut *tx)
            .await?;
    }
    for situation in &catalogue.life_situations {
        sqlx::query("INSERT INTO life_situations (slug_de, slug_en, parent_slug, position, data) VALUES ($1, $2, $3, $4, $5)")
            .bind(&situation.slug_de)
            .bind(&situation.slug_en)
            .bind(situation.parent.as_deref())
            .bind(situation.position)
            .bind(to_json(situation)?)
            .execute(&mut *tx)
            .await?;
    }
    for office in &catalogue.offices {
        sqlx::query("INSERT INTO offices (slug_de, slug_en, data) VALUES ($1, $2, $3)")
            .bind(&office.slug_de)
            .bind(&office.slug_en)
            .bind(to_json(office)?)
            .execute(&mut *tx)
            .await?;
    }
    let mut versions = 0;
    for service in &catalogue.services {
        versions += insert_service(&mut tx, service).await?;
    }
    tx.commit().await?;
    Ok(ImportSummary {
        topics: catalogue.topics.len(),
        life_situations: catalogue.life_situations.len(),
        offices: catalogue.offices.len(),
        services: catalogue.services.len(),
        versions,
    })
}

/// Adds services with all their versions to the catalogue, in one transaction. Topics, life
/// situations and offices they name must exist already.
pub async fn insert_services(db: &Db, services: &[Service]) -> Result<usize, CatalogueError> {
    let mut tx = db.pool().begin().await?;
    for service in services {
        insert_service(&mut tx, service).await?;
    }
    bump_version(&mut tx).await?;
    tx.commit().await?;
    Ok(services.len())
}

/// The whole catalogue with every version, in the order it was written, for `rathaus export`.
pub async fn export_catalogue(db: &Db) -> Result<Catalogue, DbError> {
    export_inner(db).await.map_err(|error| match error {
        CatalogueError::Db(db) => db,
        other => DbError::Query(sqlx::Error::Decode(other.to_string().into())),
    })
}

async fn export_inner(db: &Db) -> Result<Catalogue, CatalogueError> {
    let pool = db.pool();
    let taxonomy = load_taxonomy(db).await?;
    let mut catalogue = Catalogue {
        format: 1,
        featured: taxonomy.featured,
        topics: taxonomy.topics,
        life_situations: taxonomy.life_situations,
        offices: taxonomy.offices,
        services: Vec::new(),
        synonyms: taxonomy.synonyms,
    };
    let rows = sqlx::query(&format!(
        "SELECT s.slug_de, s.slug_en, {VERSION_COLUMNS} FROM services s JOIN service_versions v ON v.service_id = s.id ORDER BY s.id, v.number"
    ))
    .fetch_all(pool)
    .await?;
    for row in rows {
        let slug_de: String = row.try_get("slug_de")?;
        let version = version_from_row(&row)?;
        match catalogue.services.last_mut() {
            Some(service) if service.slug_de == slug_de => service.versions.push(version),
            _ => catalogue.services.push(Service { slug_de, slug_en: row.try_get("slug_en")?, versions: vec![version] }),
        }
    }
    Ok(catalogue)
}

/// Marks the published catalogue as changed: every instance compares this value with the one
/// it loaded and reloads when they differ.
pub(crate) async fn bump_version(tx: &mut sqlx::Transaction<'_, sqlx::Any>) -> Result<(), CatalogueError> {
    sqlx::query(
        "INSERT INTO catalogue_settings (key, value) VALUES ('version', $1) \
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(crate::db::random_token())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The version marker of the published catalogue (empty before the first write).
pub async fn catalogue_version(db: &Db) -> Result<String, CatalogueError> {
    let version: Option<String> = sqlx::query_scalar("SELECT value FROM catalogue_settings WHERE key = 'version'")
        .fetch_optional(db.pool())
        .await?;
    Ok(version.unwrap_or_default())
}

/// Everything of the catalogue except the services.
#[derive(Clone, Debug, Default)]
pub struct Taxonomy {
    /// Featured services, by German slug.
    pub featured: Vec<String>,
    /// Topics, in the order they were written.
    pub topics: Vec<Topic>,
    /// Life situations, in the order they were written.
    pub life_situations: Vec<LifeSituation>,
    /// Offices, in the order they were written.
    pub offices: Vec<Office>,
    /// Global search synonyms.
    pub synonyms: SynonymGroups,
}

/// Reads topics, life situations, offices and settings.
pub async fn load_taxonomy(db: &Db) -> Result<Taxonomy, CatalogueError> {
    async fn documents<T: DeserializeOwned>(db: &Db, table: &str) -> Result<Vec<T>, CatalogueError> {
        sqlx::query(&format!("SELECT data FROM {table} ORDER BY id"))
            .fetch_all(db.pool())
            .await?
            .iter()
            .map(|row| from_json(&row.try_get::<String, _>("data")?, table))
            .collect()
    }
    async fn setting<T: DeserializeOwned + Default>(db: &Db, key: &str) -> Result<T, CatalogueError> {
        let json: Option<String> = sqlx::query_scalar("SELECT value FROM catalogue_settings WHERE key = $1")
            .bind(key)
            .fetch_optional(db.pool())
            .await?;
        Ok(json.map(|json| from_json(&json, key)).transpose()?.unwrap_or_default())
    }
    Ok(Taxonomy {
        featured: setting(db, "featured").await?,
        synonyms: setting(db, "synonyms").await?,
        topics: documents(db, "topics").await?,
        life_situations: documents(db, "life_situations").await?,
        offices: documents(db, "offices").await?,
    })
}

/// Publishes version `number` of the service `slug_de`: the version residents saw so far is
/// archived, and the approval is recorded. One transaction.
pub async fn publish_version(db: &Db, slug_de: &str, number: i64, approved_by: &str) -> Result<(), CatalogueError> {
    let mut tx = db.pool().begin().await?;
    let service_id: i64 = sqlx::query_scalar("SELECT id FROM services WHERE slug_de = $1")
        .bind(slug_de)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or_else(|| CatalogueError::NotFound(format!("service {slug_de}")))?;
    let status: String = sqlx::query_scalar("SELECT status FROM service_versions WHERE service_id = $1 AND number = $2")
        .bind(service_id)
        .bind(number)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or_else(|| CatalogueError::NotFound(format!("version {number} of {slug_de}")))?;
    if status == VersionStatus::Published.as_str() {
        return Ok(());
    }
    sqlx::query("UPDATE service_versions SET status = 'archived' WHERE service_id = $1 AND status = 'published'")
        .bind(service_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "UPDATE service_versions SET status = 'published', approved_at = $1, approved_by = $2 WHERE service_id = $3 AND number = $4",
    )
    .bind(crate::db::now())
    .bind(approved_by)
    .bind(service_id)
    .bind(number)
    .execute(&mut *tx)
    .await?;
    bump_version(&mut tx).await?;
    tx.commit().await?;
    Ok(())
}

/// A published service as residents see it.
#[derive(Clone, Debug, PartialEq)]
pub struct PublishedService {
    /// German slug.
    pub slug_de: String,
    /// English slug.
    pub slug_en: String,
    /// The published version's number.
    pub version: i64,
    /// When it was approved (Unix seconds).
    pub approved_at: Option<i64>,
    /// Who approved it.
    pub approved_by: Option<String>,
    /// Texts and facts.
    pub content: ServiceContent,
}

/// Every published service, ordered by German slug.
pub async fn published_services(db: &Db) -> Result<Vec<PublishedService>, CatalogueError> {
    let rows = sqlx::query(
        "SELECT s.slug_de, s.slug_en, v.number, v.content, v.approved_at, v.approved_by \
         FROM services s JOIN service_versions v ON v.service_id = s.id AND v.status = 'published' ORDER BY s.slug_de",
    )
    .fetch_all(db.pool())
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(PublishedService {
                slug_de: row.try_get("slug_de")?,
                slug_en: row.try_get("slug_en")?,
                version: row.try_get("number")?,
                approved_at: row.try_get("approved_at")?,
                approved_by: row.try_get("approved_by")?,
                content: from_json(&row.try_get::<String, _>("content")?, "service content")?,
            })
        })
        .collect()
}
