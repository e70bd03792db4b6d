//! The rules a service must meet before the editorial workflow writes it: the same rules an
//! import checks (`validate` in `db.rs`), so an export of the result imports again.

use crate::catalogue::error::CatalogueError;
use crate::catalogue::is_slug;
use crate::catalogue::model::ServiceContent;
use crate::catalogue::service_rows::Tx;

/// The acting staff member, trimmed; refuses an empty one.
pub(super) fn actor(actor: &str) -> Result<&str, CatalogueError> {
    let actor = actor.trim();
    if actor.is_empty() {
        return Err(CatalogueError::Invalid("no actor".into()));
    }
    Ok(actor)
}

/// Whether two staff identities (email addresses) name the same person.
pub(super) fn same_person(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// Checks a new service's slugs: well-formed, different from each other, and not used by any
/// service in either language.
pub(super) async fn new_slugs(tx: &mut Tx<'_>, slug_de: &str, slug_en: &str) -> Result<(), CatalogueError> {
    if let Some(bad) = [slug_de, slug_en].into_iter().find(|s| !is_slug(s)) {
        return Err(CatalogueError::InvalidSlug(bad.to_string()));
    }
    if slug_de == slug_en {
        return Err(CatalogueError::SlugTaken(slug_en.to_string()));
    }
    for slug in [slug_de, slug_en] {
        let uses: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM services WHERE slug_de = $1 OR slug_en = $1")
            .bind(slug)
            .fetch_one(&mut **tx)
            .await?;
        if uses > 0 {
            return Err(CatalogueError::SlugTaken(slug.to_string()));
        }
    }
    Ok(())
}

/// Checks a version's content: German title, Leistungsschlüssel format, and that the topics,
/// offices and life situations it names exist (by German slug).
pub(super) async fn content(tx: &mut Tx<'_>, content: &ServiceContent) -> Result<(), CatalogueError> {
    if content.title.de.trim().is_empty() {
        return Err(CatalogueError::TitleMissing);
    }
    if let Some(key) = &content.leika_key {
        if key.len() != 14 || !key.bytes().all(|b| b.is_ascii_digit()) {
            return Err(CatalogueError::InvalidLeikaKey(key.clone()));
        }
    }
    if let Some(slug) = first_unknown(tx, "topics", &content.topics).await? {
        return Err(CatalogueError::UnknownTopic(slug));
    }
    if let Some(slug) = first_unknown(tx, "offices", &content.offices).await? {
        return Err(CatalogueError::UnknownOffice(slug));
    }
    if let Some(slug) = first_unknown(tx, "life_situations", &content.life_situations).await? {
        return Err(CatalogueError::UnknownLifeSituation(slug));
    }
    Ok(())
}

/// The first of `slugs` that is no German slug in `table`.
async fn first_unknown(tx: &mut Tx<'_>, table: &str, slugs: &[String]) -> Result<Option<String>, CatalogueError> {
    for slug in slugs {
        let found: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table} WHERE slug_de = $1"))
            .bind(slug)
            .fetch_one(&mut **tx)
            .await?;
        if found == 0 {
            return Ok(Some(slug.clone()));
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_are_compared_without_case_and_padding() {
        assert!(same_person("Anna@Wolfsburg.de", " anna@wolfsburg.de"));
        assert!(!same_person("anna@wolfsburg.de", "bernd@wolfsburg.de"));
        assert!(actor("  ").is_err());
        assert_eq!(actor(" anna@wolfsburg.de ").unwrap(), "anna@wolfsburg.de");
    }
}
