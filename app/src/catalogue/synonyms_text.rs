//! The search synonyms of one language as plain text, for a textarea: one group per line,
//! words separated by commas.
//!
//! ```text
//! auto, kfz, fahrzeug, pkw, wagen
//! perso, personalausweis, ausweis
//! ```
//!
//! Words are trimmed and lower-cased; a word repeated within its group is dropped. Each word
//! must be one search term (letters and digits only): the search index reads just the first
//! term of a word, so "gelbe tonne" or "e-auto" would silently act as "gelbe" or "e".

use super::hours_text::{numbered_lines, LineError};

/// At most this many groups per language.
pub const MAX_GROUPS: usize = 200;

/// At most this many characters per word.
pub const MAX_WORD_CHARS: usize = 60;

/// The groups as text, one per line.
pub fn format_synonyms(groups: &[Vec<String>]) -> String {
    groups.iter().map(|group| group.join(", ")).collect::<Vec<_>>().join("\n")
}

/// Reads groups written as [`format_synonyms`] writes them; semicolons also separate words.
pub fn parse_synonyms(text: &str) -> Result<Vec<Vec<String>>, Vec<LineError>> {
    let mut groups = Vec::new();
    let mut errors = Vec::new();
    for (line, content) in numbered_lines(text) {
        let mut group: Vec<String> = Vec::new();
        for word in content.split([',', ';']).map(|word| word.trim().to_lowercase()).filter(|word| !word.is_empty()) {
            if !group.contains(&word) {
                group.push(word);
            }
        }
        match check_group(&group) {
            Ok(()) if groups.len() == MAX_GROUPS => {
                errors.push(LineError::new(line, format!("Höchstens {MAX_GROUPS} Gruppen sind möglich; ab dieser Zeile bitte kürzen.")));
                break;
            }
            Ok(()) => groups.push(group),
            Err(message) => errors.push(LineError::new(line, message)),
        }
    }
    errors.is_empty().then_some(groups).ok_or(errors)
}

/// Checks stored groups by the rules of [`parse_synonyms`]; words must already be trimmed and
/// lower-case. Line numbers are those of [`format_synonyms`].
pub fn check_synonyms(groups: &[Vec<String>]) -> Result<(), Vec<LineError>> {
    let mut errors = Vec::new();
    if groups.len() > MAX_GROUPS {
        errors.push(LineError::new(MAX_GROUPS + 1, format!("Höchstens {MAX_GROUPS} Gruppen sind möglich, hier sind es {}.", groups.len())));
    }
    for (index, group) in groups.iter().enumerate() {
        let normal = group.iter().find(|word| word.trim().to_lowercase() != **word);
        let repeated = group.iter().enumerate().find(|(i, word)| group[..*i].contains(word));
        let result = match (normal, repeated) {
            (Some(word), _) => Err(format!("„{word}“ muss kleingeschrieben und ohne Leerzeichen am Rand stehen.")),
            (None, Some((_, word))) => Err(format!("„{word}“ steht zweimal in der Gruppe.")),
            (None, None) => check_group(group),
        };
        errors.extend(result.err().map(|message| LineError::new(index + 1, message)));
    }
    errors.is_empty().then_some(()).ok_or(errors)
}

fn check_group(group: &[String]) -> Result<(), String> {
    for word in group {
        if word.is_empty() {
            return Err("Die Gruppe enthält ein leeres Wort.".into());
        }
        if word.chars().count() > MAX_WORD_CHARS {
            return Err(format!("„{word}“ ist zu lang; ein Wort darf höchstens {MAX_WORD_CHARS} Zeichen haben."));
        }
        if !word.chars().all(char::is_alphanumeric) {
            return Err(format!(
                "„{word}“: Bitte nur einzelne Wörter aus Buchstaben und Ziffern, ohne Leer-, Binde- oder Satzzeichen, durch Kommas getrennt."
            ));
        }
    }
    if group.len() < 2 {
        return Err("Eine Gruppe braucht mindestens zwei verschiedene Wörter, durch Kommas getrennt.".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(text: &str) -> Vec<usize> {
        parse_synonyms(text).unwrap_err().iter().map(|e| e.line).collect()
    }

    #[test]
    fn groups_are_trimmed_lower_cased_and_deduplicated() {
        let groups = parse_synonyms("  Auto , KFZ,fahrzeug, auto\n\n perso;Personalausweis \n").unwrap();
        assert_eq!(groups, vec![vec!["auto", "kfz", "fahrzeug"], vec!["perso", "personalausweis"]]);
        assert_eq!(format_synonyms(&groups), "auto, kfz, fahrzeug\nperso, personalausweis");
        assert_eq!(parse_synonyms(""), Ok(vec![]));
        assert_eq!(parse_synonyms("Führerschein, FAHRERLAUBNIS").unwrap(), vec![vec!["führerschein", "fahrerlaubnis"]]);
    }

    #[test]
    fn bad_groups_are_reported_by_line() {
        assert_eq!(errors("auto\nperso, ausweis\nauto, auto\n, ,"), [1, 3, 4]);
        assert_eq!(errors("gelbe tonne, wertstofftonne"), [1]);
        assert_eq!(errors("e-auto, elektroauto"), [1]);
        let long = "a".repeat(MAX_WORD_CHARS + 1);
        assert_eq!(errors(&format!("{long}, kurz")), [1]);
        assert!(parse_synonyms(&format!("{}, kurz", "ä".repeat(MAX_WORD_CHARS))).is_ok(), "characters, not bytes");
        let message = &parse_synonyms("auto").unwrap_err()[0].message_de;
        assert!(message.contains("zwei"), "{message}");
    }

    #[test]
    fn at_most_two_hundred_groups() {
        let text = (0..MAX_GROUPS + 5).map(|i| format!("wort{i}, begriff{i}")).collect::<Vec<_>>().join("\n");
        assert_eq!(errors(&text), [MAX_GROUPS + 1]);
        let fits = (0..MAX_GROUPS).map(|i| format!("wort{i}, begriff{i}")).collect::<Vec<_>>().join("\n");
        let groups = parse_synonyms(&fits).unwrap();
        assert_eq!(groups.len(), MAX_GROUPS);
        assert_eq!(check_synonyms(&groups), Ok(()));
    }

    #[test]
    fn stored_groups_follow_the_same_rules() {
        let bad = vec![vec!["Auto".to_string(), "kfz".into()], vec!["a".into(), "a".into()], vec!["allein".into()], vec!["ok".into(), "gut".into()]];
        let lines: Vec<usize> = check_synonyms(&bad).unwrap_err().iter().map(|e| e.line).collect();
        assert_eq!(lines, [1, 2, 3]);
    }

    #[test]
    fn the_demo_synonyms_round_trip() {
        let demo: crate::catalogue::SynonymGroups = serde_json::from_str(include_str!("../../data/demo/synonyms.json")).unwrap();
        for groups in [&demo.de, &demo.en] {
            assert_eq!(check_synonyms(groups), Ok(()));
            assert_eq!(&parse_synonyms(&format_synonyms(groups)).unwrap(), groups);
        }
    }
}
