//! The listing edit form as the browser sends it, and its conversion to and from a service's
//! content. Lists of texts are textareas with one item per paragraph, aligned across the three
//! language versions; costs, deadlines and legal bases are rows, with blank rows to add more.

use crate::catalogue::{Availability, Cost, Deadline, LegalBasis, Localized, ProcessingTime, ServiceContent};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Blank rows offered below the filled ones.
pub const BLANK_ROWS: usize = 2;

/// One text in German, English and Leichte Sprache.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Texts {
    /// German.
    #[serde(default)]
    pub de: String,
    /// English.
    #[serde(default)]
    pub en: String,
    /// Leichte Sprache.
    #[serde(default)]
    pub ls: String,
}

impl From<&Localized> for Texts {
    fn from(value: &Localized) -> Self {
        Texts { de: value.de.clone(), en: value.en.clone(), ls: value.ls.clone() }
    }
}

impl Texts {
    fn localized(&self) -> Localized {
        Localized { de: clean(&self.de), en: clean(&self.en), ls: clean(&self.ls) }
    }

    fn is_blank(&self) -> bool {
        self.de.trim().is_empty() && self.en.trim().is_empty() && self.ls.trim().is_empty()
    }
}

/// A cost row.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CostRow {
    /// What the fee is for.
    #[serde(default)]
    pub label: Texts,
    /// Euros as typed ("37,00").
    #[serde(default)]
    pub amount: String,
    /// Upper end of a range, as typed.
    #[serde(default)]
    pub max_amount: String,
    /// Details.
    #[serde(default)]
    pub note: Texts,
}

/// A deadline row.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeadlineRow {
    /// What must happen by when.
    #[serde(default)]
    pub label: Texts,
    /// Days as typed.
    #[serde(default)]
    pub days: String,
    /// Details.
    #[serde(default)]
    pub note: Texts,
}

/// A legal basis row.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegalRow {
    /// Citation.
    #[serde(default)]
    pub title: Texts,
    /// Link.
    #[serde(default)]
    pub url: String,
}

/// Everything the edit form sends.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListingForm {
    /// Federal catalogue key.
    #[serde(default)]
    pub leika_key: String,
    /// Plain title.
    #[serde(default)]
    pub title: Texts,
    /// Legal name.
    #[serde(default)]
    pub official_title: Texts,
    /// One or two sentences.
    #[serde(default)]
    pub teaser: Texts,
    /// Description; paragraphs separated by blank lines.
    #[serde(default)]
    pub description: Texts,
    /// One requirement per line.
    #[serde(default)]
    pub requirements: Texts,
    /// One document per line.
    #[serde(default)]
    pub documents: Texts,
    /// One step per line.
    #[serde(default)]
    pub procedure: Texts,
    /// One search word per line.
    #[serde(default)]
    pub synonyms: Texts,
    /// How to object.
    #[serde(default)]
    pub appeal: Texts,
    /// Usual processing days, as typed.
    #[serde(default)]
    pub processing_days: String,
    /// Longest processing days, as typed.
    #[serde(default)]
    pub processing_max_days: String,
    /// Explanation of the processing time.
    #[serde(default)]
    pub processing_note: Texts,
    /// `online`, `appointment` or `in_person`.
    #[serde(default)]
    pub availability: String,
    /// Costs.
    #[serde(default)]
    pub costs: Vec<CostRow>,
    /// Deadlines.
    #[serde(default)]
    pub deadlines: Vec<DeadlineRow>,
    /// Legal bases.
    #[serde(default)]
    pub legal: Vec<LegalRow>,
    /// Ticked topics (slug → any value).
    #[serde(default)]
    pub topics: BTreeMap<String, String>,
    /// Ticked offices.
    #[serde(default)]
    pub offices: BTreeMap<String, String>,
    /// Ticked life situations.
    #[serde(default)]
    pub life_situations: BTreeMap<String, String>,
}

fn clean(text: &str) -> String {
    text.replace("\r\n", "\n").trim().to_string()
}

/// The items of a list textarea: paragraphs separated by an empty line (an item, such as a
/// Leichte Sprache sentence pair, may span several lines).
fn lines(text: &str) -> Vec<String> {
    let text = text.replace("\r\n", "\n");
    let mut items = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            if !current.is_empty() {
                items.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        items.push(current.join("\n"));
    }
    items
}

fn join_lines(items: &[Localized], pick: impl Fn(&Localized) -> &str) -> String {
    items.iter().map(|item| pick(item).to_string()).collect::<Vec<_>>().join("\n\n")
}

fn list_texts(items: &[Localized]) -> Texts {
    Texts { de: join_lines(items, |l| &l.de), en: join_lines(items, |l| &l.en), ls: join_lines(items, |l| &l.ls) }
}

fn euros(cents: i64) -> String {
    format!("{},{:02}", cents / 100, cents % 100)
}

impl ListingForm {
    /// The form filled with `content`, plus blank rows.
    pub fn of(content: &ServiceContent) -> ListingForm {
        let mut form = ListingForm {
            leika_key: content.leika_key.clone().unwrap_or_default(),
            title: (&content.title).into(),
            official_title: (&content.official_title).into(),
            teaser: (&content.teaser).into(),
            description: (&content.description).into(),
            requirements: list_texts(&content.requirements),
            documents: list_texts(&content.documents),
            procedure: list_texts(&content.procedure),
            synonyms: list_texts(&content.synonyms),
            appeal: (&content.appeal).into(),
            processing_days: content.processing_time.days.to_string(),
            processing_max_days: content.processing_time.max_days.map(|d| d.to_string()).unwrap_or_default(),
            processing_note: (&content.processing_time.note).into(),
            availability: match content.availability {
                Availability::Online => "online",
                Availability::Appointment => "appointment",
                Availability::InPerson => "in_person",
            }
            .into(),
            costs: content
                .costs
                .iter()
                .map(|c| CostRow {
                    label: (&c.label).into(),
                    amount: euros(c.amount_cents),
                    max_amount: c.max_amount_cents.map(euros).unwrap_or_default(),
                    note: (&c.note).into(),
                })
                .collect(),
            deadlines: content
                .deadlines
                .iter()
                .map(|d| DeadlineRow { label: (&d.label).into(), days: d.days.map(|d| d.to_string()).unwrap_or_default(), note: (&d.note).into() })
                .collect(),
            legal: content.legal_bases.iter().map(|l| LegalRow { title: (&l.title).into(), url: l.url.clone().unwrap_or_default() }).collect(),
            topics: content.topics.iter().map(|s| (s.clone(), "1".into())).collect(),
            offices: content.offices.iter().map(|s| (s.clone(), "1".into())).collect(),
            life_situations: content.life_situations.iter().map(|s| (s.clone(), "1".into())).collect(),
        };
        form.add_blank_rows();
        form
    }

    /// Appends the blank rows for adding costs, deadlines and legal bases.
    pub fn add_blank_rows(&mut self) {
        self.costs.retain(|r| !r.label.is_blank() || !r.amount.trim().is_empty());
        self.deadlines.retain(|r| !r.label.is_blank());
        self.legal.retain(|r| !r.title.is_blank());
        self.costs.extend(std::iter::repeat_with(CostRow::default).take(BLANK_ROWS));
        self.deadlines.extend(std::iter::repeat_with(DeadlineRow::default).take(BLANK_ROWS));
        self.legal.extend(std::iter::repeat_with(LegalRow::default).take(BLANK_ROWS));
    }

    /// The content the form describes, or the problems as (field id, German message).
    pub fn content(&self) -> Result<ServiceContent, Vec<(String, String)>> {
        let mut errors = Vec::new();
        let mut problem = |field: String, message: String| errors.push((field, message));
        let title = self.title.localized();
        if title.de.is_empty() {
            problem("title-de".into(), "Bitte geben Sie einen deutschen Titel ein.".into());
        }
        for (id, texts) in [("title", &self.title), ("teaser", &self.teaser), ("official_title", &self.official_title)] {
            for (lang, text) in [("de", &texts.de), ("en", &texts.en), ("ls", &texts.ls)] {
                if text.chars().count() > 300 {
                    problem(format!("{id}-{lang}"), "Dieser Text ist zu lang (höchstens 300 Zeichen).".into());
                }
            }
        }
        let leika = self.leika_key.trim();
        if !leika.is_empty() && (leika.len() != 14 || !leika.bytes().all(|b| b.is_ascii_digit())) {
            problem("leika_key".into(), "Der Leistungsschlüssel hat genau 14 Ziffern.".into());
        }
        let mut list = |id: &str, label: &str, texts: &Texts| -> Vec<Localized> {
            let (de, en, ls) = (lines(&texts.de), lines(&texts.en), lines(&texts.ls));
            if en.len() > de.len() || ls.len() > de.len() {
                problem(format!("{id}-de"), format!("{label}: Jeder Eintrag braucht einen deutschen Text; die Übersetzungen stehen an derselben Stelle (Einträge durch eine Leerzeile getrennt)."));
            }
            de.iter()
                .enumerate()
                .map(|(i, de)| Localized { de: de.clone(), en: en.get(i).cloned().unwrap_or_default(), ls: ls.get(i).cloned().unwrap_or_default() })
                .collect()
        };
        let requirements = list("requirements", "Voraussetzungen", &self.requirements);
        let documents = list("documents", "Unterlagen", &self.documents);
        let procedure = list("procedure", "Ablauf", &self.procedure);
        let synonyms = list("synonyms", "Suchbegriffe", &self.synonyms);
        let days = parse_days(&self.processing_days, true).unwrap_or_else(|message| {
            problem("processing_days".into(), message);
            None
        });
        let max_days = parse_days(&self.processing_max_days, false).unwrap_or_else(|message| {
            problem("processing_max_days".into(), message);
            None
        });
        if let (Some(min), Some(max)) = (days, max_days) {
            if max < min {
                problem("processing_max_days".into(), "Die längste Dauer darf nicht kürzer sein als die übliche.".into());
            }
        }
        let availability = match self.availability.as_str() {
            "online" => Availability::Online,
            "appointment" => Availability::Appointment,
            "in_person" | "" => Availability::InPerson,
            _ => {
                problem("availability".into(), "Bitte wählen Sie, wie die Leistung beantragt wird.".into());
                Availability::InPerson
            }
        };
        let mut costs = Vec::new();
        for (i, row) in self.costs.iter().enumerate() {
            if row.label.is_blank() && row.amount.trim().is_empty() && row.max_amount.trim().is_empty() {
                continue;
            }
            if row.label.de.trim().is_empty() {
                problem(format!("costs-{i}-label-de"), format!("Kosten {}: Bitte beschreiben Sie, wofür die Gebühr ist.", i + 1));
            }
            let amount = parse_euros(&row.amount).unwrap_or_else(|| {
                problem(format!("costs-{i}-amount"), format!("Kosten {}: Bitte geben Sie den Betrag in Euro an, zum Beispiel 37,00.", i + 1));
                Some(0)
            });
            let max = if row.max_amount.trim().is_empty() {
                None
            } else {
                parse_euros(&row.max_amount).unwrap_or_else(|| {
                    problem(format!("costs-{i}-max_amount"), format!("Kosten {}: Der Höchstbetrag ist kein Eurobetrag.", i + 1));
                    None
                })
            };
            costs.push(Cost { label: row.label.localized(), amount_cents: amount.unwrap_or(0), max_amount_cents: max, note: row.note.localized() });
        }
        let mut deadlines = Vec::new();
        for (i, row) in self.deadlines.iter().enumerate() {
            if row.label.is_blank() && row.days.trim().is_empty() {
                continue;
            }
            if row.label.de.trim().is_empty() {
                problem(format!("deadlines-{i}-label-de"), format!("Frist {}: Bitte beschreiben Sie die Frist.", i + 1));
            }
            let days = parse_days(&row.days, false).unwrap_or_else(|message| {
                problem(format!("deadlines-{i}-days"), format!("Frist {}: {message}", i + 1));
                None
            });
            deadlines.push(Deadline { label: row.label.localized(), days, note: row.note.localized() });
        }
        let mut legal_bases = Vec::new();
        for (i, row) in self.legal.iter().enumerate() {
            if row.title.is_blank() && row.url.trim().is_empty() {
                continue;
            }
            if row.title.de.trim().is_empty() {
                problem(format!("legal-{i}-title-de"), format!("Rechtsgrundlage {}: Bitte nennen Sie das Gesetz.", i + 1));
            }
            let url = row.url.trim();
            if !(url.is_empty() || url.starts_with("https://") || url.starts_with("http://")) {
                problem(format!("legal-{i}-url"), format!("Rechtsgrundlage {}: Der Link beginnt mit https://.", i + 1));
            }
            legal_bases.push(LegalBasis { title: row.title.localized(), url: (!url.is_empty()).then(|| url.to_string()) });
        }
        let ticked = |map: &BTreeMap<String, String>| map.iter().filter(|(_, v)| !v.is_empty()).map(|(k, _)| k.clone()).collect::<Vec<_>>();
        let content = ServiceContent {
            leika_key: (!leika.is_empty()).then(|| leika.to_string()),
            title,
            official_title: self.official_title.localized(),
            teaser: self.teaser.localized(),
            description: self.description.localized(),
            requirements,
            documents,
            costs,
            deadlines,
            processing_time: ProcessingTime { days: days.unwrap_or(0), max_days, note: self.processing_note.localized() },
            procedure,
            legal_bases,
            appeal: self.appeal.localized(),
            synonyms,
            availability,
            offices: ticked(&self.offices),
            topics: ticked(&self.topics),
            life_situations: ticked(&self.life_situations),
        };
        if errors.is_empty() {
            Ok(content)
        } else {
            Err(errors)
        }
    }
}

/// Days as typed: a whole number from 0 to 3650; empty is `None` unless `required`.
fn parse_days(text: &str, required: bool) -> Result<Option<i64>, String> {
    let text = text.trim();
    if text.is_empty() {
        return if required { Err("Bitte geben Sie die Dauer in Tagen an (0 für sofort).".into()) } else { Ok(None) };
    }
    match text.parse::<i64>() {
        Ok(days) if (0..=3650).contains(&days) => Ok(Some(days)),
        _ => Err("Bitte geben Sie eine ganze Zahl von Tagen an (0 bis 3650).".into()),
    }
}

/// Euros as Germans type them ("37", "37,00", "1.234,50", "37.5"), in cents.
fn parse_euros(text: &str) -> Option<Option<i64>> {
    let text = text.trim().trim_end_matches('€').trim();
    if text.is_empty() {
        return Some(Some(0));
    }
    let normalized = if text.contains(',') { text.replace('.', "").replace(',', ".") } else { text.to_string() };
    let (whole, fraction) = normalized.split_once('.').unwrap_or((&normalized, ""));
    if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) || fraction.len() > 2 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let euros: i64 = whole.parse().ok().filter(|e: &i64| *e <= 10_000_000)?;
    let cents: i64 = format!("{fraction:0<2}").parse().ok()?;
    Some(Some(euros * 100 + cents))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_amounts_parse_and_garbage_does_not() {
        assert_eq!(parse_euros("37,00"), Some(Some(3700)));
        assert_eq!(parse_euros("1.234,5"), Some(Some(123_450)));
        assert_eq!(parse_euros("22.80 €"), Some(Some(2280)));
        assert_eq!(parse_euros("zehn"), None);
        assert_eq!(parse_euros("-5"), None);
        assert_eq!(parse_euros("1,234"), None);
    }

    #[test]
    fn content_survives_the_form_and_errors_name_their_fields() {
        let demo = crate::catalogue::demo_catalogue().unwrap();
        for service in &demo.services {
            let content = &service.versions.last().unwrap().content;
            let back = ListingForm::of(content).content().unwrap();
            assert_eq!(back.costs, content.costs, "{}", service.slug_de);
            assert_eq!(back.title, content.title);
            assert_eq!(back.requirements, content.requirements, "{}", service.slug_de);
            assert_eq!(back.procedure, content.procedure, "{}", service.slug_de);
            assert_eq!(back.topics.len(), content.topics.len());
        }
        let with_costs = demo.services.iter().find(|s| !s.versions[0].content.costs.is_empty()).unwrap();
        let mut form = ListingForm::of(&with_costs.versions[0].content);
        form.title.de.clear();
        form.costs[0].amount = "teuer".into();
        form.processing_days = "bald".into();
        let fields: Vec<String> = form.content().unwrap_err().into_iter().map(|(f, _)| f).collect();
        assert_eq!(fields, ["title-de", "processing_days", "costs-0-amount"]);
    }
}
