//! What a resident answered: values by field id. Most fields have one value; multiple choice
//! has one per ticked option, an address has three (street, postcode, town) and a file field
//! the ids of its uploaded files.

use super::form::{Field, FieldKind, FormDefinition, FormPage};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The answers of one request, by field id.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Answers(pub BTreeMap<String, Vec<String>>);

/// A hidden input the browser's live checks add to a question page: its questions with a
/// show-if rule appeared the moment the resident answered, so the server treats them as seen.
pub const LIVE_CHECKS_INPUT: &str = "_live";

/// The names of an address field's three inputs.
pub fn address_inputs(field_id: &str) -> [String; 3] {
    [format!("{field_id}.strasse"), format!("{field_id}.plz"), format!("{field_id}.ort")]
}

impl Answers {
    /// The values of a field (empty when unanswered).
    pub fn values(&self, field_id: &str) -> &[String] {
        self.0.get(field_id).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The first value of a field, or "".
    pub fn value(&self, field_id: &str) -> &str {
        self.values(field_id).first().map(String::as_str).unwrap_or("")
    }

    /// Whether the field has any non-blank answer.
    pub fn is_answered(&self, field_id: &str) -> bool {
        self.values(field_id).iter().any(|value| !value.trim().is_empty())
    }

    /// Reads one page's answers from posted form pairs (`name`, `value`). Other names are
    /// ignored, so a forged post cannot set fields of other pages. File fields are left out:
    /// their values are the uploads, which the store keeps.
    pub fn from_pairs(page: &FormPage, pairs: &[(String, String)]) -> Answers {
        let mut answers = BTreeMap::new();
        for field in &page.fields {
            let values: Vec<String> = match field.kind {
                FieldKind::File => continue,
                FieldKind::Address => address_inputs(&field.id)
                    .iter()
                    .map(|name| posted(pairs, name).next().unwrap_or_default())
                    .collect(),
                FieldKind::MultipleChoice => posted(pairs, &field.id).filter(|value| !value.is_empty()).collect(),
                _ => posted(pairs, &field.id).take(1).collect(),
            };
            if values.iter().any(|value| !value.is_empty()) {
                answers.insert(field.id.clone(), values);
            }
        }
        Answers(answers)
    }

    /// Replaces the answers of `page`'s fields (except files) with `page_answers`.
    pub fn replace_page(&mut self, page: &FormPage, page_answers: Answers) {
        for field in page.fields.iter().filter(|field| field.kind != FieldKind::File) {
            self.0.remove(&field.id);
        }
        self.0.extend(page_answers.0);
    }

    /// Whether `field` is shown, given the answers so far.
    pub fn shows(&self, field: &Field) -> bool {
        match &field.show_if {
            None => true,
            Some(rule) => self.values(&rule.field).iter().any(|value| rule.any_of.contains(value)),
        }
    }

    /// Drops the answers of fields that are hidden by the answers of others (a changed answer
    /// can hide later questions), so only what a resident saw is submitted.
    pub fn without_hidden(&self, form: &FormDefinition) -> Answers {
        let mut kept = Answers::default();
        for field in form.fields() {
            if kept.shows(field) {
                if let Some(values) = self.0.get(&field.id) {
                    kept.0.insert(field.id.clone(), values.clone());
                }
            }
        }
        kept
    }
}

/// The most characters kept of one posted value: twice the longest text a field takes, so an
/// over-long answer is still shown with its error, but a draft cannot be used as storage.
const MAX_POSTED_CHARS: usize = 10_000;

/// The trimmed values posted under `name`, with control characters (but line breaks) removed.
fn posted<'a>(pairs: &'a [(String, String)], name: &'a str) -> impl Iterator<Item = String> + 'a {
    pairs.iter().filter(move |(key, _)| key == name).take(50).map(|(_, value)| {
        value
            .chars()
            .filter(|c| !c.is_control() || *c == '\n')
            .take(MAX_POSTED_CHARS)
            .collect::<String>()
            .replace("\r\n", "\n")
            .trim()
            .to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::model::Localized;
    use crate::requests::form::{Choice, Limits, ShowIf};

    fn field(id: &str, kind: FieldKind, show_if: Option<(&str, &[&str])>) -> Field {
        let option = |value: &str| Choice { value: value.into(), label: Localized { de: value.into(), ..Localized::default() } };
        let is_choice = matches!(kind, FieldKind::SingleChoice | FieldKind::MultipleChoice);
        Field {
            id: id.into(),
            kind,
            label: Localized { de: id.into(), ..Localized::default() },
            hint: Localized::default(),
            required: false,
            limits: Limits::default(),
            options: if is_choice { vec![option("kuehlschrank"), option("herd"), option("fernseher")] } else { Vec::new() },
            show_if: show_if.map(|(field, any_of)| ShowIf { field: field.into(), any_of: any_of.iter().map(|v| v.to_string()).collect() }),
        }
    }

    fn page(id: &str, fields: Vec<Field>) -> FormPage {
        FormPage { id: id.into(), title: Localized { de: id.into(), ..Localized::default() }, fields }
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(name, value)| (name.to_string(), value.to_string())).collect()
    }

    fn answers(list: &[(&str, &[&str])]) -> Answers {
        Answers(list.iter().map(|(id, values)| (id.to_string(), values.iter().map(|v| v.to_string()).collect())).collect())
    }

    /// Sperrmüll: items, electrical devices (yes/no), which devices (shown for "ja"), a note on
    /// the fridge (shown when a fridge is ticked), and a contact page.
    fn form() -> FormDefinition {
        FormDefinition {
            pages: vec![
                page(
                    "gegenstaende",
                    vec![
                        field("liste", FieldKind::LongText, None),
                        field("elektro", FieldKind::YesNo, None),
                        field("geraete", FieldKind::MultipleChoice, Some(("elektro", &["ja"]))),
                        field("kuehlmittel", FieldKind::Text, Some(("geraete", &["kuehlschrank"]))),
                        field("foto", FieldKind::File, None),
                    ],
                ),
                page("abholung", vec![field("adresse", FieldKind::Address, None), field("termin", FieldKind::Date, None)]),
                page("kontakt", vec![field("name", FieldKind::Text, None), field("email", FieldKind::Email, None)]),
            ],
        }
    }

    #[test]
    fn from_pairs_reads_only_the_fields_of_its_page() {
        let form = form();
        let posted = pairs(&[
            ("liste", "Sofa"),
            ("name", "Erika Muster"),
            ("email", "erika@example.org"),
            ("adresse.plz", "38440"),
            ("termin", "2026-06-01"),
            ("unbekannt", "x"),
            ("foto", "datei-1"),
            ("geraete", "herd"),
            ("geraete", ""),
            ("geraete", "fernseher"),
            ("elektro", "ja"),
            ("elektro", "nein"),
        ]);
        let read = Answers::from_pairs(&form.pages[0], &posted);
        assert_eq!(read, answers(&[("liste", &["Sofa"]), ("elektro", &["ja"]), ("geraete", &["herd", "fernseher"])]));
        let read = Answers::from_pairs(&form.pages[1], &posted);
        assert_eq!(read, answers(&[("adresse", &["", "38440", ""]), ("termin", &["2026-06-01"])]));
        let read = Answers::from_pairs(&form.pages[2], &pairs(&[("liste", "Sofa"), ("adresse.strasse", "Porschestraße 1")]));
        assert_eq!(read, Answers::default(), "nothing of another page gets in");
    }

    #[test]
    fn from_pairs_strips_control_characters_and_blank_answers() {
        let form = form();
        let posted = pairs(&[
            ("liste", " Sofa\r\n2 Stühle\u{0}\t\u{7}\r\u{1b}[31m "),
            ("elektro", "   "),
            ("adresse.strasse", " Porschestraße\u{8} 1 "),
            ("adresse.plz", "38440\u{0}"),
            ("adresse.ort", "Wolfsburg"),
        ]);
        let read = Answers::from_pairs(&form.pages[0], &posted);
        assert_eq!(read, answers(&[("liste", &["Sofa\n2 Stühle[31m"])]), "line breaks stay, blank answers go");
        let read = Answers::from_pairs(&form.pages[1], &posted);
        assert_eq!(read, answers(&[("adresse", &["Porschestraße 1", "38440", "Wolfsburg"])]));
        assert!(read.is_answered("adresse"));
        assert_eq!(read.value("adresse"), "Porschestraße 1");
        assert_eq!(read.value("termin"), "");
        assert!(!read.is_answered("termin"));
    }

    #[test]
    fn replace_page_keeps_other_pages_and_uploads() {
        let form = form();
        let mut all = answers(&[("liste", &["Sofa"]), ("elektro", &["ja"]), ("foto", &["datei-1"]), ("name", &["Erika Muster"])]);
        all.replace_page(&form.pages[0], answers(&[("elektro", &["nein"])]));
        assert_eq!(all, answers(&[("elektro", &["nein"]), ("foto", &["datei-1"]), ("name", &["Erika Muster"])]));
    }

    #[test]
    fn without_hidden_drops_what_a_changed_answer_hides() {
        let form = form();
        let field = |id: &str| form.field(id).expect("field").clone();
        let mut all = answers(&[
            ("liste", &["Sofa"]),
            ("elektro", &["ja"]),
            ("geraete", &["kuehlschrank", "herd"]),
            ("kuehlmittel", &["R600a"]),
            ("name", &["Erika Muster"]),
            ("alt", &["aus einer früheren Formularversion"]),
        ]);
        assert!(all.shows(&field("geraete")) && all.shows(&field("kuehlmittel")));
        let kept = all.without_hidden(&form);
        all.0.remove("alt");
        assert_eq!(kept, all, "everything shown stays; unknown fields go");

        all.replace_page(&form.pages[0], answers(&[("liste", &["Sofa"]), ("elektro", &["ja"]), ("geraete", &["herd"])]));
        assert!(!all.shows(&field("kuehlmittel")));
        assert_eq!(all.without_hidden(&form), answers(&[("liste", &["Sofa"]), ("elektro", &["ja"]), ("geraete", &["herd"]), ("name", &["Erika Muster"])]));

        let mut changed = kept.clone();
        changed.0.insert("elektro".into(), vec!["nein".into()]);
        assert!(!changed.shows(&field("geraete")));
        assert!(changed.shows(&field("kuehlmittel")), "on its own the fridge note still looks shown …");
        let visible = changed.without_hidden(&form);
        assert_eq!(visible, answers(&[("liste", &["Sofa"]), ("elektro", &["nein"]), ("name", &["Erika Muster"])]), "… but hides with the devices");
    }
}
