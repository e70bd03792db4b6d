//! What can go wrong when staff edit the taxonomy, machine-matchable for the form and worded in
//! German for the people filling it in.

use crate::catalogue::db::CatalogueError;
use crate::catalogue::hours_text::LineError;
use crate::db::DbError;

/// The kinds of taxonomy entries that have their own table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntryKind {
    /// A topic ("Thema").
    Topic,
    /// A life situation ("Lebenslage").
    LifeSituation,
    /// An office ("Dienststelle").
    Office,
}

impl EntryKind {
    /// The German name with its article, capitalised: "Das Thema".
    pub fn name_de(self) -> &'static str {
        match self {
            EntryKind::Topic => "Das Thema",
            EntryKind::LifeSituation => "Die Lebenslage",
            EntryKind::Office => "Die Dienststelle",
        }
    }

    /// The table the entries live in.
    pub(super) fn table(self) -> &'static str {
        match self {
            EntryKind::Topic => "topics",
            EntryKind::LifeSituation => "life_situations",
            EntryKind::Office => "offices",
        }
    }

    /// The list in a service's content that refers to entries of this kind.
    pub(super) fn reference_list(self) -> &'static str {
        match self {
            EntryKind::Topic => "topics",
            EntryKind::LifeSituation => "life_situations",
            EntryKind::Office => "offices",
        }
    }
}

/// What is wrong with the value of one field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Required but empty (or only spaces).
    Missing,
    /// Longer than `max` characters.
    TooLong {
        /// The limit in characters.
        max: usize,
    },
    /// Not a URL slug (lowercase letters a-z, digits, single inner hyphens).
    NotASlug,
    /// The English slug equals the German one.
    SameAsGermanSlug,
    /// Another entry of the same kind already uses the slug (as its German or English slug).
    SlugTaken {
        /// The German slug of that entry.
        by: String,
    },
    /// A postcode that is not five digits.
    Postcode,
    /// A number outside `min..=max` (or not a number).
    OutOfRange {
        /// Smallest allowed value.
        min: i64,
        /// Largest allowed value.
        max: i64,
    },
    /// Not a plausible email address.
    Email,
    /// A phone number with characters other than digits, spaces and `+ - / ( )`.
    Phone,
    /// The parent life situation does not exist (parents are named by German slug).
    UnknownParent {
        /// The slug given.
        slug: String,
    },
    /// The parent would make the life situation its own ancestor.
    Cycle {
        /// The chain of German slugs from the edited situation back to itself.
        path: Vec<String>,
    },
    /// A featured service that does not exist (services are named by German slug).
    UnknownService {
        /// The slug given.
        slug: String,
    },
    /// The same slug twice in a list.
    Duplicate {
        /// The repeated slug.
        slug: String,
    },
    /// Mistakes in lines of a text field (opening hours, exceptions, synonyms); the line numbers
    /// are those of the matching `format_*` function's output.
    Lines(Vec<LineError>),
}

/// A problem with one form field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldProblem {
    /// The field: the model's field path, e.g. `slug_de`, `name.de`, `postcode`, `hours`,
    /// `synonyms.en`, `featured`.
    pub field: &'static str,
    /// What is wrong.
    pub problem: Problem,
}

/// Why a taxonomy edit was refused or failed. Nothing was written in any case.
#[derive(Debug, thiserror::Error)]
pub enum TaxonomyError {
    /// The input breaks the rules; one entry per problem, never empty.
    #[error("invalid input: {}", describe(.0))]
    Invalid(Vec<FieldProblem>),
    /// The entry being edited or deleted does not exist (any more).
    #[error("{kind:?} {slug} not found")]
    NotFound {
        /// What was looked for.
        kind: EntryKind,
        /// The German slug looked for.
        slug: String,
    },
    /// Deleting was refused: published, draft or in-review service versions still refer to it.
    #[error("{kind:?} {slug} is still used by {versions} service versions")]
    InUse {
        /// What was to be deleted.
        kind: EntryKind,
        /// Its German slug.
        slug: String,
        /// How many service versions refer to it.
        versions: usize,
        /// The German slugs of their services, sorted.
        services: Vec<String>,
    },
    /// Deleting a life situation was refused: others name it as their parent.
    #[error("life situation {slug} has {} children", children.len())]
    HasChildren {
        /// The life situation's German slug.
        slug: String,
        /// The German slugs of the situations below it.
        children: Vec<String>,
    },
    /// A service version changed while references to a renamed entry were rewritten.
    #[error("a service version changed concurrently")]
    Conflict,
    /// A stored document does not match the model.
    #[error("stored catalogue data is damaged: {0}")]
    Corrupt(String),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<sqlx::Error> for TaxonomyError {
    fn from(error: sqlx::Error) -> Self {
        TaxonomyError::Db(DbError::Query(error))
    }
}

impl From<CatalogueError> for TaxonomyError {
    fn from(error: CatalogueError) -> Self {
        match error {
            CatalogueError::Db(error) => TaxonomyError::Db(error),
            other => TaxonomyError::Corrupt(other.to_string()),
        }
    }
}

fn describe(problems: &[FieldProblem]) -> String {
    problems.iter().map(|p| format!("{} {:?}", p.field, p.problem)).collect::<Vec<_>>().join("; ")
}

impl TaxonomyError {
    /// The German text for staff. Database failures get a generic text: log the error itself
    /// (its `Display`), never show it.
    pub fn message_de(&self) -> String {
        match self {
            TaxonomyError::Invalid(problems) => problems.iter().map(FieldProblem::message_de).collect::<Vec<_>>().join(" "),
            TaxonomyError::NotFound { kind, slug } => {
                let pronoun = if *kind == EntryKind::Topic { "es" } else { "sie" };
                format!("{} „{slug}“ gibt es nicht (mehr). Vielleicht wurde {pronoun} gerade umbenannt oder gelöscht; bitte laden Sie die Liste neu.", kind.name_de())
            }
            TaxonomyError::InUse { kind, slug, versions, services } => {
                let (count, verb) = if *versions == 1 { ("1 Version einer Leistung".to_string(), "verweist") } else { (format!("{versions} Versionen von Leistungen"), "verweisen") };
                format!(
                    "{} „{slug}“ kann nicht gelöscht werden: {count} {verb} noch darauf ({}). Entfernen Sie dort zuerst den Verweis.",
                    kind.name_de(),
                    listing(services)
                )
            }
            TaxonomyError::HasChildren { slug, children } => {
                let count = if children.len() == 1 { "1 andere Lebenslage steht".to_string() } else { format!("{} andere Lebenslagen stehen", children.len()) };
                format!("Die Lebenslage „{slug}“ kann nicht gelöscht werden: {count} darunter ({}). Ordnen Sie diese zuerst anders zu.", listing(children))
            }
            TaxonomyError::Conflict => "Während des Speicherns wurde gleichzeitig eine Leistung geändert. Bitte speichern Sie noch einmal.".into(),
            TaxonomyError::Corrupt(_) | TaxonomyError::Db(_) => {
                "Die Änderung konnte wegen eines technischen Fehlers nicht gespeichert werden. Bitte versuchen Sie es später noch einmal.".into()
            }
        }
    }

    /// The field problems when the input was invalid, else none.
    pub fn field_problems(&self) -> &[FieldProblem] {
        match self {
            TaxonomyError::Invalid(problems) => problems,
            _ => &[],
        }
    }

    /// The problem with `field`, if the input was refused for it.
    pub fn problem(&self, field: &str) -> Option<&Problem> {
        self.field_problems().iter().find(|p| p.field == field).map(|p| &p.problem)
    }
}

/// Up to five slugs, then "…".
fn listing(slugs: &[String]) -> String {
    let mut shown = slugs.iter().take(5).map(String::as_str).collect::<Vec<_>>().join(", ");
    if slugs.len() > 5 {
        shown.push_str(", …");
    }
    shown
}

impl FieldProblem {
    /// The German text for staff, naming the field so it also reads well in an error summary.
    pub fn message_de(&self) -> String {
        let label = field_label_de(self.field);
        match &self.problem {
            Problem::Missing => format!("Bitte füllen Sie „{label}“ aus."),
            Problem::TooLong { max } => format!("„{label}“ darf höchstens {max} Zeichen lang sein."),
            Problem::NotASlug => format!(
                "„{label}“ darf nur Kleinbuchstaben ohne Umlaute, Ziffern und einzelne Bindestriche enthalten, z. B. „ausweise-dokumente“."
            ),
            Problem::SameAsGermanSlug => "Das englische URL-Kürzel muss sich vom deutschen unterscheiden.".into(),
            Problem::SlugTaken { by } => format!("„{label}“ wird schon verwendet (von „{by}“). Bitte wählen Sie ein anderes."),
            Problem::Postcode => "Die Postleitzahl muss aus fünf Ziffern bestehen, z. B. 38440.".into(),
            Problem::OutOfRange { min, max } => format!("„{label}“ muss eine Zahl zwischen {min} und {max} sein, z. B. 52.42165."),
            Problem::Email => "Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. buergerbuero@stadt.wolfsburg.de.".into(),
            Problem::Phone => "Die Telefonnummer darf nur Ziffern, Leerzeichen und + - / ( ) enthalten, z. B. +49 5361 28-0.".into(),
            Problem::UnknownParent { slug } => format!("Die übergeordnete Lebenslage „{slug}“ gibt es nicht."),
            Problem::Cycle { path } => {
                format!("Eine Lebenslage kann nicht unter sich selbst stehen: {}.", path.iter().map(|s| format!("„{s}“")).collect::<Vec<_>>().join(" → "))
            }
            Problem::UnknownService { slug } => format!("Die Leistung „{slug}“ gibt es nicht."),
            Problem::Duplicate { slug } => format!("„{slug}“ steht zweimal in „{label}“."),
            Problem::Lines(lines) => {
                let lines = lines.iter().map(|e| format!("Zeile {}: {}", e.line, e.message_de)).collect::<Vec<_>>().join(" ");
                format!("„{label}“: {lines}")
            }
        }
    }
}

/// The German label of a field, as the form should show it.
pub fn field_label_de(field: &str) -> &'static str {
    match field {
        "slug_de" => "URL-Kürzel (deutsch)",
        "slug_en" => "URL-Kürzel (englisch)",
        "name.de" => "Name (Deutsch)",
        "name.en" => "Name (Englisch)",
        "name.ls" => "Name (Leichte Sprache)",
        "description.de" => "Beschreibung (Deutsch)",
        "description.en" => "Beschreibung (Englisch)",
        "description.ls" => "Beschreibung (Leichte Sprache)",
        "parent" => "Übergeordnete Lebenslage",
        "street" => "Straße und Hausnummer",
        "postcode" => "Postleitzahl",
        "city" => "Ort",
        "latitude" => "Breitengrad",
        "longitude" => "Längengrad",
        "phone" => "Telefon",
        "email" => "E-Mail",
        "hours" => "Öffnungszeiten",
        "exceptions" => "Abweichende Öffnungszeiten",
        "accessibility.de" => "Barrierefreiheit (Deutsch)",
        "accessibility.en" => "Barrierefreiheit (Englisch)",
        "accessibility.ls" => "Barrierefreiheit (Leichte Sprache)",
        "synonyms.de" => "Synonyme (Deutsch)",
        "synonyms.en" => "Synonyme (Englisch)",
        "featured" => "Häufig gesuchte Leistungen",
        _ => "Feld",
    }
}
