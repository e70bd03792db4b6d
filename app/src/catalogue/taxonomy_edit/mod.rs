//! Staff editing of the catalogue's taxonomy: topics, life situations, offices (with opening
//! hours), the global search synonyms and the featured services. The forms call these
//! functions and show their errors; the textarea formats of hours and synonyms live in
//! [`crate::catalogue::hours_text`] and [`crate::catalogue::synonyms_text`].
//!
//! Every write runs in one transaction that also bumps the catalogue version, so running
//! instances reload their snapshot and search index. Entries are identified by German slug;
//! saving with a changed slug rewrites what refers to the entry (service versions' `topics`,
//! `life_situations` and `offices` lists, life situations' `parent`) in the same transaction.
//! Deleting is refused while a draft, in-review or published service version refers to the
//! entry; archived versions lose the reference instead, so the catalogue stays exportable.
//!
//! Refused input comes back as [`TaxonomyError::Invalid`] with one [`FieldProblem`] per field
//! and problem; `field` is the model's field path: `slug_de`, `slug_en`, `name.de`, `name.en`,
//! `name.ls`, `description.*`, `parent`, `street`, `postcode`, `city`, `latitude`, `longitude`,
//! `phone`, `email`, `hours`, `exceptions`, `accessibility.*`, `synonyms.de`, `synonyms.en` and
//! `featured`.

mod checks;
mod error;
mod store;

pub use error::{field_label_de, EntryKind, FieldProblem, Problem, TaxonomyError};

use crate::catalogue::model::{LifeSituation, Office, SynonymGroups, Topic, VersionStatus};
use crate::db::Db;
use store::{to_json, Stored, Tx};

/// Refuses the write when there are problems.
fn refuse_if_any(problems: Vec<FieldProblem>) -> Result<(), TaxonomyError> {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(TaxonomyError::Invalid(problems))
    }
}

/// The problems [`save_topic`] finds without asking the database (for forms that found
/// problems of their own and want to show everything at once).
pub fn check_topic(topic: &Topic) -> Vec<FieldProblem> {
    checks::topic(topic)
}

/// The problems [`save_life_situation`] finds without asking the database (its parent is not
/// checked).
pub fn check_life_situation(situation: &LifeSituation) -> Vec<FieldProblem> {
    checks::life_situation(situation)
}

/// The problems [`save_office`] finds without asking the database.
pub fn check_office(office: &Office) -> Vec<FieldProblem> {
    checks::office(office)
}

/// Opens the write transaction, finds the entry being edited and checks its slugs are free.
async fn prepare(
    db: &Db,
    kind: EntryKind,
    original_slug: Option<&str>,
    slugs: (&str, &str),
    problems: &mut Vec<FieldProblem>,
) -> Result<(Tx, Option<Stored>), TaxonomyError> {
    let mut tx = store::begin(db).await?;
    let stored = store::find_original(&mut tx, kind, original_slug).await?;
    store::check_slugs_free(&mut tx, kind, stored.as_ref(), slugs, problems).await?;
    Ok((tx, stored))
}

/// Creates a topic (`original_slug` `None`) or changes the one whose German slug is
/// `original_slug`. A new slug is carried into every service version.
pub async fn save_topic(db: &Db, original_slug: Option<&str>, topic: &Topic) -> Result<(), TaxonomyError> {
    let kind = EntryKind::Topic;
    let slugs = (topic.slug_de.as_str(), topic.slug_en.as_str());
    let mut problems = checks::topic(topic);
    let (mut tx, stored) = prepare(db, kind, original_slug, slugs, &mut problems).await?;
    refuse_if_any(problems)?;
    let sql = match stored {
        None => "INSERT INTO topics (slug_de, slug_en, position, data) VALUES ($1, $2, $3, $4)",
        Some(_) => "UPDATE topics SET slug_de = $1, slug_en = $2, position = $3, data = $4 WHERE id = $5",
    };
    let mut query = sqlx::query(sql).bind(slugs.0).bind(slugs.1).bind(topic.position).bind(to_json(topic)?);
    if let Some(stored) = &stored {
        query = query.bind(stored.id);
    }
    query.execute(&mut *tx).await?;
    finish(tx, kind, stored, slugs).await
}

/// Deletes the topic with German slug `slug`, unless a draft, in-review or published service
/// version lists it.
pub async fn delete_topic(db: &Db, slug: &str) -> Result<(), TaxonomyError> {
    delete(db, EntryKind::Topic, slug).await
}

/// Creates a life situation (`original_slug` `None`) or changes the one whose German slug is
/// `original_slug`. Its `parent` must name another life situation by German slug, without
/// making the situation its own ancestor; a blank parent counts as none. A new slug is carried
/// into the situations below it and into every service version.
pub async fn save_life_situation(db: &Db, original_slug: Option<&str>, situation: &LifeSituation) -> Result<(), TaxonomyError> {
    let kind = EntryKind::LifeSituation;
    let mut situation = situation.clone();
    situation.parent = situation.parent.filter(|parent| !parent.trim().is_empty());
    let slugs = (situation.slug_de.as_str(), situation.slug_en.as_str());
    let mut problems = checks::life_situation(&situation);
    let (mut tx, stored) = prepare(db, kind, original_slug, slugs, &mut problems).await?;
    store::check_parent(&mut tx, stored.as_ref(), &situation, &mut problems).await?;
    refuse_if_any(problems)?;
    let sql = match stored {
        None => "INSERT INTO life_situations (slug_de, slug_en, parent_slug, position, data) VALUES ($1, $2, $3, $4, $5)",
        Some(_) => "UPDATE life_situations SET slug_de = $1, slug_en = $2, parent_slug = $3, position = $4, data = $5 WHERE id = $6",
    };
    let mut query =
        sqlx::query(sql).bind(slugs.0).bind(slugs.1).bind(situation.parent.as_deref()).bind(situation.position).bind(to_json(&situation)?);
    if let Some(stored) = &stored {
        query = query.bind(stored.id);
    }
    query.execute(&mut *tx).await?;
    finish(tx, kind, stored, slugs).await
}

/// Deletes the life situation with German slug `slug`, unless other situations stand below it
/// or a draft, in-review or published service version lists it.
pub async fn delete_life_situation(db: &Db, slug: &str) -> Result<(), TaxonomyError> {
    delete(db, EntryKind::LifeSituation, slug).await
}

/// Creates an office (`original_slug` `None`) or changes the one whose German slug is
/// `original_slug`, with its opening hours and exceptions. A new slug is carried into every
/// service version.
pub async fn save_office(db: &Db, original_slug: Option<&str>, office: &Office) -> Result<(), TaxonomyError> {
    let kind = EntryKind::Office;
    let slugs = (office.slug_de.as_str(), office.slug_en.as_str());
    let mut problems = checks::office(office);
    let (mut tx, stored) = prepare(db, kind, original_slug, slugs, &mut problems).await?;
    refuse_if_any(problems)?;
    let sql = match stored {
        None => "INSERT INTO offices (slug_de, slug_en, data) VALUES ($1, $2, $3)",
        Some(_) => "UPDATE offices SET slug_de = $1, slug_en = $2, data = $3 WHERE id = $4",
    };
    let mut query = sqlx::query(sql).bind(slugs.0).bind(slugs.1).bind(to_json(office)?);
    if let Some(stored) = &stored {
        query = query.bind(stored.id);
    }
    query.execute(&mut *tx).await?;
    finish(tx, kind, stored, slugs).await
}

/// Deletes the office with German slug `slug`, unless a draft, in-review or published service
/// version lists it.
pub async fn delete_office(db: &Db, slug: &str) -> Result<(), TaxonomyError> {
    delete(db, EntryKind::Office, slug).await
}

/// Replaces the global search synonyms (both languages). Each group needs two or more
/// lower-case single words; see [`crate::catalogue::synonyms_text`].
pub async fn save_synonyms(db: &Db, synonyms: &SynonymGroups) -> Result<(), TaxonomyError> {
    refuse_if_any(checks::synonyms(synonyms))?;
    let mut tx = store::begin(db).await?;
    store::put_setting(&mut tx, "synonyms", &to_json(synonyms)?).await?;
    tx.commit().await?;
    Ok(())
}

/// Replaces the featured services of the home page, in order, by German slug. Each must be an
/// existing service, listed once.
pub async fn save_featured(db: &Db, slugs: &[String]) -> Result<(), TaxonomyError> {
    let mut problems = checks::featured(slugs);
    let mut tx = store::begin(db).await?;
    for slug in slugs {
        let flagged = problems.iter().any(|p| matches!(&p.problem, Problem::UnknownService { slug: s } | Problem::Duplicate { slug: s } if s == slug));
        if !flagged && !store::service_exists(&mut tx, slug).await? {
            problems.push(FieldProblem { field: "featured", problem: Problem::UnknownService { slug: slug.clone() } });
        }
    }
    refuse_if_any(problems)?;
    store::put_setting(&mut tx, "featured", &to_json(&slugs)?).await?;
    tx.commit().await?;
    Ok(())
}

/// Carries a change of slugs into what refers to the entry, and commits.
async fn finish(mut tx: Tx, kind: EntryKind, stored: Option<Stored>, slugs: (&str, &str)) -> Result<(), TaxonomyError> {
    if let Some(stored) = stored {
        let retired = stored.retired_slugs(slugs.0, slugs.1);
        if kind == EntryKind::LifeSituation {
            store::reparent_children(&mut tx, &retired, slugs.0).await?;
        }
        store::rewrite_references(&mut tx, kind, &retired, Some(slugs.0), |_| true).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Deletes an entry nothing current refers to; archived service versions lose the reference.
async fn delete(db: &Db, kind: EntryKind, slug: &str) -> Result<(), TaxonomyError> {
    let mut tx = store::begin(db).await?;
    let stored = store::find(&mut tx, kind, slug).await?;
    if kind == EntryKind::LifeSituation {
        let children = store::children(&mut tx, &stored).await?;
        if !children.is_empty() {
            return Err(TaxonomyError::HasChildren { slug: stored.slug_de, children });
        }
    }
    let slugs = [stored.slug_de.as_str(), stored.slug_en.as_str()];
    let (versions, services) = store::active_references(&mut tx, kind, &slugs).await?;
    if versions > 0 {
        return Err(TaxonomyError::InUse { kind, slug: stored.slug_de, versions, services });
    }
    let archived = VersionStatus::Archived.as_str();
    store::rewrite_references(&mut tx, kind, &slugs, None, |status| status == archived).await?;
    sqlx::query(&format!("DELETE FROM {} WHERE id = $1", kind.table())).bind(stored.id).execute(&mut *tx).await?;
    tx.commit().await?;
    Ok(())
}
