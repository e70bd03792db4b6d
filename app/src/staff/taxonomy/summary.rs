//! The before and after of taxonomy changes, in words, for the audit log.

use serde_json::Value;

/// What changed in one language's groups, for the audit log.
pub(super) fn group_changes(language: &str, before: &[Vec<String>], after: &[Vec<String>]) -> String {
    let added = after.iter().filter(|g| !before.contains(g)).map(|g| g.join(", ")).collect::<Vec<_>>();
    let removed = before.iter().filter(|g| !after.contains(g)).map(|g| g.join(", ")).collect::<Vec<_>>();
    if added.is_empty() && removed.is_empty() {
        return format!("{language}: unverändert");
    }
    let list = |groups: &[String]| groups.iter().take(5).map(|g| format!("„{g}“")).collect::<Vec<_>>().join(" ");
    format!("{language}: neu {} {}, entfernt {} {} (jetzt {} Gruppen)", added.len(), list(&added), removed.len(), list(&removed), after.len())
}

/// Which top-level fields changed, with old and new value where short: "Geändert: position:
/// 3 → 4; name.de: „Tiere“ → „Haustiere“". Nested objects (the texts) are compared one level
/// further down.
pub(super) fn change_summary(before: Option<&Value>, after: &Value) -> String {
    fn shown(value: Option<&Value>) -> Option<String> {
        match value {
            None | Some(Value::Null) => Some("–".into()),
            Some(Value::String(text)) if text.chars().count() <= 60 => Some(format!("„{text}“")),
            Some(Value::String(text)) => Some(format!("„{}…“", text.chars().take(57).collect::<String>())),
            Some(Value::Number(number)) => Some(number.to_string()),
            Some(Value::Bool(flag)) => Some(flag.to_string()),
            _ => None,
        }
    }
    fn compare(prefix: &str, before: &Value, after: &Value, depth: usize, changes: &mut Vec<String>) {
        let empty = serde_json::Map::new();
        let (old, new) = (before.as_object().unwrap_or(&empty), after.as_object().unwrap_or(&empty));
        let mut keys: Vec<&String> = old.keys().chain(new.keys()).collect();
        keys.sort();
        keys.dedup();
        for key in keys {
            let (a, b) = (old.get(key), new.get(key));
            if a == b {
                continue;
            }
            let path = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
            let objects = a.is_none_or(Value::is_object) && b.is_none_or(Value::is_object);
            if depth == 0 && objects {
                compare(&path, a.unwrap_or(&Value::Null), b.unwrap_or(&Value::Null), 1, changes);
            } else if let (Some(a), Some(b)) = (shown(a), shown(b)) {
                changes.push(format!("{path}: {a} → {b}"));
            } else {
                changes.push(path);
            }
        }
    }
    let Some(before) = before else { return "Neu angelegt".into() };
    let mut changes = Vec::new();
    compare("", before, after, 0, &mut changes);
    if changes.is_empty() {
        "Keine Änderung".into()
    } else {
        format!("Geändert: {}", changes.join("; "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_names_changed_fields_with_short_values() {
        let before = serde_json::json!({"slug_de": "tiere", "name": {"de": "Tiere", "en": "Animals"}, "position": 3, "hours": [1]});
        let after = serde_json::json!({"slug_de": "haustiere", "name": {"de": "Haustiere", "en": "Animals"}, "position": 3, "hours": [2]});
        assert_eq!(change_summary(Some(&before), &after), "Geändert: hours; name.de: „Tiere“ → „Haustiere“; slug_de: „tiere“ → „haustiere“");
        assert_eq!(change_summary(Some(&before), &before), "Keine Änderung");
        assert_eq!(change_summary(None, &after), "Neu angelegt");
    }
}
