//! The request forms of the demo services (`app/data/demo/forms.json`), compiled in like the
//! demo catalogue. Keyed by the service's German slug; every form ends with the `kontakt` page
//! (`name`, `email`, optionally `telefon`) that confirmation and status mails rely on.

use super::form::FormDefinition;
use std::collections::BTreeMap;

const FORMS: &str = include_str!("../../data/demo/forms.json");

/// The demo forms by service slug, in slug order.
pub fn demo_forms() -> Result<Vec<(String, FormDefinition)>, String> {
    let forms: BTreeMap<String, FormDefinition> = serde_json::from_str(FORMS).map_err(|e| format!("demo forms.json: {e}"))?;
    Ok(forms.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::requests::answers::Answers;
    use crate::requests::date::Day;
    use crate::requests::form::{Field, FieldKind};
    use crate::requests::validate::{check_field, Problem};
    use std::collections::BTreeSet;

    fn forms() -> Vec<(String, FormDefinition)> {
        demo_forms().expect("the demo forms parse")
    }

    fn fields_of(forms: &[(String, FormDefinition)]) -> impl Iterator<Item = (&str, &Field)> {
        forms.iter().flat_map(|(slug, form)| form.fields().map(move |field| (slug.as_str(), field)))
    }

    #[test]
    fn every_demo_form_parses_and_has_no_problems() {
        let forms = forms();
        assert!(forms.len() >= 12, "only {} demo forms", forms.len());
        for (slug, form) in &forms {
            assert_eq!(form.problems(), Vec::<String>::new(), "{slug}");
            assert!((2..=4).contains(&form.pages.len()), "{slug} has {} pages", form.pages.len());
            let pages: BTreeSet<&str> = form.pages.iter().map(|page| page.id.as_str()).collect();
            for field in form.fields() {
                assert!(!pages.contains(field.id.as_str()), "{slug}: field {} has a page's id", field.id);
                let values: BTreeSet<&str> = field.options.iter().map(|option| option.value.as_str()).collect();
                assert_eq!(values.len(), field.options.len(), "{slug}: options of {} repeat a value", field.id);
            }
        }
        let slugs: Vec<&str> = forms.iter().map(|(slug, _)| slug.as_str()).collect();
        assert!(slugs.windows(2).all(|pair| pair[0] < pair[1]), "not in slug order: {slugs:?}");
    }

    #[test]
    fn the_named_services_have_forms() {
        let forms = forms();
        for slug in [
            "sperrmuell-anmelden",
            "melderegisterauskunft",
            "wunschkennzeichen-reservieren",
            "hundesteuer-anmelden",
            "fundsache-abgeben",
            "bewohnerparkausweis",
            "geburtsurkunde-beantragen",
            "gewerbe-anmelden",
            "halteverbot-umzug-beantragen",
            "laermbeschwerde-melden",
            "kita-platz-beantragen",
            "verlorenes-suchen",
        ] {
            assert!(forms.iter().any(|(s, _)| s == slug), "no form for {slug}");
        }
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn every_form_belongs_to_an_online_demo_service() {
        use crate::catalogue::{demo_catalogue, Availability, VersionStatus};
        let catalogue = demo_catalogue().expect("the demo catalogue parses");
        for (slug, _) in forms() {
            let service = catalogue.services.iter().find(|service| service.slug_de == slug);
            let service = service.unwrap_or_else(|| panic!("{slug} is not a demo service"));
            let published = service.versions.iter().rev().find(|version| version.status == VersionStatus::Published);
            let published = published.unwrap_or_else(|| panic!("{slug} has no published version"));
            assert_eq!(published.content.availability, Availability::Online, "{slug} takes no online requests");
        }
    }

    #[test]
    fn every_form_ends_with_the_contact_page() {
        for (slug, form) in forms() {
            let last = form.pages.last().expect("pages");
            assert_eq!(last.id, "kontakt", "{slug}");
            let field = |id: &str| last.fields.iter().find(|field| field.id == id);
            let name = field("name").unwrap_or_else(|| panic!("{slug}: no name"));
            assert!(name.kind == FieldKind::Text && name.required, "{slug}: name must be a required text");
            let email = field("email").unwrap_or_else(|| panic!("{slug}: no email"));
            assert_eq!(email.kind, FieldKind::Email, "{slug}");
            assert!(!email.hint.de.trim().is_empty(), "{slug}: the email field says what it is for");
            if let Some(phone) = field("telefon") {
                assert_eq!(phone.kind, FieldKind::Phone, "{slug}");
            }
        }
    }

    #[test]
    fn the_forms_use_everything_the_form_model_offers() {
        let forms = forms();
        for kind in FieldKind::ALL {
            assert!(fields_of(&forms).any(|(_, field)| field.kind == kind), "no form asks a {kind:?} question");
        }
        let forms_with = |test: &dyn Fn(&Field) -> bool| forms.iter().filter(|(_, form)| form.fields().any(test)).count();
        assert!(forms_with(&|field| field.show_if.is_some()) >= 5);
        assert!(forms_with(&|field| field.kind == FieldKind::File) >= 4);
        assert!(forms_with(&|field| field.kind == FieldKind::SingleChoice && field.options.len() >= 3) >= 1);
        assert!(forms_with(&|field| field.limits.pattern.is_some() && !field.limits.pattern_message.de.is_empty()) >= 1);
        assert!(forms_with(&|field| field.limits.earliest_in_days.is_some_and(|days| days >= 3)) >= 1);
        assert!(forms_with(&|field| field.limits.latest_in_days == Some(0)) >= 1);
        let easy = forms.iter().filter(|(_, form)| form.fields().all(|field| !field.label.ls.is_empty())).count();
        assert!(easy >= 3, "only {easy} forms have Leichte Sprache labels");
    }

    #[test]
    fn every_text_is_in_german_and_english_and_limits_fit_their_kind() {
        let forms = forms();
        for (slug, form) in &forms {
            for page in &form.pages {
                assert!(!page.title.en.trim().is_empty(), "{slug}: page {} has no English title", page.id);
            }
        }
        for (slug, field) in fields_of(&forms) {
            let id = &field.id;
            assert!(!field.label.en.trim().is_empty(), "{slug}: {id} has no English label");
            assert_eq!(field.hint.de.trim().is_empty(), field.hint.en.trim().is_empty(), "{slug}: {id} hint de/en");
            assert!(field.options.iter().all(|option| !option.label.en.is_empty()), "{slug}: {id} option without English");
            let limits = &field.limits;
            let text = matches!(field.kind, FieldKind::Text | FieldKind::LongText);
            assert!(text || (limits.min_length.is_none() && limits.max_length.is_none() && limits.pattern.is_none()), "{slug}: {id}");
            assert_eq!(limits.pattern.is_some(), !limits.pattern_message.de.is_empty(), "{slug}: {id} pattern needs a message");
            assert!(limits.pattern_message.de.is_empty() || !limits.pattern_message.en.is_empty(), "{slug}: {id}");
            assert!(field.kind == FieldKind::Number || (limits.min.is_none() && limits.max.is_none()), "{slug}: {id}");
            if let (Some(min), Some(max)) = (limits.min, limits.max) {
                assert!(min <= max, "{slug}: {id}");
            }
            let date = field.kind == FieldKind::Date;
            assert!(date || (limits.earliest_in_days.is_none() && limits.latest_in_days.is_none()), "{slug}: {id}");
            if let (Some(earliest), Some(latest)) = (limits.earliest_in_days, limits.latest_in_days) {
                assert!(earliest <= latest, "{slug}: {id}");
            }
            let file = field.kind == FieldKind::File;
            assert!(file || (limits.max_files.is_none() && limits.max_file_bytes.is_none() && limits.file_types.is_empty()), "{slug}: {id}");
            if file {
                assert!(limits.max_files.is_some() && limits.max_file_bytes.is_some() && !limits.file_types.is_empty(), "{slug}: {id}");
                assert!(field.max_file_bytes() == limits.max_file_bytes.unwrap_or_default(), "{slug}: {id} above the hard ceiling");
            }
        }
    }

    #[test]
    fn every_conditional_field_shows_exactly_when_its_condition_is_answered() {
        for (slug, form) in forms() {
            for field in form.fields() {
                let Some(rule) = &field.show_if else { continue };
                assert!(!Answers::default().shows(field), "{slug}: {} shows unanswered", field.id);
                let source = form.field(&rule.field).expect("problems() checked the source");
                let offered: Vec<String> = match source.kind {
                    FieldKind::YesNo => vec!["ja".into(), "nein".into()],
                    _ => source.options.iter().map(|option| option.value.clone()).collect(),
                };
                for value in offered {
                    let answers = Answers([(rule.field.clone(), vec![value.clone()])].into_iter().collect());
                    let expected = rule.any_of.contains(&value);
                    assert_eq!(answers.shows(field), expected, "{slug}: {} when {} = {value}", field.id, rule.field);
                    assert_eq!(answers.without_hidden(&form).shows(field), expected, "{slug}: {}", field.id);
                }
            }
        }
    }

    #[test]
    fn the_patterns_take_what_their_hints_promise() {
        let forms = forms();
        let field = |slug: &str, id: &str| {
            let form = &forms.iter().find(|(s, _)| s == slug).expect("form").1;
            form.field(id).expect("field").clone()
        };
        let today = Day::from_ymd(2026, 5, 4).expect("a date");
        let check = |field: &Field, text: &str| check_field(field, &[text.to_string()], today);
        let plate = field("wunschkennzeichen-reservieren", "wunschkennzeichen");
        for good in ["WOB-AB 123", "WOB-K 2024", "wob-ab 123", "WOB AB123", "WOBX1", "WOB-AB 123E", "WOB-H 1H"] {
            assert_eq!(check(&plate, good), None, "{good}");
        }
        for bad in ["WOB-ABC 1", "WOB-AB 1234", "WOB-A 0123", "GF-AB 123", "WOB-AB", "WOB-Ä 12", "WOB-AB 123 X"] {
            assert!(matches!(check(&plate, bad), Some(Problem::Pattern(_))), "{bad}");
        }
        let parked = field("bewohnerparkausweis", "kennzeichen");
        for good in ["WOB-XY 456", "GF-A 1", "BS-ZZ 9999", "HE-ab 12H"] {
            assert_eq!(check(&parked, good), None, "{good}");
        }
        assert!(matches!(check(&parked, "WOB-XY"), Some(Problem::Pattern(_))));
        let chip = field("hundesteuer-anmelden", "chipnummer");
        assert_eq!(check(&chip, "276098106543210"), None);
        assert!(matches!(check(&chip, "276 098 106 543 210"), Some(Problem::Pattern(_))));
        let pickup = field("sperrmuell-anmelden", "wunschtermin");
        assert_eq!(check(&pickup, "06.05.2026"), Some(Problem::TooEarly(today.plus(3))));
        assert_eq!(check(&pickup, "07.05.2026"), None);
        let amount = field("sperrmuell-anmelden", "menge");
        assert_eq!(check(&amount, "2,5"), None);
        assert_eq!(check(&amount, "6"), Some(Problem::AboveMaximum(5.0)));
    }
}
