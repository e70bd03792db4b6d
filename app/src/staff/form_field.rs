//! The field editor's form: every value as typed, turned into a [`Field`] with German messages
//! keyed by the input's id, and back. Checks that need the whole form (unique ids, show-if
//! rules pointing at earlier questions) are in [`check_in_form`].

use crate::catalogue::model::Localized;
use crate::requests::form::{is_identifier, Choice, Field, FieldKind, FileType, FormDefinition, Limits, ShowIf};
use serde::{Deserialize, Serialize};

/// Problems of a form: (input id, German message).
pub type Problems = Vec<(String, String)>;

/// The field editor's values as typed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FieldForm {
    pub id: String,
    pub kind: String,
    pub label: Localized,
    pub hint: Localized,
    pub required: String,
    pub min_length: String,
    pub max_length: String,
    pub pattern: String,
    pub pattern_message: Localized,
    pub min: String,
    pub max: String,
    pub earliest_in_days: String,
    pub latest_in_days: String,
    pub max_file_mb: String,
    pub max_files: String,
    pub pdf: String,
    pub jpeg: String,
    pub png: String,
    /// One choice a line: `value|Label Deutsch|Label English|Leichte Sprache`.
    pub choices: String,
    pub show_if_field: String,
    /// Values of the show-if field, separated by commas.
    pub show_if_values: String,
}

/// The form builder's name of a kind, and the value posted for it.
pub fn kind_name(kind: FieldKind) -> (&'static str, &'static str) {
    match kind {
        FieldKind::Text => ("text", "Text (eine Zeile)"),
        FieldKind::LongText => ("long_text", "Langer Text"),
        FieldKind::Number => ("number", "Zahl"),
        FieldKind::Date => ("date", "Datum"),
        FieldKind::Email => ("email", "E-Mail-Adresse"),
        FieldKind::Phone => ("phone", "Telefonnummer"),
        FieldKind::SingleChoice => ("single_choice", "Auswahl (eine Antwort)"),
        FieldKind::MultipleChoice => ("multiple_choice", "Auswahl (mehrere Antworten)"),
        FieldKind::YesNo => ("yes_no", "Ja oder Nein"),
        FieldKind::Address => ("address", "Anschrift"),
        FieldKind::File => ("file", "Datei-Upload"),
    }
}

fn text<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

fn flag(on: bool) -> String {
    if on { "1".into() } else { String::new() }
}

fn clean(texts: &Localized) -> Localized {
    Localized { de: texts.de.trim().to_string(), en: texts.en.trim().to_string(), ls: texts.ls.trim().to_string() }
}

impl FieldForm {
    /// The form showing `field`.
    pub fn of(field: &Field) -> FieldForm {
        let limits = &field.limits;
        let choices = field.options.iter().map(|c| format!("{}|{}|{}|{}", c.value, c.label.de, c.label.en, c.label.ls).trim_end_matches('|').to_string());
        FieldForm {
            id: field.id.clone(),
            kind: kind_name(field.kind).0.into(),
            label: field.label.clone(),
            hint: field.hint.clone(),
            required: flag(field.required),
            min_length: text(limits.min_length),
            max_length: text(limits.max_length),
            pattern: limits.pattern.clone().unwrap_or_default(),
            pattern_message: limits.pattern_message.clone(),
            min: text(limits.min).replace('.', ","),
            max: text(limits.max).replace('.', ","),
            earliest_in_days: text(limits.earliest_in_days),
            latest_in_days: text(limits.latest_in_days),
            max_file_mb: text(limits.max_file_bytes.map(|b| b / (1024 * 1024))),
            max_files: text(limits.max_files),
            pdf: flag(limits.file_types.contains(&FileType::Pdf)),
            jpeg: flag(limits.file_types.contains(&FileType::Jpeg)),
            png: flag(limits.file_types.contains(&FileType::Png)),
            choices: choices.collect::<Vec<_>>().join("\n"),
            show_if_field: field.show_if.as_ref().map(|rule| rule.field.clone()).unwrap_or_default(),
            show_if_values: field.show_if.as_ref().map(|rule| rule.any_of.join(", ")).unwrap_or_default(),
        }
    }

    /// The field the form describes, or what is wrong with it. Limits that do not apply to the
    /// kind are dropped.
    pub fn field(&self) -> Result<Field, Problems> {
        let mut problems = Problems::new();
        let mut wrong = |id: &str, message: String| problems.push((id.to_string(), message));
        let id = self.id.trim().to_string();
        if !is_identifier(&id) {
            wrong("id", "Die Kennung besteht aus 1 bis 40 Kleinbuchstaben, Ziffern und Bindestrichen und beginnt mit einem Buchstaben.".into());
        }
        let kind = FieldKind::ALL.into_iter().find(|k| kind_name(*k).0 == self.kind);
        if kind.is_none() {
            wrong("kind", "Bitte wählen Sie eine Art der Antwort.".into());
        }
        let kind = kind.unwrap_or(FieldKind::Text);
        if self.label.de.trim().is_empty() {
            wrong("label-de", "Bitte geben Sie die Frage auf Deutsch ein.".into());
        }
        let mut limits = Limits::default();
        let mut number = |id: &str, value: &str, name: &str| -> Option<i64> {
            let value = value.trim();
            if value.is_empty() {
                return None;
            }
            let parsed = value.parse::<i64>().ok().filter(|n| n.abs() <= 100_000);
            if parsed.is_none() {
                wrong(id, format!("{name}: bitte eine ganze Zahl eingeben."));
            }
            parsed
        };
        let is_text = matches!(kind, FieldKind::Text | FieldKind::LongText);
        if is_text {
            limits.min_length = number("min_length", &self.min_length, "Mindestlänge").map(|n| n.max(0) as u32);
            limits.max_length = number("max_length", &self.max_length, "Höchstlänge").map(|n| n.max(1) as u32);
        }
        let is_date = kind == FieldKind::Date;
        if is_date {
            limits.earliest_in_days = number("earliest_in_days", &self.earliest_in_days, "Frühestes Datum");
            limits.latest_in_days = number("latest_in_days", &self.latest_in_days, "Spätestes Datum");
        }
        if kind == FieldKind::File {
            limits.max_file_bytes = number("max_file_mb", &self.max_file_mb, "Größte Datei").map(|mb| mb.clamp(1, 20) as u64 * 1024 * 1024);
            limits.max_files = number("max_files", &self.max_files, "Höchstzahl Dateien").map(|n| n.clamp(1, 20) as u32);
            let ticked = [(&self.pdf, FileType::Pdf), (&self.jpeg, FileType::Jpeg), (&self.png, FileType::Png)];
            limits.file_types = ticked.iter().filter(|(on, _)| !on.is_empty()).map(|(_, t)| *t).collect();
        }
        if is_text {
            let pattern = self.pattern.trim();
            if !pattern.is_empty() {
                if pattern.len() > 200 || regex_lite::Regex::new(pattern).is_err() {
                    wrong("pattern", "Das Muster ist kein gültiger regulärer Ausdruck.".into());
                }
                if self.pattern_message.de.trim().is_empty() {
                    wrong("pattern_message-de", "Bitte sagen Sie auf Deutsch, was bei einem nicht passenden Text falsch ist.".into());
                }
                limits.pattern = Some(pattern.to_string());
                limits.pattern_message = clean(&self.pattern_message);
            }
        }
        if kind == FieldKind::Number {
            for (id, value, slot, name) in [("min", &self.min, &mut limits.min, "Kleinste Zahl"), ("max", &self.max, &mut limits.max, "Größte Zahl")] {
                let value = value.trim().replace(',', ".");
                if !value.is_empty() {
                    match value.parse::<f64>().ok().filter(|n| n.is_finite()) {
                        Some(n) => *slot = Some(n),
                        None => wrong(id, format!("{name}: bitte eine Zahl eingeben.")),
                    }
                }
            }
        }
        if limits.min_length.zip(limits.max_length).is_some_and(|(min, max)| min > max) {
            wrong("min_length", "Die Mindestlänge ist größer als die Höchstlänge.".into());
        }
        if limits.min.zip(limits.max).is_some_and(|(min, max)| min > max) {
            wrong("min", "Die kleinste Zahl ist größer als die größte.".into());
        }
        if limits.earliest_in_days.zip(limits.latest_in_days).is_some_and(|(earliest, latest)| earliest > latest) {
            wrong("earliest_in_days", "Das früheste Datum liegt nach dem spätesten.".into());
        }
        let mut options = Vec::new();
        if matches!(kind, FieldKind::SingleChoice | FieldKind::MultipleChoice) {
            for line in self.choices.lines().map(str::trim).filter(|l| !l.is_empty()).take(50) {
                let mut parts = line.split('|').map(str::trim);
                let value = parts.next().unwrap_or_default().to_string();
                let label = Localized { de: parts.next().unwrap_or_default().into(), en: parts.next().unwrap_or_default().into(), ls: parts.next().unwrap_or_default().into() };
                if !is_identifier(&value) || label.de.is_empty() {
                    wrong("choices", format!("Auswahl „{line}“: zuerst ein Wert aus Kleinbuchstaben, Ziffern und Bindestrichen, dann | und die deutsche Bezeichnung."));
                } else if options.iter().any(|c: &Choice| c.value == value) {
                    wrong("choices", format!("Der Wert „{value}“ kommt in der Auswahl doppelt vor."));
                }
                options.push(Choice { value, label });
            }
            if options.len() < 2 {
                wrong("choices", "Eine Auswahl braucht mindestens zwei Möglichkeiten.".into());
            }
        }
        let show_if = (!self.show_if_field.trim().is_empty()).then(|| ShowIf {
            field: self.show_if_field.trim().to_string(),
            any_of: self.show_if_values.split(',').map(|v| v.trim().to_lowercase()).filter(|v| !v.is_empty()).collect(),
        });
        if problems.is_empty() {
            Ok(Field { id, kind, label: clean(&self.label), hint: clean(&self.hint), required: !self.required.is_empty(), limits, options, show_if })
        } else {
            Err(problems)
        }
    }
}

/// Checks `field` as question `position` of page `page` in `form` (which does not hold it yet):
/// its id unique among the other questions and pages, and its show-if rule pointing at an
/// earlier yes/no or choice question with values that question offers.
pub fn check_in_form(form: &FormDefinition, page: usize, position: usize, field: &Field) -> Problems {
    let mut problems = Problems::new();
    if form.fields().any(|other| other.id == field.id) || form.pages.iter().any(|p| p.id == field.id) {
        problems.push(("id".into(), format!("Die Kennung „{}“ ist in diesem Formular schon vergeben.", field.id)));
    }
    let Some(rule) = &field.show_if else { return problems };
    let earlier: Vec<&Field> = form.pages.iter().take(page).flat_map(|p| p.fields.iter()).chain(form.pages.get(page).into_iter().flat_map(|p| p.fields.iter().take(position))).collect();
    match earlier.iter().find(|other| other.id == rule.field) {
        None => problems.push(("show_if_field".into(), format!("„{}“ ist keine Frage vor dieser. Eine Frage kann nur von früheren Fragen abhängen.", rule.field))),
        Some(source) => {
            let offered: Vec<&str> = match source.kind {
                FieldKind::YesNo => vec!["ja", "nein"],
                FieldKind::SingleChoice | FieldKind::MultipleChoice => source.options.iter().map(|o| o.value.as_str()).collect(),
                _ => Vec::new(),
            };
            if offered.is_empty() {
                problems.push(("show_if_field".into(), format!("„{}“ ist keine Ja/Nein- oder Auswahlfrage.", source.id)));
            } else if rule.any_of.is_empty() || rule.any_of.iter().any(|v| !offered.contains(&v.as_str())) {
                problems.push(("show_if_values".into(), format!("Mögliche Werte von „{}“: {}.", source.id, offered.join(", "))));
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::requests::form::FormPage;

    fn form_with(fields: Vec<Field>) -> FormDefinition {
        FormDefinition { pages: vec![FormPage { id: "seite".into(), title: Localized { de: "Seite".into(), ..Default::default() }, fields }] }
    }

    fn typed(id: &str, kind: &str) -> FieldForm {
        FieldForm { id: id.into(), kind: kind.into(), label: Localized { de: "Frage".into(), ..Default::default() }, ..Default::default() }
    }

    #[test]
    fn a_field_survives_the_round_trip() {
        let mut form = typed("art", "single_choice");
        form.choices = "herd|Herd|Stove\nkuehlschrank|Kühlschrank".into();
        form.required = "1".into();
        let field = form.field().expect("valid");
        assert_eq!(field.options.len(), 2);
        assert_eq!(FieldForm::of(&field).field(), Ok(field));
    }

    #[test]
    fn wrong_values_get_german_messages_on_their_inputs() {
        let mut form = typed("Name", "text");
        form.min_length = "10".into();
        form.max_length = "5".into();
        form.pattern = "[0-9".into();
        let problems = form.field().expect_err("invalid");
        let ids: Vec<&str> = problems.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["id", "pattern", "pattern_message-de", "min_length"]);
        assert!(typed("a", "gibt-es-nicht").field().is_err());
        let mut number = typed("n", "number");
        number.min = "3,5".into();
        number.max = "zwei".into();
        assert_eq!(number.field().expect_err("invalid")[0].0, "max");
    }

    #[test]
    fn show_if_needs_an_earlier_question_and_its_values() {
        let yes_no = typed("hat-hund", "yes_no").field().unwrap();
        let form = form_with(vec![yes_no]);
        let mut dependent = typed("rasse", "text");
        dependent.show_if_field = "hat-hund".into();
        dependent.show_if_values = "Ja".into();
        let field = dependent.field().unwrap();
        assert_eq!(check_in_form(&form, 0, 1, &field), Problems::new());
        assert_eq!(check_in_form(&form, 0, 0, &field)[0].0, "show_if_field", "not earlier");
        dependent.show_if_values = "vielleicht".into();
        assert_eq!(check_in_form(&form, 0, 1, &dependent.field().unwrap())[0].0, "show_if_values");
        assert_eq!(check_in_form(&form, 0, 1, &typed("hat-hund", "text").field().unwrap())[0].0, "id", "duplicate");
    }
}
