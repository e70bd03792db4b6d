//! The server side of the taxonomy forms: reading entries into forms and forms into entries,
//! keeping refused forms in the session, the audit summaries, and the reload of the resident
//! catalogue after each change.

use super::*;
use crate::auth::StaffUser;
use crate::catalogue::model::{LifeSituation, Localized, Topic};
use crate::catalogue::snapshot::CatalogueCache;
use crate::catalogue::taxonomy_edit::{self as edit, EntryKind, FieldProblem, TaxonomyError};
use crate::catalogue::{is_slug, load_taxonomy, Taxonomy};
use crate::db::Db;
use crate::staff::guard::{audit, db, notify, session};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Session key of a refused form of `kind`.
pub(super) fn form_key(kind: EntryKind) -> &'static str {
    match kind {
        EntryKind::Topic => "taxonomy_form_topic",
        EntryKind::LifeSituation => "taxonomy_form_life_situation",
        EntryKind::Office => "taxonomy_form_office",
    }
}
/// Session key of a refused delete (the missing confirmation).
const DELETE_KEY: &str = "taxonomy_delete";

/// The order of the fields in the topic and life situation forms.
const ENTRY_ORDER: &[&str] =
    &["name.de", "name.en", "name.ls", "description.de", "description.en", "description.ls", "slug_de", "slug_en", "parent", "position"];

/// A form kept for the page it came from (`target`: the entry's German slug, empty for new).
#[derive(Serialize, Deserialize)]
struct Kept<T> {
    target: String,
    form: Form<T>,
}

/// Keeps `form` for the next view of the page of `target`.
pub(super) async fn keep<T: Serialize>(key: &str, target: &str, form: Form<T>) -> Result<(), AppError> {
    session().await?.insert(key, Kept { target: target.to_string(), form }).await.map_err(AppError::internal)
}

/// Takes the form kept under `key`, if it was kept for `target`.
pub(super) async fn take<T: DeserializeOwned>(key: &str, target: &str) -> Result<Option<Form<T>>, AppError> {
    let value = session().await?.remove_value(key).await.map_err(AppError::internal)?;
    let kept = value.and_then(|value| serde_json::from_value::<Kept<T>>(value).ok());
    Ok(kept.filter(|kept| kept.target == target).map(|kept| kept.form))
}

/// The catalogue's taxonomy from the database.
pub(super) async fn taxonomy(db: &Db) -> Result<Taxonomy, AppError> {
    load_taxonomy(db).await.map_err(AppError::internal)
}

/// Reloads the residents' catalogue (pages and search) after a change.
pub(super) async fn refresh(db: &Db) {
    match use_context::<CatalogueCache>() {
        Some(cache) => {
            if let Err(error) = cache.refresh_if_changed(db).await {
                tracing::error!(%error, "reloading the catalogue after a taxonomy change failed");
            }
        }
        None => tracing::warn!("no catalogue cache in context; residents see the change after the next reload"),
    }
}

/// The German text of a failed edit; technical failures are logged, never shown.
pub(super) fn failure_text(error: &TaxonomyError) -> String {
    match error {
        TaxonomyError::Db(_) | TaxonomyError::Corrupt(_) => {
            let _ = AppError::internal(error);
        }
        TaxonomyError::Conflict => tracing::warn!(%error, "taxonomy edit refused"),
        _ => {}
    }
    error.message_de()
}

/// Problems as (field id, message), sorted by the field's place in `order`.
pub(super) fn sorted_errors(mut problems: Vec<(String, String)>, order: &[&str]) -> Vec<(String, String)> {
    problems.sort_by_key(|(field, _)| order.iter().position(|f| f == field).unwrap_or(order.len()));
    problems.into_iter().map(|(field, message)| (field_id(&field), message)).collect()
}

/// Field problems as (field path, message).
pub(super) fn messages(problems: &[FieldProblem]) -> Vec<(String, String)> {
    problems.iter().map(|p| (p.field.to_string(), p.message_de())).collect()
}

/// A text's three versions, trimmed.
pub(super) fn localized(de: &str, en: &str, ls: &str) -> Localized {
    Localized { de: de.trim().to_string(), en: en.trim().to_string(), ls: ls.trim().to_string() }
}

/// The position typed (blank is 0); a problem when it is not a whole number.
fn position(text: &str, problems: &mut Vec<(String, String)>) -> i64 {
    let text = text.trim();
    if text.is_empty() {
        return 0;
    }
    text.parse().unwrap_or_else(|_| {
        problems.push(("position".into(), "Die Position muss eine ganze Zahl sein, z. B. 3.".into()));
        0
    })
}

/// The life situations in tree order: each after its parent, siblings by position.
pub(super) fn tree(situations: &[LifeSituation]) -> Vec<EntryRow> {
    fn visit(node: &LifeSituation, depth: usize, all: &[&LifeSituation], rows: &mut Vec<EntryRow>) {
        if rows.iter().any(|row| row.slug == node.slug_de) {
            return;
        }
        rows.push(EntryRow { slug: node.slug_de.clone(), name: node.name.de.clone(), position: node.position, depth });
        for child in all.iter().filter(|s| s.parent.as_deref() == Some(node.slug_de.as_str())) {
            visit(child, depth + 1, all, rows);
        }
    }
    let mut all: Vec<&LifeSituation> = situations.iter().collect();
    all.sort_by(|a, b| a.position.cmp(&b.position).then_with(|| a.name.de.cmp(&b.name.de)));
    let mut rows = Vec::new();
    let known = |slug: &str| all.iter().any(|s| s.slug_de == slug);
    for root in all.iter().filter(|s| !s.parent.as_deref().is_some_and(known)) {
        visit(root, 0, &all, &mut rows);
    }
    // Whatever a damaged parent chain left out.
    for rest in &all {
        visit(rest, 0, &all, &mut rows);
    }
    rows
}

/// The topics and life situations page.
pub(super) async fn overview() -> Result<TaxonomyOverview, AppError> {
    let taxonomy = taxonomy(&db()?).await?;
    let mut topics = taxonomy.topics.clone();
    topics.sort_by(|a, b| a.position.cmp(&b.position).then_with(|| a.name.de.cmp(&b.name.de)));
    let topics = topics.into_iter().map(|t| EntryRow { slug: t.slug_de, name: t.name.de, position: t.position, depth: 0 }).collect();
    let featured = super::settings::featured_form(&taxonomy.featured).await?;
    Ok(TaxonomyOverview { topics, life_situations: tree(&taxonomy.life_situations), featured })
}

fn topic_form(topic: &Topic) -> EntryForm {
    EntryForm {
        slug_de: topic.slug_de.clone(),
        slug_en: topic.slug_en.clone(),
        position: topic.position.to_string(),
        parent: String::new(),
        name_de: topic.name.de.clone(),
        name_en: topic.name.en.clone(),
        name_ls: topic.name.ls.clone(),
        description_de: topic.description.de.clone(),
        description_en: topic.description.en.clone(),
        description_ls: topic.description.ls.clone(),
    }
}

fn situation_form(situation: &LifeSituation) -> EntryForm {
    let as_topic = Topic {
        slug_de: situation.slug_de.clone(),
        slug_en: situation.slug_en.clone(),
        name: situation.name.clone(),
        description: situation.description.clone(),
        position: situation.position,
    };
    EntryForm { parent: situation.parent.clone().unwrap_or_default(), ..topic_form(&as_topic) }
}

fn to_topic(form: &EntryForm, problems: &mut Vec<(String, String)>) -> Topic {
    Topic {
        slug_de: form.slug_de.trim().to_string(),
        slug_en: form.slug_en.trim().to_string(),
        name: localized(&form.name_de, &form.name_en, &form.name_ls),
        description: localized(&form.description_de, &form.description_en, &form.description_ls),
        position: position(&form.position, problems),
    }
}

fn to_situation(form: &EntryForm, problems: &mut Vec<(String, String)>) -> LifeSituation {
    let topic = to_topic(form, problems);
    let parent = Some(form.parent.trim().to_string()).filter(|p| !p.is_empty());
    LifeSituation { slug_de: topic.slug_de, slug_en: topic.slug_en, parent, name: topic.name, description: topic.description, position: topic.position }
}

/// Where the entries of `kind` are listed, and the base of their edit pages.
pub(super) fn paths(kind: EntryKind) -> (&'static str, &'static str) {
    match kind {
        EntryKind::Topic => (TAXONOMY_PATH, TOPIC_PATH),
        EntryKind::LifeSituation => (TAXONOMY_PATH, LIFE_SITUATION_PATH),
        EntryKind::Office => (OFFICES_PATH, OFFICES_PATH),
    }
}

/// The problems of the last delete attempt on `slug`.
pub(super) async fn delete_errors(kind: EntryKind, slug: &str) -> Result<Vec<(String, String)>, AppError> {
    Ok(take::<()>(DELETE_KEY, &format!("{kind:?}:{slug}")).await?.map(|form| form.errors).unwrap_or_default())
}

/// The edit page of a topic or life situation (`slug` empty: a new one).
pub(super) async fn entry_page(kind: EntryKind, slug: &str) -> Result<EntryPage, AppError> {
    let taxonomy = taxonomy(&db()?).await?;
    let kept = take::<EntryForm>(form_key(kind), slug).await?;
    let stored = match kind {
        EntryKind::Topic => taxonomy.topics.iter().find(|t| t.slug_de == slug).map(|t| (t.name.de.clone(), topic_form(t))),
        _ => taxonomy.life_situations.iter().find(|s| s.slug_de == slug).map(|s| (s.name.de.clone(), situation_form(s))),
    };
    let (name, form) = match (slug.is_empty(), stored) {
        (true, _) => {
            let last = match kind {
                EntryKind::Topic => taxonomy.topics.iter().map(|t| t.position).max(),
                _ => taxonomy.life_situations.iter().map(|s| s.position).max(),
            };
            (String::new(), EntryForm { position: (last.unwrap_or(0) + 1).to_string(), ..EntryForm::default() })
        }
        (false, Some(stored)) => stored,
        (false, None) => return Err(AppError::NotFound),
    };
    let mut parents = Vec::new();
    if kind == EntryKind::LifeSituation {
        // Not the situation itself nor anything below it.
        let mut below: Option<usize> = None;
        for row in tree(&taxonomy.life_situations) {
            match below {
                Some(depth) if row.depth > depth => continue,
                _ if !slug.is_empty() && row.slug == slug => below = Some(row.depth),
                _ => {
                    below = None;
                    parents.push(row);
                }
            }
        }
    }
    let delete_errors = if slug.is_empty() { Vec::new() } else { delete_errors(kind, slug).await? };
    Ok(EntryPage { original: slug.to_string(), name, form: kept.unwrap_or_else(|| Form::new(form)), parents, delete_errors })
}

/// What a save attempt came to.
pub(super) struct Attempt<T> {
    /// The form as typed.
    pub form: T,
    /// The entry's German slug and name as saved.
    pub slug: String,
    pub name: String,
    /// The entry before and after, as JSON, for the audit log.
    pub before: Option<Value>,
    pub after: Value,
    /// Problems the form found itself, as (field path, message).
    pub local: Vec<(String, String)>,
    /// The save's result; none when the form's own problems stopped it.
    pub result: Option<Result<(), TaxonomyError>>,
}

/// Records, reports and redirects after a save attempt of `kind` from the form of `original`.
pub(super) async fn after_save<T: Serialize>(user: &StaffUser, kind: EntryKind, original: &str, order: &[&str], attempt: Attempt<T>) -> Result<(), AppError> {
    let (list, base) = paths(kind);
    let mut problems = attempt.local;
    match attempt.result {
        Some(Ok(())) => {
            let db = db()?;
            let action = match kind {
                EntryKind::Topic => "topic.save",
                EntryKind::LifeSituation => "life_situation.save",
                EntryKind::Office => "office.save",
            };
            audit(user, action, &attempt.slug, &super::summary::change_summary(attempt.before.as_ref(), &attempt.after)).await?;
            refresh(&db).await;
            leptos_axum::redirect(list);
            return notify(true, format!("{} „{}“ wurde gespeichert.", kind.name_de(), attempt.name)).await;
        }
        Some(Err(error @ TaxonomyError::NotFound { .. })) => {
            leptos_axum::redirect(list);
            return notify(false, error.message_de()).await;
        }
        Some(Err(TaxonomyError::Invalid(found))) => problems.extend(messages(&found)),
        Some(Err(error)) => notify(false, failure_text(&error)).await?,
        None => {}
    }
    keep(form_key(kind), original, Form { values: attempt.form, errors: sorted_errors(problems, order) }).await?;
    leptos_axum::redirect(&edit_path(base, original));
    Ok(())
}

/// Saves a topic or life situation from its form.
pub(super) async fn save_entry(user: &StaffUser, kind: EntryKind, original: &str, form: EntryForm) -> Result<(), AppError> {
    if !original.is_empty() && !is_slug(original) {
        leptos_axum::redirect(paths(kind).0);
        return notify(false, TaxonomyError::NotFound { kind, slug: original.to_string() }.message_de()).await;
    }
    let db = db()?;
    let taxonomy = taxonomy(&db).await?;
    let before_slug = Some(original).filter(|o| !o.is_empty());
    let mut local = Vec::new();
    let (slug, name, before, after, result) = if kind == EntryKind::Topic {
        let topic = to_topic(&form, &mut local);
        let before = taxonomy.topics.iter().find(|t| t.slug_de == original).and_then(|t| serde_json::to_value(t).ok());
        let result = if local.is_empty() { Some(edit::save_topic(&db, before_slug, &topic).await) } else { None };
        local.extend(if result.is_none() { messages(&edit::check_topic(&topic)) } else { Vec::new() });
        (topic.slug_de.clone(), topic.name.de.clone(), before, serde_json::to_value(&topic).map_err(AppError::internal)?, result)
    } else {
        let situation = to_situation(&form, &mut local);
        let before = taxonomy.life_situations.iter().find(|s| s.slug_de == original).and_then(|s| serde_json::to_value(s).ok());
        let result = if local.is_empty() { Some(edit::save_life_situation(&db, before_slug, &situation).await) } else { None };
        local.extend(if result.is_none() { messages(&edit::check_life_situation(&situation)) } else { Vec::new() });
        (situation.slug_de.clone(), situation.name.de.clone(), before, serde_json::to_value(&situation).map_err(AppError::internal)?, result)
    };
    after_save(user, kind, original, ENTRY_ORDER, Attempt { form, slug, name, before, after, local, result }).await
}

/// Deletes a topic, life situation or office once the deletion is confirmed.
pub(super) async fn delete_entry(user: &StaffUser, kind: EntryKind, slug: &str, confirmed: bool) -> Result<(), AppError> {
    let (list, base) = paths(kind);
    if !is_slug(slug) {
        leptos_axum::redirect(list);
        return notify(false, TaxonomyError::NotFound { kind, slug: slug.to_string() }.message_de()).await;
    }
    if !confirmed {
        let message = format!("Bitte bestätigen Sie mit „Ja, löschen“, dass {} gelöscht werden soll.", kind.name_de().to_lowercase());
        keep(DELETE_KEY, &format!("{kind:?}:{slug}"), Form { values: (), errors: vec![(CONFIRM_ID.to_string(), message)] }).await?;
        leptos_axum::redirect(&edit_path(base, slug));
        return Ok(());
    }
    let db = db()?;
    let taxonomy = taxonomy(&db).await?;
    let (action, name, result) = match kind {
        EntryKind::Topic => ("topic.delete", taxonomy.topics.iter().find(|t| t.slug_de == slug).map(|t| t.name.de.clone()), edit::delete_topic(&db, slug).await),
        EntryKind::LifeSituation => (
            "life_situation.delete",
            taxonomy.life_situations.iter().find(|s| s.slug_de == slug).map(|s| s.name.de.clone()),
            edit::delete_life_situation(&db, slug).await,
        ),
        EntryKind::Office => ("office.delete", taxonomy.offices.iter().find(|o| o.slug_de == slug).map(|o| o.name.de.clone()), edit::delete_office(&db, slug).await),
    };
    let name = name.unwrap_or_else(|| slug.to_string());
    match result {
        Ok(()) => {
            audit(user, action, slug, &format!("Gelöscht (vorher: „{name}“)")).await?;
            refresh(&db).await;
            leptos_axum::redirect(list);
            notify(true, format!("{} „{name}“ wurde gelöscht.", kind.name_de())).await
        }
        Err(error @ TaxonomyError::NotFound { .. }) => {
            leptos_axum::redirect(list);
            notify(false, error.message_de()).await
        }
        Err(error) => {
            leptos_axum::redirect(&edit_path(base, slug));
            notify(false, failure_text(&error)).await
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tree_puts_children_under_their_parent() {
        let situation = |slug: &str, parent: Option<&str>, position| LifeSituation {
            slug_de: slug.into(),
            slug_en: format!("{slug}-en"),
            parent: parent.map(str::to_string),
            name: Localized { de: slug.into(), ..Localized::default() },
            description: Localized::default(),
            position,
        };
        let rows = tree(&[situation("b", None, 2), situation("a1", Some("a"), 3), situation("a", None, 1), situation("x", Some("y"), 0)]);
        let order: Vec<(&str, usize)> = rows.iter().map(|r| (r.slug.as_str(), r.depth)).collect();
        assert_eq!(order, [("x", 0), ("a", 0), ("a1", 1), ("b", 0)]);
    }
}
