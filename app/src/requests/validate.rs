//! Checks answers against a form. The server runs it on every page post and before
//! submitting; the browser runs the same code as residents type.

use super::answers::Answers;
use super::date::Day;
use super::form::{Field, FieldKind, FormPage};
use crate::catalogue::model::Variant;
use crate::i18n::Lang;
use leptos_i18n::td_string;
use serde::{Deserialize, Serialize};

/// What is wrong with one answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Problem {
    /// Needed but missing.
    Missing,
    /// Fewer characters than allowed.
    TooShort(u32),
    /// More characters than allowed.
    TooLong(u32),
    /// The text does not have the required form; the message says which.
    Pattern(String),
    /// Not a number.
    NotANumber,
    /// Smaller than allowed.
    BelowMinimum(f64),
    /// Larger than allowed.
    AboveMaximum(f64),
    /// Not a date.
    NotADate,
    /// Before the earliest allowed date.
    TooEarly(Day),
    /// After the latest allowed date.
    TooLate(Day),
    /// Not an email address.
    NotAnEmail,
    /// Not a phone number.
    NotAPhone,
    /// A value the field does not offer.
    UnknownChoice,
    /// Part of the address is missing.
    IncompleteAddress,
    /// A postcode that is not five digits.
    NotAPostcode,
    /// More files than allowed.
    TooManyFiles(u32),
}

/// A problem of a field, with the message in the resident's language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FieldProblem {
    /// The field's id; its input (or first input) has this id, for the error summary's link.
    pub field: String,
    /// What is wrong.
    pub problem: Problem,
    /// What to do about it.
    pub message: String,
}

/// Checks the shown fields of one page. `today` bounds date answers; `files` counts the
/// uploads of a file field.
pub fn check_page(page: &FormPage, answers: &Answers, files: &dyn Fn(&str) -> usize, today: Day, lang: Lang) -> Vec<FieldProblem> {
    page.fields
        .iter()
        .filter(|field| answers.shows(field))
        .filter_map(|field| {
            let problem = if field.kind == FieldKind::File {
                check_files(field, files(&field.id))
            } else {
                check_field(field, answers.values(&field.id), today)
            }?;
            Some(FieldProblem { field: field.id.clone(), message: message(field, &problem, lang), problem })
        })
        .collect()
}

/// Checks the answer of one field (not a file field).
pub fn check_field(field: &Field, values: &[String], today: Day) -> Option<Problem> {
    let first = values.first().map(|value| value.trim()).unwrap_or("");
    if field.kind == FieldKind::Address {
        let parts: Vec<&str> = (0..3).map(|i| values.get(i).map(|v| v.trim()).unwrap_or("")).collect();
        if parts.iter().all(|part| part.is_empty()) {
            return field.required.then_some(Problem::Missing);
        }
        if parts.iter().any(|part| part.is_empty()) {
            return Some(Problem::IncompleteAddress);
        }
        if parts.iter().any(|part| part.chars().count() > 100) {
            return Some(Problem::TooLong(100));
        }
        if parts[1].len() != 5 || !parts[1].chars().all(|c| c.is_ascii_digit()) {
            return Some(Problem::NotAPostcode);
        }
        return None;
    }
    if values.iter().all(|value| value.trim().is_empty()) {
        return field.required.then_some(Problem::Missing);
    }
    let length = first.chars().count() as u32;
    match field.kind {
        FieldKind::Text | FieldKind::LongText => {
            if length > field.max_length() {
                return Some(Problem::TooLong(field.max_length()));
            }
            if let Some(min) = field.limits.min_length.filter(|min| length < *min) {
                return Some(Problem::TooShort(min));
            }
            if let Some(pattern) = &field.limits.pattern {
                let matches = regex_lite::Regex::new(&format!("^(?:{pattern})$")).map(|re| re.is_match(first)).unwrap_or(true);
                if !matches {
                    return Some(Problem::Pattern(pattern.clone()));
                }
            }
            None
        }
        FieldKind::Number => {
            let number = parse_number(first)?;
            match number {
                None => Some(Problem::NotANumber),
                Some(n) if field.limits.min.is_some_and(|min| n < min) => field.limits.min.map(Problem::BelowMinimum),
                Some(n) if field.limits.max.is_some_and(|max| n > max) => field.limits.max.map(Problem::AboveMaximum),
                Some(_) => None,
            }
        }
        FieldKind::Date => {
            let Some(day) = Day::parse(first) else { return Some(Problem::NotADate) };
            if let Some(earliest) = field.limits.earliest_in_days.map(|days| today.plus(days)).filter(|earliest| day < *earliest) {
                return Some(Problem::TooEarly(earliest));
            }
            if let Some(latest) = field.limits.latest_in_days.map(|days| today.plus(days)).filter(|latest| day > *latest) {
                return Some(Problem::TooLate(latest));
            }
            None
        }
        FieldKind::Email => (!is_email(first)).then_some(Problem::NotAnEmail),
        FieldKind::Phone => (!is_phone(first)).then_some(Problem::NotAPhone),
        FieldKind::YesNo => (!matches!(first, "ja" | "nein")).then_some(Problem::UnknownChoice),
        FieldKind::SingleChoice | FieldKind::MultipleChoice => {
            let offered = |value: &String| field.options.iter().any(|option| option.value == *value);
            let too_many = field.kind == FieldKind::SingleChoice && values.len() > 1;
            (too_many || !values.iter().all(offered)).then_some(Problem::UnknownChoice)
        }
        FieldKind::Address | FieldKind::File => None,
    }
}

/// Checks the number of uploads of a file field (sizes and types are checked on upload).
pub fn check_files(field: &Field, count: usize) -> Option<Problem> {
    if count == 0 && field.required {
        Some(Problem::Missing)
    } else if count > field.max_files() as usize {
        Some(Problem::TooManyFiles(field.max_files()))
    } else {
        None
    }
}

/// `Some(None)` for text that is not a number, `None` for a blank answer. Takes German
/// (`1.250,5`) and English (`1250.5`) notation.
fn parse_number(text: &str) -> Option<Option<f64>> {
    if text.is_empty() {
        return None;
    }
    let compact: String = text.chars().filter(|c| *c != ' ').collect();
    let normalised = if compact.contains(',') { compact.replace('.', "").replace(',', ".") } else { compact };
    let body = normalised.strip_prefix('-').unwrap_or(&normalised);
    let well_formed = !body.is_empty() && body.chars().all(|c| c.is_ascii_digit() || c == '.') && body.matches('.').count() <= 1;
    Some(if well_formed { normalised.parse::<f64>().ok().filter(|n| n.is_finite()) } else { None })
}

/// A plausible email address: one `@`, a local part, a domain with a dot, no spaces.
pub fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else { return false };
    text.len() <= 254
        && !local.is_empty()
        && local.len() <= 64
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && !text.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | ',' | ';' | '"'))
}

/// A plausible phone number: 6 to 20 digits, with spaces, `+`, `-`, `/` and brackets.
pub fn is_phone(text: &str) -> bool {
    let digits = text.chars().filter(char::is_ascii_digit).count();
    (6..=20).contains(&digits) && text.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '/' | '(' | ')'))
}

fn format_number(n: f64, lang: Lang) -> String {
    let text = if n.fract() == 0.0 { format!("{n:.0}") } else { format!("{n}") };
    if lang == Lang::De {
        text.replace('.', ",")
    } else {
        text
    }
}

/// The message for `problem` of `field`, in the resident's language.
pub fn message(field: &Field, problem: &Problem, lang: Lang) -> String {
    let locale = lang.locale();
    let label = field.label.text(Variant::from(lang)).to_string();
    let date = |day: &Day| lang.pick(day.german(), day.iso());
    match problem {
        Problem::Missing => match field.kind {
            FieldKind::SingleChoice | FieldKind::MultipleChoice | FieldKind::YesNo => td_string!(locale, request.problem_choose, label = label),
            FieldKind::File => td_string!(locale, request.problem_upload, label = label),
            _ => td_string!(locale, request.problem_missing, label = label),
        },
        Problem::TooShort(min) => td_string!(locale, request.problem_too_short, label = label, min = min),
        Problem::TooLong(max) => td_string!(locale, request.problem_too_long, label = label, max = max),
        Problem::Pattern(_) => {
            let custom = field.limits.pattern_message.text(Variant::from(lang));
            if custom.trim().is_empty() {
                td_string!(locale, request.problem_pattern, label = label)
            } else {
                custom.to_string()
            }
        }
        Problem::NotANumber => td_string!(locale, request.problem_number, label = label),
        Problem::BelowMinimum(min) => td_string!(locale, request.problem_minimum, label = label, min = format_number(*min, lang)),
        Problem::AboveMaximum(max) => td_string!(locale, request.problem_maximum, label = label, max = format_number(*max, lang)),
        Problem::NotADate => td_string!(locale, request.problem_date, label = label),
        Problem::TooEarly(day) => td_string!(locale, request.problem_too_early, label = label, date = date(day)),
        Problem::TooLate(day) => td_string!(locale, request.problem_too_late, label = label, date = date(day)),
        Problem::NotAnEmail => td_string!(locale, request.problem_email, label = label),
        Problem::NotAPhone => td_string!(locale, request.problem_phone, label = label),
        Problem::UnknownChoice => td_string!(locale, request.problem_choose, label = label),
        Problem::IncompleteAddress => td_string!(locale, request.problem_address, label = label),
        Problem::NotAPostcode => td_string!(locale, request.problem_postcode).to_string(),
        Problem::TooManyFiles(max) => td_string!(locale, request.problem_too_many_files, label = label, max = max),
    }
}
