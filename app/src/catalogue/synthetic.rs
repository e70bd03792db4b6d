//! Generated services for benchmarks: plausible German and English texts in many combinations,
//! deterministic, so runs are comparable. 10,000 and more work.

use super::model::*;

const SUBJECTS: [(&str, &str); 30] = [
    ("Baumfällung", "tree felling"), ("Plakatierung", "poster display"), ("Straßenfest", "street party"),
    ("Containeraufstellung", "skip placement"), ("Grabnutzungsrecht", "grave rights"), ("Marktstand", "market stall"),
    ("Feuerwerk", "fireworks"), ("Sportplatzbelegung", "sports ground booking"), ("Schülerbeförderung", "school transport"),
    ("Gartenabfallsack", "garden waste bag"), ("Werbeanlage", "advertising sign"), ("Zufahrt", "driveway access"),
    ("Grundstücksteilung", "plot division"), ("Brunnenbohrung", "well drilling"), ("Hallennutzung", "hall booking"),
    ("Ferienbetreuung", "holiday childcare"), ("Musikschulplatz", "music school place"), ("Bibliotheksausweis", "library card"),
    ("Parkplatzmiete", "parking space rental"), ("Gestattung", "temporary licence"), ("Kleingarten", "allotment"),
    ("Straßenbeleuchtung", "street lighting"), ("Winterdienst", "winter road service"), ("Spielplatzpatenschaft", "playground sponsorship"),
    ("Taubenfütterung", "pigeon feeding permit"), ("Radabstellanlage", "bike parking"), ("Ladesäule", "charging point"),
    ("Sirenenprobe", "siren test"), ("Wahlhelfereinsatz", "poll worker duty"), ("Denkmalförderung", "heritage grant"),
];

const ACTIONS: [(&str, &str); 10] = [
    ("beantragen", "apply for"), ("verlängern", "extend"), ("ändern", "change"), ("abmelden", "cancel"),
    ("anzeigen", "notify"), ("prüfen lassen", "have checked"), ("widerrufen", "revoke"), ("ersetzen", "replace"),
    ("übertragen", "transfer"), ("bescheinigen lassen", "get certified"),
];

const DISTRICTS: [&str; 20] = [
    "Fallersleben", "Vorsfelde", "Detmerode", "Westhagen", "Sandkamp", "Hattorf", "Heiligendorf", "Ehmen",
    "Mörse", "Nordsteimke", "Reislingen", "Hehlingen", "Brackstedt", "Kästorf", "Almke", "Neindorf",
    "Barnstorf", "Sülfeld", "Tiddische", "Warmenau",
];

fn localized(de: String, en: String) -> Localized {
    Localized { de, en, ls: String::new() }
}

/// Services numbered `first + 1 ..= first + count`, referring to the given topics and offices.
pub fn synthetic_services(first: usize, count: usize, topics: &[String], offices: &[String]) -> Vec<Service> {
    (first + 1..=first + count)
        .map(|n| {
            let (subject_de, subject_en) = SUBJECTS[n % SUBJECTS.len()];
            let (action_de, action_en) = ACTIONS[(n / SUBJECTS.len()) % ACTIONS.len()];
            let district = DISTRICTS[(n / (SUBJECTS.len() * ACTIONS.len())) % DISTRICTS.len()];
            let title_de = format!("{subject_de} {action_de} in {district}");
            let title_en = format!("{} {subject_en} in {district}", capitalize(action_en));
            let content = ServiceContent {
                leika_key: None,
                title: localized(title_de.clone(), title_en.clone()),
                official_title: localized(format!("Verfahren {subject_de} ({n})"), format!("Procedure {subject_en} ({n})")),
                teaser: localized(
                    format!("So können Sie {subject_de} in {district} {action_de}."),
                    format!("How to {action_en} {subject_en} in {district}."),
                ),
                description: localized(
                    format!("Wer in {district} wohnt oder dort ein Grundstück hat, kann {subject_de} bei der Stadt {action_de}. Die Stadt prüft den Antrag und schickt Ihnen einen Bescheid.\n\nBitte reichen Sie alle Unterlagen vollständig ein."),
                    format!("If you live or own land in {district}, you can {action_en} {subject_en} with the city. The city checks the request and sends you a decision.\n\nPlease submit all documents in full."),
                ),
                requirements: vec![localized(format!("Wohnsitz oder Grundstück in {district}"), format!("Residence or property in {district}"))],
                documents: vec![
                    localized("Personalausweis oder Reisepass".into(), "Identity card or passport".into()),
                    localized(format!("Nachweis zu {subject_de}"), format!("Proof concerning {subject_en}")),
                ],
                costs: vec![Cost {
                    label: localized("Verwaltungsgebühr".into(), "Administrative fee".into()),
                    amount_cents: i64::try_from(500 + (n % 40) * 250).unwrap_or(500),
                    max_amount_cents: None,
                    note: Localized::default(),
                }],
                deadlines: vec![],
                processing_time: ProcessingTime { days: i64::try_from(3 + n % 25).unwrap_or(5), max_days: None, note: Localized::default() },
                procedure: vec![
                    localized("Antrag stellen".into(), "Submit the request".into()),
                    localized("Die Stadt prüft den Antrag".into(), "The city checks the request".into()),
                    localized("Sie erhalten einen Bescheid".into(), "You receive a decision".into()),
                ],
                legal_bases: vec![],
                appeal: localized(
                    "Klage beim Verwaltungsgericht Braunschweig innerhalb eines Monats nach Bekanntgabe.".into(),
                    "Action before the Administrative Court of Braunschweig within one month of notification.".into(),
                ),
                synonyms: vec![localized(subject_de.to_lowercase(), subject_en.into())],
                availability: [Availability::Online, Availability::Appointment, Availability::InPerson][n % 3],
                offices: offices.get(n % offices.len().max(1)).cloned().into_iter().collect(),
                topics: topics.get(n % topics.len().max(1)).cloned().into_iter().collect(),
                life_situations: vec![],
            };
            Service {
                slug_de: format!("synthetisch-{}-{n}", slugify(&title_de)),
                slug_en: format!("synthetic-{}-{n}", slugify(&title_en)),
                versions: vec![ServiceVersion {
                    number: 1,
                    status: VersionStatus::Published,
                    content,
                    created_at: 1_790_000_000,
                    created_by: "generator".into(),
                    approved_at: Some(1_790_000_000),
                    approved_by: Some("generator".into()),
                    updated_at: None,
                    updated_by: None,
                    review_note: String::new(),
                }],
            }
        })
        .collect()
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// A URL slug from a German or English title: lower case, umlauts transliterated (ä → ae,
/// ß → ss), anything else non-alphanumeric becomes a single hyphen.
pub fn slugify(title: &str) -> String {
    let mut slug = String::with_capacity(title.len());
    for c in title.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => slug.push_str("ae"),
            'ö' => slug.push_str("oe"),
            'ü' => slug.push_str("ue"),
            'ß' => slug.push_str("ss"),
            c if c.is_ascii_alphanumeric() => slug.push(c),
            _ if !slug.is_empty() && !slug.ends_with('-') => slug.push('-'),
            _ => {}
        }
    }
    slug.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_transliterate_umlauts() {
        assert_eq!(slugify("Straßenfest ändern – Mörse"), "strassenfest-aendern-moerse");
        assert_eq!(slugify("  Apply for (x)  "), "apply-for-x");
    }

    #[test]
    fn ten_thousand_services_have_unique_valid_slugs() {
        let services = synthetic_services(0, 10_000, &["bauen".into()], &["bauaufsicht".into()]);
        let slugs: std::collections::HashSet<_> = services.iter().map(|s| s.slug_de.as_str()).collect();
        assert_eq!(slugs.len(), 10_000);
        assert!(services.iter().all(|s| super::super::is_slug(&s.slug_de) && super::super::is_slug(&s.slug_en)));
    }
}
