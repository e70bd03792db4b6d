//! A service's request form: fields grouped into pages, in the portal's language versions.
//! Stored as JSON in the database (`form_versions`), one row per version; every request keeps
//! the version it was filled in. Compiled into both targets, so the browser checks answers with
//! the same definition and code as the server.

use crate::catalogue::model::Localized;
use serde::{Deserialize, Serialize};

/// A whole request form.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FormDefinition {
    /// The question pages in order.
    pub pages: Vec<FormPage>,
}

/// One question page of the journey.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FormPage {
    /// Stable identifier, used in the page's address (`[a-z0-9-]`).
    pub id: String,
    /// The page heading (a question or a topic: "Wo sollen wir abholen?").
    pub title: Localized,
    /// The questions on the page.
    pub fields: Vec<Field>,
}

/// One question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Field {
    /// Stable identifier, unique in the form, used as the input's name (`[a-z0-9-]`).
    pub id: String,
    /// What kind of answer is wanted.
    pub kind: FieldKind,
    /// The question.
    pub label: Localized,
    /// Help below the question.
    #[serde(default)]
    pub hint: Localized,
    /// Whether an answer is needed (when the field is shown).
    #[serde(default)]
    pub required: bool,
    /// Limits beyond the kind's own.
    #[serde(default)]
    pub limits: Limits,
    /// The choices of single and multiple choice fields.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<Choice>,
    /// Show the field only when an earlier answer has one of some values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<ShowIf>,
}

/// The kinds of question a form can ask.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    /// One line of text.
    Text,
    /// Several lines of text.
    LongText,
    /// A number, with a decimal comma or point.
    Number,
    /// A calendar date.
    Date,
    /// An email address.
    Email,
    /// A phone number.
    Phone,
    /// One of the options (radio buttons).
    SingleChoice,
    /// Any of the options (checkboxes).
    MultipleChoice,
    /// Ja or Nein.
    YesNo,
    /// A German postal address: street and number, postcode, town.
    Address,
    /// One or more uploaded files.
    File,
}

impl FieldKind {
    /// Every kind, in the order the form builder offers them.
    pub const ALL: [FieldKind; 11] = [
        FieldKind::Text,
        FieldKind::LongText,
        FieldKind::Number,
        FieldKind::Date,
        FieldKind::Email,
        FieldKind::Phone,
        FieldKind::SingleChoice,
        FieldKind::MultipleChoice,
        FieldKind::YesNo,
        FieldKind::Address,
        FieldKind::File,
    ];
}

/// One option of a choice field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    /// The value stored in the answer (`[a-z0-9-]`).
    pub value: String,
    /// What residents read.
    pub label: Localized,
}

/// "Show this field only when field `field` was answered with one of `any_of`."
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShowIf {
    /// An earlier field's id.
    pub field: String,
    /// The values that make this field appear (`ja`/`nein` for yes/no fields).
    pub any_of: Vec<String>,
}

/// Limits of an answer. Every limit is optional; the kinds have built-in maximums as well.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Limits {
    /// Fewest characters of a text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_length: Option<u32>,
    /// Most characters of a text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u32>,
    /// A regular expression the whole text must match (e.g. a number plate).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    /// What to tell residents when the pattern does not match.
    #[serde(default)]
    pub pattern_message: Localized,
    /// Smallest number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// Largest number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// Earliest date, in days from today (0 = today, 1 = tomorrow, -365 = a year ago).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earliest_in_days: Option<i64>,
    /// Latest date, in days from today.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest_in_days: Option<i64>,
    /// Largest file, in bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_file_bytes: Option<u64>,
    /// Most files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_files: Option<u32>,
    /// Accepted file types (checked by content); empty means PDF, JPEG and PNG.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub file_types: Vec<FileType>,
}

/// File types residents can upload, recognised by their first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileType {
    /// PDF document.
    Pdf,
    /// JPEG photo.
    Jpeg,
    /// PNG image.
    Png,
}

impl FileType {
    /// The types accepted when a field names none.
    pub const DEFAULT: [FileType; 3] = [FileType::Pdf, FileType::Jpeg, FileType::Png];

    /// The media type stored and sent with downloads.
    pub fn media_type(self) -> &'static str {
        match self {
            FileType::Pdf => "application/pdf",
            FileType::Jpeg => "image/jpeg",
            FileType::Png => "image/png",
        }
    }

    /// The name residents know the type by.
    pub fn name(self) -> &'static str {
        match self {
            FileType::Pdf => "PDF",
            FileType::Jpeg => "JPG",
            FileType::Png => "PNG",
        }
    }

    /// The type of a file by its first bytes (magic numbers), never by its name.
    pub fn sniff(bytes: &[u8]) -> Option<FileType> {
        if bytes.starts_with(b"%PDF-") {
            Some(FileType::Pdf)
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(FileType::Jpeg)
        } else if bytes.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
            Some(FileType::Png)
        } else {
            None
        }
    }
}

/// Longest one-line text when a field sets no limit.
pub const DEFAULT_MAX_TEXT: u32 = 200;
/// Longest long text when a field sets no limit.
pub const DEFAULT_MAX_LONG_TEXT: u32 = 5000;
/// Largest file when a field sets no limit (10 MiB).
pub const DEFAULT_MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;
/// Most files per field when a field sets no limit.
pub const DEFAULT_MAX_FILES: u32 = 5;
/// Hard ceiling of any file, whatever a form says (20 MiB).
pub const HARD_MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

impl Field {
    /// The longest text this field takes.
    pub fn max_length(&self) -> u32 {
        let cap = if self.kind == FieldKind::LongText { DEFAULT_MAX_LONG_TEXT } else { DEFAULT_MAX_TEXT };
        self.limits.max_length.map_or(cap, |max| max.min(cap))
    }

    /// The largest file this field takes.
    pub fn max_file_bytes(&self) -> u64 {
        self.limits.max_file_bytes.unwrap_or(DEFAULT_MAX_FILE_BYTES).min(HARD_MAX_FILE_BYTES)
    }

    /// The most files this field takes.
    pub fn max_files(&self) -> u32 {
        self.limits.max_files.unwrap_or(DEFAULT_MAX_FILES).clamp(1, 20)
    }

    /// The file types this field takes.
    pub fn file_types(&self) -> &[FileType] {
        if self.limits.file_types.is_empty() {
            &FileType::DEFAULT
        } else {
            &self.limits.file_types
        }
    }
}

impl FormDefinition {
    /// Every field, in order.
    pub fn fields(&self) -> impl Iterator<Item = &Field> {
        self.pages.iter().flat_map(|page| page.fields.iter())
    }

    /// The field with this id.
    pub fn field(&self, id: &str) -> Option<&Field> {
        self.fields().find(|field| field.id == id)
    }

    /// The page with this id and its position.
    pub fn page(&self, id: &str) -> Option<(usize, &FormPage)> {
        self.pages.iter().enumerate().find(|(_, page)| page.id == id)
    }

    /// Checks the definition itself: ids well-formed and unique, choices present, show-if
    /// rules pointing at earlier fields, patterns that compile. Returns what is wrong.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut seen_fields: Vec<&Field> = Vec::new();
        let mut seen_pages: Vec<&str> = Vec::new();
        if self.pages.is_empty() {
            problems.push("the form has no pages".to_string());
        }
        for page in &self.pages {
            if !is_identifier(&page.id) || seen_pages.contains(&page.id.as_str()) {
                problems.push(format!("page id {:?} is not a unique [a-z0-9-] identifier", page.id));
            }
            seen_pages.push(&page.id);
            if page.fields.is_empty() {
                problems.push(format!("page {} has no fields", page.id));
            }
            if page.title.de.trim().is_empty() {
                problems.push(format!("page {} has no German title", page.id));
            }
            for field in &page.fields {
                problems.extend(field_problems(field, &seen_fields));
                seen_fields.push(field);
            }
        }
        problems
    }
}

fn field_problems(field: &Field, earlier: &[&Field]) -> Vec<String> {
    let mut problems = Vec::new();
    let id = &field.id;
    if !is_identifier(id) || earlier.iter().any(|other| other.id == *id) || id.contains('.') {
        problems.push(format!("field id {id:?} is not a unique [a-z0-9-] identifier"));
    }
    if field.label.de.trim().is_empty() {
        problems.push(format!("field {id} has no German label"));
    }
    let is_choice = matches!(field.kind, FieldKind::SingleChoice | FieldKind::MultipleChoice);
    if is_choice && field.options.len() < 2 {
        problems.push(format!("choice field {id} needs at least two options"));
    }
    if !is_choice && !field.options.is_empty() {
        problems.push(format!("field {id} has options but is not a choice field"));
    }
    for option in &field.options {
        if !is_identifier(&option.value) || option.label.de.trim().is_empty() {
            problems.push(format!("option {:?} of field {id} needs an identifier value and a German label", option.value));
        }
    }
    if let Some(pattern) = &field.limits.pattern {
        if regex_lite::Regex::new(pattern).is_err() {
            problems.push(format!("the pattern of field {id} is not a valid regular expression"));
        }
    }
    if let Some(rule) = &field.show_if {
        match earlier.iter().find(|other| other.id == rule.field) {
            None => problems.push(format!("field {id} depends on {:?}, which is not an earlier field", rule.field)),
            Some(source) => {
                let allowed: Vec<&str> = match source.kind {
                    FieldKind::YesNo => vec!["ja", "nein"],
                    FieldKind::SingleChoice | FieldKind::MultipleChoice => source.options.iter().map(|o| o.value.as_str()).collect(),
                    _ => vec![],
                };
                if allowed.is_empty() {
                    problems.push(format!("field {id} depends on {}, which is not a choice or yes/no field", source.id));
                }
                if rule.any_of.is_empty() || rule.any_of.iter().any(|value| !allowed.contains(&value.as_str())) {
                    problems.push(format!("field {id} depends on values that {} does not offer", source.id));
                }
            }
        }
    }
    problems
}

/// `[a-z0-9-]`, 1 to 40 characters, starting with a letter.
pub fn is_identifier(id: &str) -> bool {
    (1..=40).contains(&id.len())
        && id.starts_with(|c: char| c.is_ascii_lowercase())
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(id: &str, kind: FieldKind) -> Field {
        Field {
            id: id.into(),
            kind,
            label: Localized { de: "Frage".into(), ..Localized::default() },
            hint: Localized::default(),
            required: false,
            limits: Limits::default(),
            options: Vec::new(),
            show_if: None,
        }
    }

    fn form(fields: Vec<Field>) -> FormDefinition {
        FormDefinition { pages: vec![FormPage { id: "seite".into(), title: Localized { de: "Seite".into(), ..Localized::default() }, fields }] }
    }

    fn choice(id: &str, values: &[&str]) -> Field {
        let options = values.iter().map(|value| Choice { value: value.to_string(), label: Localized { de: value.to_string(), ..Localized::default() } });
        Field { options: options.collect(), ..field(id, FieldKind::SingleChoice) }
    }

    fn shown_if(mut field: Field, source: &str, values: &[&str]) -> Field {
        field.show_if = Some(ShowIf { field: source.into(), any_of: values.iter().map(|v| v.to_string()).collect() });
        field
    }

    #[test]
    fn identifiers_are_short_lowercase_and_start_with_a_letter() {
        for good in ["a", "name", "wunsch-kita-2", &"x".repeat(40)] {
            assert!(is_identifier(good), "{good}");
        }
        for bad in ["", "2a", "-a", "Name", "e_mail", "adresse.plz", "straße", &"x".repeat(41)] {
            assert!(!is_identifier(bad), "{bad}");
        }
    }

    #[test]
    fn a_sound_form_has_no_problems() {
        let sound = form(vec![
            field("elektro", FieldKind::YesNo),
            shown_if(choice("art", &["kuehlschrank", "herd"]), "elektro", &["ja"]),
            shown_if(field("hinweis", FieldKind::Text), "art", &["herd"]),
        ]);
        assert_eq!(sound.problems(), Vec::<String>::new());
        assert_eq!(sound.field("art").map(|f| f.kind), Some(FieldKind::SingleChoice));
        assert_eq!(sound.page("seite").map(|(index, _)| index), Some(0));
    }

    #[test]
    fn problems_name_what_is_wrong() {
        let cases: Vec<(FormDefinition, &str)> = vec![
            (FormDefinition::default(), "no pages"),
            (form(Vec::new()), "has no fields"),
            (form(vec![field("Name", FieldKind::Text)]), "not a unique"),
            (form(vec![field("name", FieldKind::Text), field("name", FieldKind::Email)]), "not a unique"),
            (form(vec![Field { label: Localized::default(), ..field("name", FieldKind::Text) }]), "no German label"),
            (form(vec![choice("art", &["eins"])]), "at least two options"),
            (form(vec![Field { options: choice("x", &["a", "b"]).options, ..field("name", FieldKind::Text) }]), "not a choice field"),
            (form(vec![choice("art", &["eins", "Zwei"])]), "needs an identifier value"),
            (form(vec![Field { limits: Limits { pattern: Some("[0-9".into()), ..Limits::default() }, ..field("plz", FieldKind::Text) }]), "not a valid regular expression"),
            (form(vec![shown_if(field("b", FieldKind::Text), "a", &["ja"]), field("a", FieldKind::YesNo)]), "not an earlier field"),
            (form(vec![field("a", FieldKind::Text), shown_if(field("b", FieldKind::Text), "a", &["ja"])]), "not a choice or yes/no"),
            (form(vec![field("a", FieldKind::YesNo), shown_if(field("b", FieldKind::Text), "a", &["yes"])]), "does not offer"),
            (form(vec![field("a", FieldKind::YesNo), shown_if(field("b", FieldKind::Text), "a", &[])]), "does not offer"),
        ];
        for (definition, expected) in cases {
            let problems = definition.problems();
            assert!(problems.iter().any(|problem| problem.contains(expected)), "expected {expected:?} in {problems:?}");
        }
        let mut pages = form(vec![field("a", FieldKind::Text)]);
        pages.pages.push(FormPage { id: "seite".into(), title: Localized::default(), fields: vec![field("b", FieldKind::Text)] });
        let problems = pages.problems();
        assert!(problems.iter().any(|p| p.contains("page id")) && problems.iter().any(|p| p.contains("no German title")), "{problems:?}");
    }

    #[test]
    fn limits_are_capped_by_the_kinds_own() {
        let mut text = field("t", FieldKind::Text);
        assert_eq!(text.max_length(), DEFAULT_MAX_TEXT);
        text.limits.max_length = Some(50);
        assert_eq!(text.max_length(), 50);
        text.limits.max_length = Some(10_000);
        assert_eq!(text.max_length(), DEFAULT_MAX_TEXT);
        text.kind = FieldKind::LongText;
        assert_eq!(text.max_length(), DEFAULT_MAX_LONG_TEXT);

        let mut file = field("f", FieldKind::File);
        assert_eq!((file.max_files(), file.max_file_bytes(), file.file_types()), (DEFAULT_MAX_FILES, DEFAULT_MAX_FILE_BYTES, &FileType::DEFAULT[..]));
        file.limits = Limits { max_files: Some(0), max_file_bytes: Some(u64::MAX), file_types: vec![FileType::Pdf], ..Limits::default() };
        assert_eq!((file.max_files(), file.max_file_bytes(), file.file_types()), (1, HARD_MAX_FILE_BYTES, &[FileType::Pdf][..]));
        file.limits.max_files = Some(100);
        assert_eq!(file.max_files(), 20);
    }

    #[test]
    fn file_types_are_recognised_by_content() {
        assert_eq!(FileType::sniff(b"%PDF-1.7\n"), Some(FileType::Pdf));
        assert_eq!(FileType::sniff(&[0xFF, 0xD8, 0xFF, 0xE0]), Some(FileType::Jpeg));
        assert_eq!(FileType::sniff(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0]), Some(FileType::Png));
        assert_eq!(FileType::sniff(b"GIF89a"), None);
        assert_eq!(FileType::sniff(b"%PD"), None);
        assert_eq!(FileType::Jpeg.media_type(), "image/jpeg");
        assert_eq!(FileType::Png.name(), "PNG");
    }
}
