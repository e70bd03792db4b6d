//! The demo catalogue of the City of Wolfsburg (fiction where it names people, amounts and
//! hours), compiled into the binary so `rathaus seed --demo` needs no files.

use super::db::{import_catalogue, insert_services, CatalogueError};
use super::model::{Catalogue, Service};
use super::synthetic::synthetic_services;
use crate::db::Db;

const CATALOGUE: &str = include_str!("../../data/demo/catalogue.json");
const SYNONYMS: &str = include_str!("../../data/demo/synonyms.json");
const SERVICE_FILES: [&str; 2] = [include_str!("../../data/demo/services-1.json"), include_str!("../../data/demo/services-2.json")];

/// The demo catalogue: topics, life situations, offices and services.
pub fn demo_catalogue() -> Result<Catalogue, CatalogueError> {
    let mut catalogue: Catalogue =
        serde_json::from_str(CATALOGUE).map_err(|e| CatalogueError::Corrupt(format!("demo catalogue.json: {e}")))?;
    for (index, file) in SERVICE_FILES.iter().enumerate() {
        let services: Vec<Service> = serde_json::from_str(file)
            .map_err(|e| CatalogueError::Corrupt(format!("demo services-{}.json: {e}", index + 1)))?;
        catalogue.services.extend(services);
    }
    catalogue.synonyms = serde_json::from_str(SYNONYMS).map_err(|e| CatalogueError::Corrupt(format!("demo synonyms.json: {e}")))?;
    Ok(catalogue)
}

/// Loads the demo catalogue into an empty catalogue; leaves a catalogue with services alone.
/// Says what it did.
pub async fn seed_demo(db: &Db) -> Result<String, CatalogueError> {
    let existing: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM services").fetch_one(db.pool()).await?;
    if existing > 0 {
        return Ok(format!("left alone ({existing} services exist)"));
    }
    let summary = import_catalogue(db, &demo_catalogue()?).await?;
    Ok(format!("loaded {summary}"))
}

/// Adds `count` generated services (for benchmarks), numbered after those already there.
pub async fn seed_synthetic(db: &Db, count: usize) -> Result<usize, CatalogueError> {
    let existing: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM services WHERE slug_de LIKE 'synthetisch-%'")
        .fetch_one(db.pool())
        .await?;
    let topics: Vec<String> = sqlx::query_scalar("SELECT slug_de FROM topics ORDER BY position").fetch_all(db.pool()).await?;
    let offices: Vec<String> = sqlx::query_scalar("SELECT slug_de FROM offices ORDER BY slug_de").fetch_all(db.pool()).await?;
    let services = synthetic_services(usize::try_from(existing).unwrap_or_default(), count, &topics, &offices);
    insert_services(db, &services).await
}
