//! What changed between two versions of a service: the leaves of their JSON form compared path
//! by path (`title.en`, `costs[1].amount_cents`, `synonyms[0].de`), with German labels for the
//! staff area's comparison view.

use super::model::ServiceContent;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// One leaf that differs between two versions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    /// The path, e.g. `costs[1].amount_cents`; [`field_label`] puts it into words.
    pub field: String,
    /// The value before; empty when the leaf was added.
    pub before: String,
    /// The value after; empty when the leaf was removed.
    pub after: String,
}

/// Keys in the order the edit form shows them (top-level fields, then the fields of nested
/// items, then the languages); keys not listed sort after them by name.
const KEY_ORDER: [&str; 28] = [
    "leika_key", "title", "official_title", "teaser", "description", "requirements", "documents", "costs", "deadlines",
    "processing_time", "procedure", "legal_bases", "appeal", "synonyms", "availability", "offices", "topics",
    "life_situations", "label", "amount_cents", "max_amount_cents", "days", "max_days", "url", "note", "de", "en", "ls",
];

/// One step of a path; the derived order is the display order.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Step {
    Key(usize, String),
    Index(usize),
}

fn key(name: &str) -> Step {
    Step::Key(KEY_ORDER.iter().position(|k| *k == name).unwrap_or(KEY_ORDER.len()), name.to_string())
}

/// Every non-null leaf of `value` as text, by path.
fn leaves(value: &Value, path: &mut Vec<Step>, out: &mut BTreeMap<Vec<Step>, String>) {
    match value {
        Value::Null => {}
        Value::Object(map) => {
            for (name, child) in map {
                path.push(key(name));
                leaves(child, path, out);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                path.push(Step::Index(index));
                leaves(child, path, out);
                path.pop();
            }
        }
        Value::String(text) => {
            out.insert(path.clone(), text.clone());
        }
        other => {
            out.insert(path.clone(), other.to_string());
        }
    }
}

fn flatten(content: &ServiceContent) -> BTreeMap<Vec<Step>, String> {
    let mut out = BTreeMap::new();
    leaves(&serde_json::to_value(content).unwrap_or(Value::Null), &mut Vec::new(), &mut out);
    out
}

fn path_text(path: &[Step]) -> String {
    let mut text = String::new();
    for step in path {
        match step {
            Step::Key(_, name) if text.is_empty() => text.push_str(name),
            Step::Key(_, name) => {
                text.push('.');
                text.push_str(name);
            }
            Step::Index(index) => text.push_str(&format!("[{index}]")),
        }
    }
    text
}

/// The leaves that were changed, added or removed from `before` to `after`, in the order of
/// the edit form (list items by position). A missing leaf counts as empty text, so an empty
/// optional text and a missing one are no change.
pub fn diff_content(before: &ServiceContent, after: &ServiceContent) -> Vec<FieldChange> {
    let (old, new) = (flatten(before), flatten(after));
    let paths: BTreeSet<&Vec<Step>> = old.keys().chain(new.keys()).collect();
    paths
        .into_iter()
        .filter_map(|path| {
            let before = old.get(path).cloned().unwrap_or_default();
            let after = new.get(path).cloned().unwrap_or_default();
            (before != after).then(|| FieldChange { field: path_text(path), before, after })
        })
        .collect()
}

/// Labels of the top-level fields: the field as a whole, and one item of a list.
fn top_label(name: &str) -> Option<(&'static str, &'static str)> {
    Some(match name {
        "leika_key" => ("Leistungsschlüssel", "Leistungsschlüssel"),
        "title" => ("Titel", "Titel"),
        "official_title" => ("Amtliche Bezeichnung", "Amtliche Bezeichnung"),
        "teaser" => ("Kurzbeschreibung", "Kurzbeschreibung"),
        "description" => ("Beschreibung", "Beschreibung"),
        "requirements" => ("Voraussetzungen", "Voraussetzung"),
        "documents" => ("Unterlagen", "Unterlage"),
        "costs" => ("Kosten", "Kosten"),
        "deadlines" => ("Fristen", "Frist"),
        "processing_time" => ("Bearbeitungsdauer", "Bearbeitungsdauer"),
        "procedure" => ("Ablauf", "Schritt"),
        "legal_bases" => ("Rechtsgrundlagen", "Rechtsgrundlage"),
        "appeal" => ("Rechtsbehelf", "Rechtsbehelf"),
        "synonyms" => ("Suchbegriffe", "Suchbegriff"),
        "availability" => ("Antragsweg", "Antragsweg"),
        "offices" => ("Zuständige Stellen", "Zuständige Stelle"),
        "topics" => ("Themen", "Thema"),
        "life_situations" => ("Lebenslagen", "Lebenslage"),
        _ => return None,
    })
}

/// Labels of the fields inside costs, deadlines, the processing time and legal bases.
fn inner_label(name: &str) -> Option<&'static str> {
    Some(match name {
        "label" | "title" => "Bezeichnung",
        "amount_cents" => "Betrag (Cent)",
        "max_amount_cents" => "Höchstbetrag (Cent)",
        "days" => "Tage",
        "max_days" => "Tage (höchstens)",
        "url" => "Link",
        "note" => "Hinweis",
        _ => return None,
    })
}

fn language(name: &str) -> Option<&'static str> {
    Some(match name {
        "de" => "Deutsch",
        "en" => "Englisch",
        "ls" => "Leichte Sprache",
        _ => return None,
    })
}

/// A German label for a path of [`diff_content`]: `title.en` → "Titel (Englisch)",
/// `costs[1].amount_cents` → "Kosten 2: Betrag (Cent)". Unknown paths come back unchanged.
pub fn field_label(path: &str) -> String {
    label(path).unwrap_or_else(|| path.to_string())
}

fn label(path: &str) -> Option<String> {
    let mut parts = path.split('.');
    let first = parts.next()?;
    let (name, index) = match first.split_once('[') {
        Some((name, rest)) => (name, Some(rest.strip_suffix(']')?.parse::<usize>().ok()?)),
        None => (first, None),
    };
    let (whole, item) = top_label(name)?;
    let mut label = match index {
        Some(index) => format!("{item} {}", index + 1),
        None => whole.to_string(),
    };
    for part in parts {
        match (language(part), inner_label(part)) {
            (Some(language), _) => label.push_str(&format!(" ({language})")),
            (None, Some(inner)) => label.push_str(&format!(": {inner}")),
            (None, None) => return None,
        }
    }
    Some(label)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::model::*;

    fn text(de: &str) -> Localized {
        Localized { de: de.into(), en: format!("{de} (en)"), ls: format!("{de} (ls)") }
    }

    /// Every field set; a struct literal without `..`, so a new field must be added here.
    fn full() -> ServiceContent {
        ServiceContent {
            leika_key: Some("99001001000000".into()),
            title: text("Titel"),
            official_title: text("Amtlich"),
            teaser: text("Kurz"),
            description: text("Lang"),
            requirements: vec![text("Volljährig")],
            documents: vec![text("Ausweis")],
            costs: vec![Cost { label: text("Gebühr"), amount_cents: 2800, max_amount_cents: Some(3700), note: text("bar") }],
            deadlines: vec![Deadline { label: text("Anmeldung"), days: Some(14), note: text("ab Einzug") }],
            processing_time: ProcessingTime { days: 3, max_days: Some(5), note: text("Post") },
            procedure: vec![text("Antrag")],
            legal_bases: vec![LegalBasis { title: text("§ 1"), url: Some("https://example.org".into()) }],
            appeal: text("Widerspruch"),
            synonyms: vec![text("Perso")],
            availability: Availability::Online,
            offices: vec!["buergerbuero".into()],
            topics: vec!["buergerservice".into()],
            life_situations: vec!["umzug".into()],
        }
    }

    #[test]
    fn every_leaf_of_the_content_has_a_german_label() {
        let changes = diff_content(&ServiceContent::default(), &full());
        let top: BTreeSet<String> = changes.iter().map(|c| c.field.split(['.', '[']).next().unwrap().to_string()).collect();
        let fields = serde_json::to_value(full()).unwrap().as_object().unwrap().len();
        assert_eq!(top.len(), fields, "every field of ServiceContent shows up in the diff");
        for change in &changes {
            let label = field_label(&change.field);
            assert!(!label.contains(['_', '[', '.']), "{} has no label: {label}", change.field);
        }
        assert_eq!(field_label("title.en"), "Titel (Englisch)");
        assert_eq!(field_label("costs[1].amount_cents"), "Kosten 2: Betrag (Cent)");
        assert_eq!(field_label("synonyms[0].de"), "Suchbegriff 1 (Deutsch)");
        assert_eq!(field_label("legal_bases[0].title.ls"), "Rechtsgrundlage 1: Bezeichnung (Leichte Sprache)");
        assert_eq!(field_label("topics[2]"), "Thema 3");
        assert_eq!(field_label("nonsense[x].y"), "nonsense[x].y");
    }

    #[test]
    fn only_changed_leaves_are_listed_in_form_order() {
        let before = full();
        let mut after = full();
        after.title.en = "Title".into();
        after.costs[0].amount_cents = 3000;
        after.costs.push(Cost { label: text("Express"), amount_cents: 3200, max_amount_cents: None, note: Localized::default() });
        after.synonyms.clear();
        after.leika_key = None;
        let changes = diff_content(&before, &after);
        let fields: Vec<&str> = changes.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "leika_key",
                "title.en",
                "costs[0].amount_cents",
                "costs[1].label.de",
                "costs[1].label.en",
                "costs[1].label.ls",
                "costs[1].amount_cents",
                "synonyms[0].de",
                "synonyms[0].en",
                "synonyms[0].ls",
            ]
        );
        assert_eq!(changes[2], FieldChange { field: "costs[0].amount_cents".into(), before: "2800".into(), after: "3000".into() });
        assert_eq!((changes[0].before.as_str(), changes[0].after.as_str()), ("99001001000000", ""));
        assert!(diff_content(&before, &before).is_empty());
    }
}
