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
    // With both separators, the last one is the decimal mark: `1.250,5` and `1,250.5`.
    let normalised = match (compact.rfind(','), compact.rfind('.')) {
        (Some(comma), Some(point)) if point > comma => compact.replace(',', ""),
        (Some(_), _) => compact.replace('.', "").replace(',', "."),
        _ => compact,
    };
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::model::Localized;
    use crate::requests::form::{Choice, Limits, ShowIf};

    fn text(de: &str, en: &str) -> Localized {
        Localized { de: de.into(), en: en.into(), ls: String::new() }
    }

    fn field(kind: FieldKind, required: bool, limits: Limits) -> Field {
        Field {
            id: "feld".into(),
            kind,
            label: text("Feld", "Field"),
            hint: Localized::default(),
            required,
            limits,
            options: Vec::new(),
            show_if: None,
        }
    }

    fn choice(kind: FieldKind) -> Field {
        let option = |value: &str| Choice { value: value.into(), label: text(value, value) };
        Field { options: vec![option("rot"), option("gruen"), option("blau")], ..field(kind, true, Limits::default()) }
    }

    fn today() -> Day {
        Day::from_ymd(2026, 5, 4).expect("a date")
    }

    fn check(field: &Field, values: &[&str]) -> Option<Problem> {
        let values: Vec<String> = values.iter().map(|value| value.to_string()).collect();
        check_field(field, &values, today())
    }

    #[test]
    fn blanks_are_missing_only_when_required() {
        for kind in FieldKind::ALL.into_iter().filter(|kind| *kind != FieldKind::File) {
            let required = field(kind, true, Limits::default());
            let optional = field(kind, false, Limits::default());
            for blank in [&[][..], &[""], &["  ", "\t"]] {
                assert_eq!(check(&required, blank), Some(Problem::Missing), "{kind:?} {blank:?}");
                assert_eq!(check(&optional, blank), None, "{kind:?} {blank:?}");
            }
        }
        let short = field(FieldKind::Text, false, Limits { min_length: Some(5), ..Limits::default() });
        assert_eq!(check(&short, &[""]), None, "a blank optional answer is not too short");
    }

    #[test]
    fn texts_are_measured_in_characters_and_checked_against_their_pattern() {
        let limits = Limits { min_length: Some(3), max_length: Some(5), ..Limits::default() };
        let short = field(FieldKind::Text, true, limits);
        assert_eq!(check(&short, &["ab"]), Some(Problem::TooShort(3)));
        assert_eq!(check(&short, &["  äöü  "]), None, "trimmed, and umlauts count once");
        assert_eq!(check(&short, &["abcdef"]), Some(Problem::TooLong(5)));
        let unlimited = field(FieldKind::Text, true, Limits { max_length: Some(100_000), ..Limits::default() });
        assert_eq!(check(&unlimited, &[&"x".repeat(201)]), Some(Problem::TooLong(200)), "capped at the kind's maximum");
        let long = field(FieldKind::LongText, true, Limits::default());
        assert_eq!(check(&long, &[&"x".repeat(5000)]), None);
        assert_eq!(check(&long, &[&"x".repeat(5001)]), Some(Problem::TooLong(5000)));

        let pattern = "WOB-[A-Z]{1,2} [1-9][0-9]{0,3}";
        let limits = Limits { pattern: Some(pattern.into()), pattern_message: text("Zum Beispiel WOB-AB 123.", ""), ..Limits::default() };
        let plate = field(FieldKind::Text, true, limits);
        assert_eq!(check(&plate, &["WOB-AB 123"]), None);
        assert_eq!(check(&plate, &[" WOB-AB 123 "]), None);
        for bad in ["WOB-AB 0123", "XWOB-AB 123", "WOB-AB 123X", "wob-ab 123"] {
            assert_eq!(check(&plate, &[bad]), Some(Problem::Pattern(pattern.into())), "the whole text must match: {bad}");
        }
        let problem = Problem::Pattern(pattern.into());
        assert_eq!(message(&plate, &problem, Lang::De), "Zum Beispiel WOB-AB 123.");
        assert_eq!(message(&plate, &problem, Lang::En), "Zum Beispiel WOB-AB 123.", "falls back to German");
        let plain = field(FieldKind::Text, true, Limits { pattern: Some("[0-9]+".into()), ..Limits::default() });
        assert!(message(&plain, &problem, Lang::En).contains("Field"), "the general message names the field");
        let alternatives = field(FieldKind::Text, true, Limits { pattern: Some("ja|nein".into()), ..Limits::default() });
        assert_eq!(check(&alternatives, &["jain"]), Some(Problem::Pattern("ja|nein".into())), "alternatives are anchored too");
    }

    #[test]
    fn numbers_take_german_and_english_notation() {
        let limits = Limits { min: Some(0.5), max: Some(2000.0), ..Limits::default() };
        let amount = field(FieldKind::Number, true, limits);
        for good in ["1.250,5", "1250,5", "1250.5", "1 250,5", "0,5", ",5", "2000", "1,250.5"] {
            assert_eq!(check(&amount, &[good]), None, "{good}");
        }
        for bad in ["zwölf", "1,2,3", "1.2.3", "1e3", "12 €", "-", ".", "inf", "NaN", "0x10"] {
            assert_eq!(check(&amount, &[bad]), Some(Problem::NotANumber), "{bad}");
        }
        assert_eq!(check(&amount, &["0,4"]), Some(Problem::BelowMinimum(0.5)));
        assert_eq!(check(&amount, &["-3"]), Some(Problem::BelowMinimum(0.5)));
        assert_eq!(check(&amount, &["2.000,01"]), Some(Problem::AboveMaximum(2000.0)));
        assert_eq!(check(&amount, &["2,000.01"]), Some(Problem::AboveMaximum(2000.0)), "English thousands, not 2.00001");
        assert_eq!(parse_number("1.250,5"), Some(Some(1250.5)));
        assert_eq!(parse_number("1,250.5"), Some(Some(1250.5)));
        assert_eq!(parse_number("-2,5"), Some(Some(-2.5)));
        assert_eq!(parse_number(""), None);
        assert_eq!(message(&amount, &Problem::BelowMinimum(0.5), Lang::De), "„Feld“ muss mindestens 0,5 sein.");
        assert_eq!(message(&amount, &Problem::BelowMinimum(0.5), Lang::En), "“Field” must be 0.5 or more.");
        assert_eq!(message(&amount, &Problem::AboveMaximum(2000.0), Lang::De), "„Feld“ darf höchstens 2000 sein.");
    }

    #[test]
    fn dates_are_bounded_relative_to_today() {
        let limits = Limits { earliest_in_days: Some(3), latest_in_days: Some(30), ..Limits::default() };
        let pickup = field(FieldKind::Date, true, limits);
        assert_eq!(check(&pickup, &["2026-05-06"]), Some(Problem::TooEarly(today().plus(3))));
        assert_eq!(check(&pickup, &["07.05.2026"]), None, "the earliest day itself is allowed");
        assert_eq!(check(&pickup, &["2026-06-03"]), None, "the latest day itself is allowed");
        assert_eq!(check(&pickup, &["04.06.2026"]), Some(Problem::TooLate(today().plus(30))));
        for bad in ["31.02.2026", "morgen", "2026-13-01", "5.6."] {
            assert_eq!(check(&pickup, &[bad]), Some(Problem::NotADate), "{bad}");
        }
        let born = field(FieldKind::Date, true, Limits { latest_in_days: Some(0), ..Limits::default() });
        assert_eq!(check(&born, &["04.05.2026"]), None);
        assert_eq!(check(&born, &["05.05.2026"]), Some(Problem::TooLate(today())));
        assert_eq!(check(&born, &["01.01.1920"]), None);
        assert_eq!(message(&pickup, &Problem::TooEarly(today().plus(3)), Lang::De), "„Feld“ darf nicht vor dem 07.05.2026 liegen.");
        assert_eq!(message(&pickup, &Problem::TooLate(today().plus(30)), Lang::En), "“Field” must be on or before 2026-06-03.");
    }

    #[test]
    fn emails_and_phone_numbers_are_plausible() {
        let email = field(FieldKind::Email, true, Limits::default());
        for good in ["erika.muster@example.org", "a@b.de", " info@wolfsburg.example "] {
            assert_eq!(check(&email, &[good]), None, "{good}");
        }
        for bad in ["erika", "erika@", "@wolfsburg.de", "erika@wolfsburg", "erika@@wolfsburg.de", "erika muster@example.org", "a@b..de", "a@.b.de", "<a@b.de>"] {
            assert_eq!(check(&email, &[bad]), Some(Problem::NotAnEmail), "{bad}");
        }
        let phone = field(FieldKind::Phone, true, Limits::default());
        for good in ["05361 28-0", "+49 (5361) 28 12 34", "0151/23456789"] {
            assert_eq!(check(&phone, &[good]), None, "{good}");
        }
        for bad in ["12345", "0536128abc", "+49 5361 28 12 34 56 78 90 12 34", "115!"] {
            assert_eq!(check(&phone, &[bad]), Some(Problem::NotAPhone), "{bad}");
        }
    }

    #[test]
    fn choices_take_only_what_they_offer() {
        let single = choice(FieldKind::SingleChoice);
        assert_eq!(check(&single, &["gruen"]), None);
        assert_eq!(check(&single, &["lila"]), Some(Problem::UnknownChoice));
        assert_eq!(check(&single, &["rot", "blau"]), Some(Problem::UnknownChoice), "one answer only");
        let multiple = choice(FieldKind::MultipleChoice);
        assert_eq!(check(&multiple, &["rot", "blau"]), None);
        assert_eq!(check(&multiple, &["rot", "lila"]), Some(Problem::UnknownChoice));
        let yes_no = field(FieldKind::YesNo, true, Limits::default());
        assert_eq!(check(&yes_no, &["ja"]), None);
        assert_eq!(check(&yes_no, &["nein"]), None);
        assert_eq!(check(&yes_no, &["vielleicht"]), Some(Problem::UnknownChoice));
        assert_eq!(check(&yes_no, &["Ja"]), Some(Problem::UnknownChoice));
        assert_eq!(message(&single, &Problem::Missing, Lang::De), "Bitte wählen Sie bei „Feld“ eine Antwort aus.");
    }

    #[test]
    fn addresses_need_all_three_parts_and_a_postcode() {
        let address = field(FieldKind::Address, true, Limits::default());
        assert_eq!(check(&address, &["Porschestraße 1", "38440", "Wolfsburg"]), None);
        assert_eq!(check(&address, &["Porschestraße 1", "", "Wolfsburg"]), Some(Problem::IncompleteAddress));
        assert_eq!(check(&address, &["Porschestraße 1", "38440"]), Some(Problem::IncompleteAddress));
        for postcode in ["3844", "384400", "38a40", "３８４４０"] {
            assert_eq!(check(&address, &["Porschestraße 1", postcode, "Wolfsburg"]), Some(Problem::NotAPostcode), "{postcode}");
        }
        assert_eq!(check(&address, &[&"x".repeat(101), "38440", "Wolfsburg"]), Some(Problem::TooLong(100)));
        let optional = field(FieldKind::Address, false, Limits::default());
        assert_eq!(check(&optional, &["", " ", ""]), None);
        assert_eq!(check(&optional, &["", "38440", ""]), Some(Problem::IncompleteAddress), "begun is begun");
        assert_eq!(message(&address, &Problem::NotAPostcode, Lang::En), "The postcode must be five digits, like 38440.");
    }

    #[test]
    fn file_fields_count_their_uploads() {
        let upload = field(FieldKind::File, true, Limits { max_files: Some(2), ..Limits::default() });
        assert_eq!(check_files(&upload, 0), Some(Problem::Missing));
        assert_eq!(check_files(&upload, 2), None);
        assert_eq!(check_files(&upload, 3), Some(Problem::TooManyFiles(2)));
        let optional = field(FieldKind::File, false, Limits::default());
        assert_eq!(check_files(&optional, 0), None);
        assert_eq!(check_files(&optional, 6), Some(Problem::TooManyFiles(5)), "the default maximum");
        assert_eq!(message(&upload, &Problem::Missing, Lang::En), "Upload a file: “Field”.");
    }

    #[test]
    fn a_page_check_skips_hidden_fields_and_names_each_problem() {
        let mut devices = choice(FieldKind::MultipleChoice);
        devices.id = "geraete".into();
        devices.show_if = Some(ShowIf { field: "elektro".into(), any_of: vec!["ja".into()] });
        let mut electric = field(FieldKind::YesNo, true, Limits::default());
        electric.id = "elektro".into();
        let mut upload = field(FieldKind::File, true, Limits::default());
        upload.id = "foto".into();
        let page = FormPage { id: "seite".into(), title: text("Seite", "Page"), fields: vec![electric, devices, upload] };
        let files = |id: &str| usize::from(id == "foto");
        let answer = |value: &str| Answers([("elektro".to_string(), vec![value.to_string()])].into_iter().collect());

        assert_eq!(check_page(&page, &answer("nein"), &files, today(), Lang::De), Vec::new());
        let problems = check_page(&page, &answer("ja"), &|_| 0, today(), Lang::De);
        let found: Vec<(&str, &Problem)> = problems.iter().map(|p| (p.field.as_str(), &p.problem)).collect();
        assert_eq!(found, vec![("geraete", &Problem::Missing), ("foto", &Problem::Missing)]);
        assert_eq!(problems[1].message, "Bitte laden Sie eine Datei hoch: „Feld“.");
        let problems = check_page(&page, &Answers::default(), &files, today(), Lang::En);
        assert_eq!(problems.len(), 1);
        assert_eq!((problems[0].field.as_str(), &problems[0].problem), ("elektro", &Problem::Missing));
        assert_eq!(problems[0].message, "Select an answer for “Field”.");
    }

    #[test]
    fn every_problem_has_a_message_in_both_languages() {
        let day = today();
        let problems = [
            Problem::Missing,
            Problem::TooShort(3),
            Problem::TooLong(5),
            Problem::Pattern("x".into()),
            Problem::NotANumber,
            Problem::BelowMinimum(1.5),
            Problem::AboveMaximum(10.0),
            Problem::NotADate,
            Problem::TooEarly(day),
            Problem::TooLate(day),
            Problem::NotAnEmail,
            Problem::NotAPhone,
            Problem::UnknownChoice,
            Problem::IncompleteAddress,
            Problem::NotAPostcode,
            Problem::TooManyFiles(2),
        ];
        let field = field(FieldKind::Text, true, Limits::default());
        for problem in &problems {
            for lang in Lang::ALL {
                let text = message(&field, problem, lang);
                assert!(!text.trim().is_empty() && !text.contains("{{"), "{problem:?} {lang:?}: {text}");
            }
        }
    }
}
