//! The database side of taxonomy edits: the write transaction, the row being edited, unique
//! slugs, the life-situation tree, and the references service versions hold.

use super::error::{EntryKind, FieldProblem, Problem, TaxonomyError};
use crate::catalogue::db::bump_version;
use crate::catalogue::model::{LifeSituation, VersionStatus};
use crate::db::{Db, Row};
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};

/// A write transaction on the catalogue.
pub(super) type Tx = sqlx::Transaction<'static, sqlx::Any>;

/// Opens a write transaction and marks the catalogue as changed, so every instance reloads its
/// snapshot and search index after the commit (a rollback takes the mark back).
///
/// Writing the version marker first also makes it the catalogue's write lock: on PostgreSQL the
/// row lock queues concurrent catalogue writers until this one commits, so the reads that follow
/// see their results; on SQLite `BEGIN IMMEDIATE` takes the write lock before the first read.
pub(super) async fn begin(db: &Db) -> Result<Tx, TaxonomyError> {
    let mut tx = db.begin_write().await?;
    bump_version(&mut tx).await?;
    Ok(tx)
}

/// Serialises a model value for a JSON column.
pub(super) fn to_json<T: serde::Serialize>(value: &T) -> Result<String, TaxonomyError> {
    serde_json::to_string(value).map_err(|e| TaxonomyError::Corrupt(e.to_string()))
}

fn parse(text: &str, what: &str) -> Result<Value, TaxonomyError> {
    serde_json::from_str(text).map_err(|e| TaxonomyError::Corrupt(format!("{what}: {e}")))
}

/// The stored identity of the entry being edited.
pub(super) struct Stored {
    /// Row id.
    pub id: i64,
    /// German slug before the edit.
    pub slug_de: String,
    /// English slug before the edit.
    pub slug_en: String,
}

impl Stored {
    /// The slugs other rows may use to refer to this entry and that stop existing when it is
    /// saved with `slug_de` and `slug_en`.
    pub fn retired_slugs(&self, slug_de: &str, slug_en: &str) -> Vec<&str> {
        let mut retired = Vec::new();
        if self.slug_de != slug_de {
            retired.push(self.slug_de.as_str());
        }
        if self.slug_en != slug_en && self.slug_en != slug_de {
            retired.push(self.slug_en.as_str());
        }
        retired
    }
}

/// The entry of `kind` with German slug `slug_de`.
pub(super) async fn find(tx: &mut Tx, kind: EntryKind, slug_de: &str) -> Result<Stored, TaxonomyError> {
    let row = sqlx::query(&format!("SELECT id, slug_de, slug_en FROM {} WHERE slug_de = $1", kind.table()))
        .bind(slug_de)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or_else(|| TaxonomyError::NotFound { kind, slug: slug_de.to_string() })?;
    Ok(Stored { id: row.try_get("id")?, slug_de: row.try_get("slug_de")?, slug_en: row.try_get("slug_en")? })
}

/// The entry being edited, or `None` for a new one.
pub(super) async fn find_original(tx: &mut Tx, kind: EntryKind, original_slug: Option<&str>) -> Result<Option<Stored>, TaxonomyError> {
    match original_slug {
        Some(slug) => Ok(Some(find(tx, kind, slug).await?)),
        None => Ok(None),
    }
}

/// Adds a `SlugTaken` problem for each slug another entry of `kind` uses already, as German or
/// English slug; fields that have a problem already are skipped.
pub(super) async fn check_slugs_free(
    tx: &mut Tx,
    kind: EntryKind,
    own: Option<&Stored>,
    slugs: (&str, &str),
    problems: &mut Vec<FieldProblem>,
) -> Result<(), TaxonomyError> {
    let sql = format!("SELECT slug_de, slug_en FROM {} WHERE id <> $1 AND (slug_de IN ($2, $3) OR slug_en IN ($2, $3))", kind.table());
    let rows = sqlx::query(&sql).bind(own.map_or(-1, |s| s.id)).bind(slugs.0).bind(slugs.1).fetch_all(&mut **tx).await?;
    let mut others = Vec::new();
    for row in rows {
        others.push((row.try_get::<String, _>("slug_de")?, row.try_get::<String, _>("slug_en")?));
    }
    for (field, slug) in [("slug_de", slugs.0), ("slug_en", slugs.1)] {
        if problems.iter().any(|p| p.field == field) {
            continue;
        }
        if let Some((by, _)) = others.iter().find(|(de, en)| de == slug || en == slug) {
            problems.push(FieldProblem { field, problem: Problem::SlugTaken { by: by.clone() } });
        }
    }
    Ok(())
}

/// Checks the parent of a life situation as the tree will be after the save: it must exist (by
/// German slug) and must not lead back to the situation.
pub(super) async fn check_parent(
    tx: &mut Tx,
    own: Option<&Stored>,
    situation: &LifeSituation,
    problems: &mut Vec<FieldProblem>,
) -> Result<(), TaxonomyError> {
    let Some(parent) = situation.parent.as_deref() else {
        return Ok(());
    };
    let me = situation.slug_de.as_str();
    let is_me = |slug: &str| slug == me || own.is_some_and(|s| s.slug_de == slug || s.slug_en == slug);
    if is_me(parent) {
        problems.push(FieldProblem { field: "parent", problem: Problem::Cycle { path: vec![me.into(), me.into()] } });
        return Ok(());
    }
    let rows = sqlx::query("SELECT id, slug_de, slug_en, parent_slug FROM life_situations").fetch_all(&mut **tx).await?;
    let mut english = HashMap::new();
    let mut parents: HashMap<String, Option<String>> = HashMap::new();
    for row in rows {
        let id: i64 = row.try_get("id")?;
        if own.is_some_and(|s| s.id == id) {
            continue;
        }
        let slug_de: String = row.try_get("slug_de")?;
        english.insert(row.try_get::<String, _>("slug_en")?, slug_de.clone());
        parents.insert(slug_de, row.try_get("parent_slug")?);
    }
    // Follow the parents upwards; a parent named by the edited entry's old slugs means the entry.
    let canonical = |slug: &str| if is_me(slug) { me.to_string() } else { english.get(slug).cloned().unwrap_or_else(|| slug.to_string()) };
    if !parents.contains_key(parent) {
        problems.push(FieldProblem { field: "parent", problem: Problem::UnknownParent { slug: parent.into() } });
        return Ok(());
    }
    let mut path = vec![me.to_string(), parent.to_string()];
    while let Some(Some(next)) = parents.get(path.last().map_or("", String::as_str)) {
        let next = canonical(next);
        let done = next == me || path.contains(&next);
        path.push(next);
        if done {
            break;
        }
    }
    if path.last().map(String::as_str) == Some(me) {
        problems.push(FieldProblem { field: "parent", problem: Problem::Cycle { path } });
    }
    Ok(())
}

/// The German slugs of the life situations directly below `situation`.
pub(super) async fn children(tx: &mut Tx, situation: &Stored) -> Result<Vec<String>, TaxonomyError> {
    let rows = sqlx::query("SELECT slug_de FROM life_situations WHERE parent_slug IN ($1, $2) ORDER BY slug_de")
        .bind(&situation.slug_de)
        .bind(&situation.slug_en)
        .fetch_all(&mut **tx)
        .await?;
    rows.iter().map(|row| Ok(row.try_get("slug_de")?)).collect()
}

/// Points the life situations below one whose slugs `retired` are gone at its new German slug.
pub(super) async fn reparent_children(tx: &mut Tx, retired: &[&str], new_slug: &str) -> Result<(), TaxonomyError> {
    for slug in retired {
        let rows = sqlx::query("SELECT id, data FROM life_situations WHERE parent_slug = $1").bind(*slug).fetch_all(&mut **tx).await?;
        for row in rows {
            let mut data = parse(&row.try_get::<String, _>("data")?, "life situation")?;
            let fields = data.as_object_mut().ok_or_else(|| TaxonomyError::Corrupt("life situation is not a JSON object".into()))?;
            fields.insert("parent".into(), Value::String(new_slug.into()));
            sqlx::query("UPDATE life_situations SET parent_slug = $1, data = $2 WHERE id = $3")
                .bind(new_slug)
                .bind(to_json(&data)?)
                .bind(row.try_get::<i64, _>("id")?)
                .execute(&mut **tx)
                .await?;
        }
    }
    Ok(())
}

/// A service version whose content may name an entry (a text search finds candidates).
struct Candidate {
    id: i64,
    service: String,
    status: String,
    content: String,
}

async fn candidates(tx: &mut Tx, slugs: &[&str]) -> Result<Vec<Candidate>, TaxonomyError> {
    if slugs.is_empty() {
        return Ok(Vec::new());
    }
    let conditions = (1..=slugs.len()).map(|i| format!("v.content LIKE ${i}")).collect::<Vec<_>>().join(" OR ");
    let sql = format!(
        "SELECT v.id, s.slug_de, v.status, v.content FROM service_versions v JOIN services s ON s.id = v.service_id WHERE {conditions} ORDER BY v.id"
    );
    // Slugs hold only a-z, 0-9 and '-', so they need no escaping in a LIKE pattern.
    let mut query = sqlx::query(&sql);
    for slug in slugs {
        query = query.bind(format!("%\"{slug}\"%"));
    }
    let rows = query.fetch_all(&mut **tx).await?;
    rows.iter()
        .map(|row| {
            Ok(Candidate { id: row.try_get("id")?, service: row.try_get("slug_de")?, status: row.try_get("status")?, content: row.try_get("content")? })
        })
        .collect()
}

/// Whether the `kind` list of `content` names one of `slugs`.
fn names(content: &Value, kind: EntryKind, slugs: &[&str]) -> bool {
    content.get(kind.reference_list()).and_then(Value::as_array).is_some_and(|list| list.iter().any(|v| v.as_str().is_some_and(|s| slugs.contains(&s))))
}

/// How many draft, in-review and published service versions name one of `slugs` as a `kind`,
/// and the German slugs of their services.
pub(super) async fn active_references(tx: &mut Tx, kind: EntryKind, slugs: &[&str]) -> Result<(usize, Vec<String>), TaxonomyError> {
    let mut versions = 0;
    let mut services = BTreeSet::new();
    for candidate in candidates(tx, slugs).await? {
        if candidate.status != VersionStatus::Archived.as_str() && names(&parse(&candidate.content, "service content")?, kind, slugs) {
            versions += 1;
            services.insert(candidate.service);
        }
    }
    Ok((versions, services.into_iter().collect()))
}

/// Rewrites the `kind` references of the service versions whose status `include` accepts:
/// every slug in `old` becomes `new`, or is dropped when `new` is `None`. Returns how many
/// versions changed. Only the one list changes; the rest of the document is kept as stored.
pub(super) async fn rewrite_references(
    tx: &mut Tx,
    kind: EntryKind,
    old: &[&str],
    new: Option<&str>,
    include: impl Fn(&str) -> bool,
) -> Result<usize, TaxonomyError> {
    let mut changed = 0;
    for candidate in candidates(tx, old).await? {
        if !include(&candidate.status) {
            continue;
        }
        let mut content = parse(&candidate.content, "service content")?;
        if !names(&content, kind, old) {
            continue;
        }
        if let Some(list) = content.get_mut(kind.reference_list()).and_then(Value::as_array_mut) {
            let mut rewritten: Vec<Value> = Vec::new();
            for item in list.drain(..) {
                let item = match item.as_str() {
                    Some(slug) if old.contains(&slug) => match new {
                        Some(new) => Value::String(new.into()),
                        None => continue,
                    },
                    _ => item,
                };
                if !rewritten.contains(&item) {
                    rewritten.push(item);
                }
            }
            *list = rewritten;
        }
        // Compare-and-set: a version edited meanwhile by a writer that does not take the
        // catalogue lock is not overwritten with stale content.
        // The listing's filter columns follow the content (see service_rows::Facts).
        let facts = serde_json::from_value::<crate::catalogue::ServiceContent>(content.clone())
            .map(|typed| crate::catalogue::service_rows::Facts::of(&typed))
            .map_err(|e| TaxonomyError::Corrupt(e.to_string()))?;
        let result = sqlx::query("UPDATE service_versions SET content = $1, topics = $4, offices = $5 WHERE id = $2 AND content = $3")
            .bind(to_json(&content)?)
            .bind(candidate.id)
            .bind(&candidate.content)
            .bind(&facts.topics)
            .bind(&facts.offices)
            .execute(&mut **tx)
            .await?;
        if result.rows_affected() != 1 {
            return Err(TaxonomyError::Conflict);
        }
        changed += 1;
    }
    Ok(changed)
}

/// Whether a service with this German slug exists.
pub(super) async fn service_exists(tx: &mut Tx, slug_de: &str) -> Result<bool, TaxonomyError> {
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM services WHERE slug_de = $1").bind(slug_de).fetch_one(&mut **tx).await?;
    Ok(count > 0)
}

/// Stores a catalogue setting (JSON).
pub(super) async fn put_setting(tx: &mut Tx, key: &str, json: &str) -> Result<(), TaxonomyError> {
    sqlx::query("INSERT INTO catalogue_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bind(key)
        .bind(json)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
