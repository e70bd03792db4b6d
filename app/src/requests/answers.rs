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

/// The trimmed values posted under `name`, with control characters (but line breaks) removed.
fn posted<'a>(pairs: &'a [(String, String)], name: &'a str) -> impl Iterator<Item = String> + 'a {
    pairs.iter().filter(move |(key, _)| key == name).map(|(_, value)| {
        value
            .chars()
            .filter(|c| !c.is_control() || *c == '\n')
            .collect::<String>()
            .replace("\r\n", "\n")
            .trim()
            .to_string()
    })
}
