//! The rules an entry must meet on its own, before the database is asked (uniqueness, parents
//! and featured services are checked in the write transaction).

use super::error::{FieldProblem, Problem};
use crate::catalogue::db::is_slug;
use crate::catalogue::hours_text::{check_exceptions, check_hours};
use crate::catalogue::model::{LifeSituation, Localized, Office, SynonymGroups, Topic};
use crate::catalogue::synonyms_text::check_synonyms;

/// Longest name, street or city, in characters.
const MAX_NAME: usize = 200;
/// Longest description or accessibility text, in characters.
const MAX_TEXT: usize = 2000;
/// Longest phone number, in characters.
const MAX_PHONE: usize = 40;

/// Field names of the three versions of a name.
const NAME: [&str; 3] = ["name.de", "name.en", "name.ls"];
/// Field names of the three versions of a description.
const DESCRIPTION: [&str; 3] = ["description.de", "description.en", "description.ls"];
/// Field names of the three versions of the accessibility text.
const ACCESSIBILITY: [&str; 3] = ["accessibility.de", "accessibility.en", "accessibility.ls"];

/// Collects the problems of one entry.
#[derive(Default)]
struct Problems(Vec<FieldProblem>);

impl Problems {
    fn add(&mut self, field: &'static str, problem: Problem) {
        self.0.push(FieldProblem { field, problem });
    }

    fn slugs(&mut self, slug_de: &str, slug_en: &str) {
        for (field, slug) in [("slug_de", slug_de), ("slug_en", slug_en)] {
            if slug.trim().is_empty() {
                self.add(field, Problem::Missing);
            } else if !is_slug(slug) {
                self.add(field, Problem::NotASlug);
            }
        }
        if is_slug(slug_de) && slug_de == slug_en {
            self.add("slug_en", Problem::SameAsGermanSlug);
        }
    }

    fn text(&mut self, field: &'static str, text: &str, required: bool, max: usize) {
        if required && text.trim().is_empty() {
            self.add(field, Problem::Missing);
        } else if text.chars().count() > max {
            self.add(field, Problem::TooLong { max });
        }
    }

    fn localized(&mut self, fields: [&'static str; 3], text: &Localized, german_required: bool, max: usize) {
        self.text(fields[0], &text.de, german_required, max);
        self.text(fields[1], &text.en, false, max);
        self.text(fields[2], &text.ls, false, max);
    }

    fn range(&mut self, field: &'static str, value: f64, limit: i64) {
        if !(-(limit as f64)..=limit as f64).contains(&value) {
            self.add(field, Problem::OutOfRange { min: -limit, max: limit });
        }
    }
}

/// What is wrong with a topic on its own.
pub(super) fn topic(topic: &Topic) -> Vec<FieldProblem> {
    let mut problems = Problems::default();
    problems.slugs(&topic.slug_de, &topic.slug_en);
    problems.localized(NAME, &topic.name, true, MAX_NAME);
    problems.localized(DESCRIPTION, &topic.description, false, MAX_TEXT);
    problems.0
}

/// What is wrong with a life situation on its own (its parent is checked in the database).
pub(super) fn life_situation(situation: &LifeSituation) -> Vec<FieldProblem> {
    let mut problems = Problems::default();
    problems.slugs(&situation.slug_de, &situation.slug_en);
    problems.localized(NAME, &situation.name, true, MAX_NAME);
    problems.localized(DESCRIPTION, &situation.description, false, MAX_TEXT);
    problems.0
}

/// What is wrong with an office on its own.
pub(super) fn office(office: &Office) -> Vec<FieldProblem> {
    let mut problems = Problems::default();
    problems.slugs(&office.slug_de, &office.slug_en);
    problems.localized(NAME, &office.name, true, MAX_NAME);
    problems.text("street", &office.street, true, MAX_NAME);
    if office.postcode.trim().is_empty() {
        problems.add("postcode", Problem::Missing);
    } else if office.postcode.len() != 5 || !office.postcode.bytes().all(|b| b.is_ascii_digit()) {
        problems.add("postcode", Problem::Postcode);
    }
    problems.text("city", &office.city, true, MAX_NAME);
    problems.range("latitude", office.latitude, 90);
    problems.range("longitude", office.longitude, 180);
    if !office.phone.is_empty() && !plausible_phone(&office.phone) {
        problems.add("phone", Problem::Phone);
    }
    if !office.email.is_empty() && !plausible_email(&office.email) {
        problems.add("email", Problem::Email);
    }
    if let Err(lines) = check_hours(&office.hours) {
        problems.add("hours", Problem::Lines(lines));
    }
    if let Err(lines) = check_exceptions(&office.exceptions) {
        problems.add("exceptions", Problem::Lines(lines));
    }
    problems.localized(ACCESSIBILITY, &office.accessibility, false, MAX_TEXT);
    problems.0
}

/// What is wrong with the synonym groups.
pub(super) fn synonyms(groups: &SynonymGroups) -> Vec<FieldProblem> {
    let mut problems = Problems::default();
    for (field, groups) in [("synonyms.de", &groups.de), ("synonyms.en", &groups.en)] {
        if let Err(lines) = check_synonyms(groups) {
            problems.add(field, Problem::Lines(lines));
        }
    }
    problems.0
}

/// What is wrong with the list of featured services on its own: bad or repeated slugs.
pub(super) fn featured(slugs: &[String]) -> Vec<FieldProblem> {
    let mut problems = Problems::default();
    for (index, slug) in slugs.iter().enumerate() {
        if !is_slug(slug) {
            problems.add("featured", Problem::UnknownService { slug: slug.clone() });
        } else if slugs[..index].contains(slug) {
            problems.add("featured", Problem::Duplicate { slug: slug.clone() });
        }
    }
    problems.0
}

/// An address the office's `mailto:` link can use: one `@`, a dot in the domain, no spaces or
/// characters that would change the link.
fn plausible_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    let safe = |part: &str| !part.is_empty() && part.chars().all(|c| c.is_alphanumeric() || "._%+-".contains(c));
    email.len() <= 254
        && safe(local)
        && safe(domain)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
}

/// A number as dialled: digits, spaces and `+ - / ( )`, at least three digits.
fn plausible_phone(phone: &str) -> bool {
    phone.chars().count() <= MAX_PHONE
        && phone.chars().all(|c| c.is_ascii_digit() || " +-/()".contains(c))
        && phone.chars().filter(char::is_ascii_digit).count() >= 3
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::model::{DayHours, HoursException};

    fn office_fixture() -> Office {
        Office {
            slug_de: "buergerbuero".into(),
            slug_en: "citizen-office".into(),
            name: Localized { de: "Bürgerbüro".into(), ..Localized::default() },
            street: "Porschestraße 49".into(),
            postcode: "38440".into(),
            city: "Wolfsburg".into(),
            latitude: 52.42,
            longitude: 10.78,
            phone: "+49 5361 28-0".into(),
            email: "buergerbuero@stadt.wolfsburg.de".into(),
            hours: vec![DayHours { weekday: 1, intervals: vec![("08:00".into(), "12:00".into())], note: Localized::default() }],
            exceptions: vec![HoursException { date: "2026-12-24".into(), intervals: vec![], reason: Localized::default() }],
            accessibility: Localized::default(),
        }
    }

    fn fields(problems: &[FieldProblem]) -> Vec<&'static str> {
        problems.iter().map(|p| p.field).collect()
    }

    #[test]
    fn a_complete_office_passes() {
        assert_eq!(office(&office_fixture()), vec![]);
    }

    #[test]
    fn every_bad_office_field_is_named() {
        let mut bad = office_fixture();
        bad.slug_de = "Bürgerbüro".into();
        bad.slug_en = String::new();
        bad.name.de = "  ".into();
        bad.street = String::new();
        bad.postcode = "3844".into();
        bad.city = String::new();
        bad.latitude = 91.0;
        bad.longitude = f64::NAN;
        bad.phone = "call me".into();
        bad.email = "buergerbuero@wolfsburg".into();
        bad.hours[0].intervals[0].1 = "07:00".into();
        bad.exceptions[0].date = "2026-02-30".into();
        let problems = office(&bad);
        assert_eq!(
            fields(&problems),
            ["slug_de", "slug_en", "name.de", "street", "postcode", "city", "latitude", "longitude", "phone", "email", "hours", "exceptions"]
        );
        assert_eq!(problems[1].problem, Problem::Missing);
        assert_eq!(problems[4].problem, Problem::Postcode);
        assert_eq!(problems[6].problem, Problem::OutOfRange { min: -90, max: 90 });
        assert!(matches!(&problems[10].problem, Problem::Lines(lines) if lines[0].line == 1));
        for problem in &problems {
            assert!(!problem.message_de().is_empty());
        }
    }

    #[test]
    fn emails_must_be_plausible() {
        for good in ["a@b.de", "kfz-zulassung@stadt.wolfsburg.de", "first.last+tag@example.org"] {
            assert!(plausible_email(good), "{good}");
        }
        for bad in ["", "a", "a@b", "@b.de", "a@.de", "a@b.de.", "a b@c.de", "a@b..de", "a@b.de?subject=x", "a@b@c.de", "a,b@c.de"] {
            assert!(!plausible_email(bad), "{bad}");
        }
    }

    #[test]
    fn slugs_names_and_lengths() {
        let mut topic_fixture = Topic {
            slug_de: "bauen".into(),
            slug_en: "bauen".into(),
            name: Localized { de: "Bauen".into(), en: "x".repeat(MAX_NAME + 1), ls: String::new() },
            description: Localized::default(),
            position: 1,
        };
        let problems = topic(&topic_fixture);
        assert_eq!(fields(&problems), ["slug_en", "name.en"]);
        assert_eq!(problems[0].problem, Problem::SameAsGermanSlug);
        assert_eq!(problems[1].problem, Problem::TooLong { max: MAX_NAME });
        topic_fixture.slug_en = "building".into();
        topic_fixture.name.en = "Building".into();
        assert_eq!(topic(&topic_fixture), vec![]);
    }

    #[test]
    fn featured_slugs_are_unique() {
        let slugs = ["a".to_string(), "b".into(), "a".into(), "Nicht Gut".into()];
        let problems = featured(&slugs);
        assert_eq!(problems[0].problem, Problem::Duplicate { slug: "a".into() });
        assert_eq!(problems[1].problem, Problem::UnknownService { slug: "Nicht Gut".into() });
    }
}
