//! The catalogue's data: services (Leistungen), topics, life situations and offices, with their
//! texts in German, English and Leichte Sprache. Modelled on the federal FIM catalogue so an
//! XZuFi exchange can map one to one (see `shared/DOMAIN.md`).

use serde::{Deserialize, Serialize};

/// A text in the portal's three language versions. An empty string means "not written yet";
/// German is always present.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Localized {
    /// German (the default and the legally binding version).
    pub de: String,
    /// English.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub en: String,
    /// Leichte Sprache (`de-x-ls`), easy-to-read German.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub ls: String,
}

/// How a service can be requested.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Availability {
    /// Fully online: "Online beantragen".
    Online,
    /// Needs an appointment at an office: "Termin vereinbaren".
    Appointment,
    /// Only in person, no appointment: "Persönlich vorsprechen".
    #[default]
    InPerson,
}

/// One item of "Was kostet das?".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cost {
    /// What the fee is for, e.g. "Personalausweis für Personen ab 24 Jahren".
    pub label: Localized,
    /// The fee in euro cents; 0 for free of charge.
    pub amount_cents: i64,
    /// Upper end when the fee is a range (e.g. 10 to 50 euros).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_amount_cents: Option<i64>,
    /// Extra information, e.g. how to pay.
    #[serde(default)]
    pub note: Localized,
}

/// One item of "Welche Fristen gibt es?".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    /// What must happen by when, e.g. "Anmeldung nach dem Einzug".
    pub label: Localized,
    /// The period in days, when it is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<i64>,
    /// Details.
    #[serde(default)]
    pub note: Localized,
}

/// "Wie lange dauert es?": drives the expected decision date of online requests.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProcessingTime {
    /// Usual duration in calendar days (0 = immediately, at the counter).
    pub days: i64,
    /// Longest usual duration, when it varies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_days: Option<i64>,
    /// Explanation, e.g. "Der Ausweis wird in der Bundesdruckerei hergestellt."
    #[serde(default)]
    pub note: Localized,
}

/// A law or regulation the service rests on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegalBasis {
    /// Citation, e.g. "§ 9 Personalausweisgesetz (PAuswG)".
    pub title: Localized,
    /// Link to the text, e.g. on gesetze-im-internet.de.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// Everything residents read about a service; one of these per version.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceContent {
    /// 14-digit federal catalogue key (Leistungsschlüssel), when the service has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leika_key: Option<String>,
    /// Plain title ("Leistungsbezeichnung II"), the page heading.
    pub title: Localized,
    /// Legal name, the subtitle.
    #[serde(default)]
    pub official_title: Localized,
    /// One or two sentences for cards and search results.
    pub teaser: Localized,
    /// The description; paragraphs separated by blank lines.
    pub description: Localized,
    /// "Wer kann das beantragen?": one item per condition.
    #[serde(default)]
    pub requirements: Vec<Localized>,
    /// "Welche Unterlagen brauche ich?": the checklist.
    #[serde(default)]
    pub documents: Vec<Localized>,
    /// "Was kostet das?".
    #[serde(default)]
    pub costs: Vec<Cost>,
    /// "Welche Fristen gibt es?".
    #[serde(default)]
    pub deadlines: Vec<Deadline>,
    /// "Wie lange dauert es?".
    #[serde(default)]
    pub processing_time: ProcessingTime,
    /// "So läuft es ab": the steps in order.
    #[serde(default)]
    pub procedure: Vec<Localized>,
    /// "Rechtsgrundlagen".
    #[serde(default)]
    pub legal_bases: Vec<LegalBasis>,
    /// "Rechtsbehelf": how to object to a decision.
    #[serde(default)]
    pub appeal: Localized,
    /// Words residents search with ("Perso", "Ummeldung"); comma-free items.
    #[serde(default)]
    pub synonyms: Vec<Localized>,
    /// How the service can be requested.
    #[serde(default)]
    pub availability: Availability,
    /// Responsible offices (Zuständige Stelle), by slug.
    #[serde(default)]
    pub offices: Vec<String>,
    /// Topics the service is listed under, by slug.
    #[serde(default)]
    pub topics: Vec<String>,
    /// Life situations the service belongs to, by slug.
    #[serde(default)]
    pub life_situations: Vec<String>,
}

/// Where a version is in the editorial workflow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VersionStatus {
    /// Being written.
    Draft,
    /// Waiting for a publisher.
    InReview,
    /// The version residents see (at most one per service).
    Published,
    /// Replaced by a later published version, or withdrawn.
    Archived,
}

impl VersionStatus {
    /// The name stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            VersionStatus::Draft => "draft",
            VersionStatus::InReview => "in_review",
            VersionStatus::Published => "published",
            VersionStatus::Archived => "archived",
        }
    }

    /// Parses a stored name.
    pub fn parse(value: &str) -> Option<VersionStatus> {
        [VersionStatus::Draft, VersionStatus::InReview, VersionStatus::Published, VersionStatus::Archived]
            .into_iter()
            .find(|s| s.as_str() == value)
    }
}

/// One version of a service listing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceVersion {
    /// 1, 2, 3 … per service.
    pub number: i64,
    /// Workflow state.
    pub status: VersionStatus,
    /// The texts and facts.
    pub content: ServiceContent,
    /// When the version was created (Unix seconds).
    pub created_at: i64,
    /// Who created it (email or "import"/"seed").
    pub created_by: String,
    /// When it was approved for publication (Unix seconds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_at: Option<i64>,
    /// Who approved it ("fachlich freigegeben durch").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_by: Option<String>,
    /// When the content was last changed (Unix seconds); `None` means at creation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<i64>,
    /// Who changed the content last; `None` means the creator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_by: Option<String>,
    /// The note a reviewer left when returning the version to draft.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub review_note: String,
}

/// A service with all its versions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Service {
    /// German URL slug, e.g. `personalausweis-beantragen`.
    pub slug_de: String,
    /// English URL slug, e.g. `apply-for-an-id-card`.
    pub slug_en: String,
    /// Every version, oldest first.
    pub versions: Vec<ServiceVersion>,
}

/// A topic ("Bürgerservice", "Verkehr"), a flat list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Topic {
    /// Stable identifier and German URL slug.
    pub slug_de: String,
    /// English URL slug.
    pub slug_en: String,
    /// Name.
    pub name: Localized,
    /// One sentence about what the topic covers.
    #[serde(default)]
    pub description: Localized,
    /// Position in lists (ascending).
    #[serde(default)]
    pub position: i64,
}

/// A life situation ("Umzug", "Geburt"); a tree through `parent`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LifeSituation {
    /// Stable identifier and German URL slug.
    pub slug_de: String,
    /// English URL slug.
    pub slug_en: String,
    /// The broader situation, by slug.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Name.
    pub name: Localized,
    /// One sentence about the situation.
    #[serde(default)]
    pub description: Localized,
    /// Position among its siblings (ascending).
    #[serde(default)]
    pub position: i64,
}

/// Opening hours of one weekday: a list of (opens, closes) as "HH:MM".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayHours {
    /// 1 = Monday … 7 = Sunday (ISO 8601).
    pub weekday: i64,
    /// Opening intervals, e.g. [["08:00", "12:00"], ["14:00", "18:00"]].
    pub intervals: Vec<(String, String)>,
    /// "nur mit Termin" and similar.
    #[serde(default)]
    pub note: Localized,
}

/// A day with different hours (public holiday, staff meeting).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HoursException {
    /// The date, "YYYY-MM-DD".
    pub date: String,
    /// Intervals that day; empty when closed.
    #[serde(default)]
    pub intervals: Vec<(String, String)>,
    /// Why, e.g. "Heiligabend".
    pub reason: Localized,
}

/// An office residents visit or contact (Zuständige Stelle).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Office {
    /// Stable identifier and German URL slug.
    pub slug_de: String,
    /// English URL slug.
    pub slug_en: String,
    /// Name, e.g. "Bürgerbüro Mitte".
    pub name: Localized,
    /// Street and number.
    pub street: String,
    /// Postcode.
    pub postcode: String,
    /// City.
    pub city: String,
    /// Latitude (WGS 84).
    pub latitude: f64,
    /// Longitude (WGS 84).
    pub longitude: f64,
    /// Phone number as dialled, e.g. "+49 5361 28-0".
    #[serde(default)]
    pub phone: String,
    /// Email address.
    #[serde(default)]
    pub email: String,
    /// Regular opening hours.
    #[serde(default)]
    pub hours: Vec<DayHours>,
    /// Days with different hours.
    #[serde(default)]
    pub exceptions: Vec<HoursException>,
    /// Step-free access, lift, accessible toilet, induction loop, parking.
    #[serde(default)]
    pub accessibility: Localized,
}

/// The whole catalogue, as exported and imported (`rathaus export` / `rathaus import`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Catalogue {
    /// Format version of this file; 1 for now.
    pub format: i64,
    /// Services the home page features as "frequently requested", by German slug, in order.
    #[serde(default)]
    pub featured: Vec<String>,
    /// Topics.
    pub topics: Vec<Topic>,
    /// Life situations.
    pub life_situations: Vec<LifeSituation>,
    /// Offices.
    pub offices: Vec<Office>,
    /// Services with their version history.
    pub services: Vec<Service>,
    /// Words residents use interchangeably, for search.
    #[serde(default)]
    pub synonyms: SynonymGroups,
}

/// Groups of words residents use interchangeably (`["auto", "kfz", "fahrzeug"]`), per
/// language. A search for one word of a group also finds the others.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SynonymGroups {
    /// German groups.
    #[serde(default)]
    pub de: Vec<Vec<String>>,
    /// English groups.
    #[serde(default)]
    pub en: Vec<Vec<String>>,
}

/// Which version of a text a page shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Variant {
    /// German.
    #[default]
    De,
    /// English.
    En,
    /// Leichte Sprache.
    Ls,
}

impl Variant {
    /// The `lang` attribute of this variant.
    pub fn lang_code(self) -> &'static str {
        match self {
            Variant::De => "de",
            Variant::En => "en",
            Variant::Ls => "de-x-ls",
        }
    }
}

impl From<crate::i18n::Lang> for Variant {
    fn from(lang: crate::i18n::Lang) -> Self {
        match lang {
            crate::i18n::Lang::De => Variant::De,
            crate::i18n::Lang::En => Variant::En,
        }
    }
}

impl Localized {
    /// The text in `variant`, falling back to German when that version is not written yet.
    /// The second value is the variant actually returned, for the `lang` attribute.
    pub fn get(&self, variant: Variant) -> (&str, Variant) {
        let wanted = match variant {
            Variant::De => &self.de,
            Variant::En => &self.en,
            Variant::Ls => &self.ls,
        };
        if wanted.trim().is_empty() {
            (&self.de, Variant::De)
        } else {
            (wanted, variant)
        }
    }

    /// The text in `variant` or German.
    pub fn text(&self, variant: Variant) -> &str {
        self.get(variant).0
    }
}
