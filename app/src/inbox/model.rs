//! What the inbox shows and how its address reads: the filter as typed in the address
//! (German parameter names, every value a string) and as checked, the rows of a page, one
//! request with its history, and canned replies. Pure types, shared by pages and handlers.

use crate::requests::date::Day;
use crate::requests::status::{EventKind, FileInfo, RequestStatus};
use serde::{Deserialize, Serialize};

/// Rows per page of the inbox.
pub const PAGE_SIZE: i64 = 25;
/// Longest search text kept.
const SEARCH_LIMIT: usize = 100;

/// The filter as the address carries it (`/verwaltung/antraege?status=offen&seite=2`); every
/// value is a string so that nonsense can be reported instead of refused.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct InboxQuery {
    /// German slug of a service.
    pub leistung: String,
    /// `offen`, a status code (`received` …) or empty for all.
    pub status: String,
    /// German slug of an office.
    pub dienststelle: String,
    /// `ich`, `niemand`, a caseworker's email, or empty for all.
    pub bearbeitung: String,
    /// Only requests older than this many days.
    pub alter: String,
    /// `1`: only requests past their expected decision date and not closed.
    pub ueberfaellig: String,
    /// Reference number or part of the applicant's name.
    pub q: String,
    /// `eingang`, `frist` or `stand`.
    pub sortierung: String,
    /// `auf` or `ab`.
    pub richtung: String,
    /// Page, from 1.
    pub seite: String,
}

/// Which statuses to show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum StatusFilter {
    /// Every request.
    #[default]
    All,
    /// Received, in progress or waiting.
    Open,
    /// Exactly this status.
    Only(RequestStatus),
}

/// Whose requests to show.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum AssigneeFilter {
    /// Everybody's.
    #[default]
    All,
    /// The signed-in caseworker's.
    Mine,
    /// Nobody's yet.
    Nobody,
    /// This caseworker's (email).
    Person(String),
}

/// The order of the list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SortKey {
    /// By submission time.
    #[default]
    Submitted,
    /// By expected decision date.
    Expected,
    /// Grouped by status, then by submission time.
    Status,
}

/// The checked filter.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxFilter {
    /// German slug of the service, empty for all.
    pub service: String,
    /// Which statuses.
    pub status: StatusFilter,
    /// German slug of the office, empty for all.
    pub office: String,
    /// Whose.
    pub assignee: AssigneeFilter,
    /// Only requests submitted at least this many days ago.
    pub min_age_days: Option<i64>,
    /// Only open requests past their expected decision date.
    pub overdue: bool,
    /// Reference number or part of the applicant's name (trimmed).
    pub search: String,
    /// Order.
    pub sort: SortKey,
    /// Descending order.
    pub descending: bool,
    /// Page, from 1.
    pub page: i64,
}

impl InboxQuery {
    /// Reads an address's query string (unknown keys are ignored, a repeated key's last value counts).
    pub fn from_query_string(query: &str) -> InboxQuery {
        let mut parsed = InboxQuery::default();
        for (key, value) in url::form_urlencoded::parse(query.as_bytes()) {
            let slot = match key.as_ref() {
                "leistung" => &mut parsed.leistung,
                "status" => &mut parsed.status,
                "dienststelle" => &mut parsed.dienststelle,
                "bearbeitung" => &mut parsed.bearbeitung,
                "alter" => &mut parsed.alter,
                "ueberfaellig" => &mut parsed.ueberfaellig,
                "q" => &mut parsed.q,
                "sortierung" => &mut parsed.sortierung,
                "richtung" => &mut parsed.richtung,
                "seite" => &mut parsed.seite,
                _ => continue,
            };
            *slot = value.into_owned();
        }
        parsed
    }

    /// The filter, and a German sentence for every value that made no sense (and was ignored).
    pub fn parse(&self) -> (InboxFilter, Vec<String>) {
        let mut problems = Vec::new();
        let status = match self.status.trim() {
            "" => StatusFilter::All,
            "offen" => StatusFilter::Open,
            code => match RequestStatus::from_code(code) {
                Some(status) => StatusFilter::Only(status),
                None => {
                    problems.push(format!("Den Stand „{}“ gibt es nicht; alle Stände werden gezeigt.", short(code)));
                    StatusFilter::All
                }
            },
        };
        let assignee = match self.bearbeitung.trim() {
            "" => AssigneeFilter::All,
            "ich" => AssigneeFilter::Mine,
            "niemand" => AssigneeFilter::Nobody,
            email => AssigneeFilter::Person(email.to_lowercase()),
        };
        let min_age_days = match self.alter.trim() {
            "" => None,
            days => match days.parse::<i64>() {
                Ok(days) if (0..=36_500).contains(&days) => Some(days),
                _ => {
                    problems.push(format!("„{}“ ist keine Zahl von Tagen zwischen 0 und 36500; das Alter wird nicht gefiltert.", short(days)));
                    None
                }
            },
        };
        let (sort, default_descending) = match self.sortierung.trim() {
            "" | "eingang" => (SortKey::Submitted, true),
            "frist" => (SortKey::Expected, false),
            "stand" => (SortKey::Status, false),
            other => {
                problems.push(format!("Die Sortierung „{}“ gibt es nicht; sortiert wird nach Eingang.", short(other)));
                (SortKey::Submitted, true)
            }
        };
        let descending = match self.richtung.trim() {
            "ab" => true,
            "auf" => false,
            _ => default_descending,
        };
        let page = match self.seite.trim() {
            "" => 1,
            text => match text.parse::<i64>() {
                Ok(page) if (1..=1_000_000).contains(&page) => page,
                _ => {
                    problems.push(format!("„{}“ ist keine gültige Seitenzahl; gezeigt wird Seite 1.", short(text)));
                    1
                }
            },
        };
        let filter = InboxFilter {
            service: self.leistung.trim().chars().take(200).collect(),
            status,
            office: self.dienststelle.trim().chars().take(200).collect(),
            assignee,
            min_age_days,
            overdue: !self.ueberfaellig.trim().is_empty(),
            search: self.q.trim().chars().take(SEARCH_LIMIT).collect(),
            sort,
            descending,
            page,
        };
        (filter, problems)
    }
}

fn short(text: &str) -> String {
    text.chars().take(40).collect()
}

impl InboxFilter {
    /// The address query of this filter on `page` (without `?`), for links and the CSV export.
    pub fn query_string(&self, page: Option<i64>) -> String {
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        let mut add = |key: &str, value: &str| {
            if !value.is_empty() {
                query.append_pair(key, value);
            }
        };
        add("leistung", &self.service);
        add("status", self.status_value());
        add("dienststelle", &self.office);
        add("bearbeitung", &self.assignee_value());
        add("alter", &self.min_age_days.map(|d| d.to_string()).unwrap_or_default());
        add("ueberfaellig", if self.overdue { "1" } else { "" });
        add("q", &self.search);
        add("sortierung", self.sort_value());
        add("richtung", if self.descending { "ab" } else { "auf" });
        add("seite", &page.map(|p| p.to_string()).unwrap_or_default());
        query.finish()
    }

    /// The status as the address writes it.
    pub fn status_value(&self) -> &'static str {
        match self.status {
            StatusFilter::All => "",
            StatusFilter::Open => "offen",
            StatusFilter::Only(status) => status.code(),
        }
    }

    /// Whose requests, as the address writes it.
    pub fn assignee_value(&self) -> String {
        match &self.assignee {
            AssigneeFilter::All => String::new(),
            AssigneeFilter::Mine => "ich".into(),
            AssigneeFilter::Nobody => "niemand".into(),
            AssigneeFilter::Person(email) => email.clone(),
        }
    }

    /// The sort key as the address writes it.
    pub fn sort_value(&self) -> &'static str {
        match self.sort {
            SortKey::Submitted => "eingang",
            SortKey::Expected => "frist",
            SortKey::Status => "stand",
        }
    }
}

/// One row of the list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxRow {
    /// Reference number.
    pub reference: String,
    /// The service's title when submitted.
    pub service_title: String,
    /// Who applied.
    pub applicant_name: String,
    /// Where it stands.
    pub status: RequestStatus,
    /// The caseworker's email, if assigned.
    pub assignee: Option<String>,
    /// When submitted (Unix seconds).
    pub submitted_at: i64,
    /// Expected decision date.
    pub expected: Day,
    /// Open and past its expected date.
    pub overdue: bool,
}

/// Matches are counted up to this many; beyond it the list says "more than 10.000". Counting
/// costs a step per match (48,000 overdue requests took 3 ms on SQLite, most of such a page's
/// time), and nobody works through a list that long without filtering it further.
pub const COUNT_LIMIT: i64 = 10_000;

/// A page of the list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxList {
    /// The rows.
    pub rows: Vec<InboxRow>,
    /// How many match in all, when at most the count limit; `None` when more match.
    pub total: Option<i64>,
    /// Whether the page after this one has rows.
    pub has_next: bool,
}

impl InboxList {
    /// How many pages the matches fill (at least one), when they were all counted.
    pub fn pages(&self) -> Option<i64> {
        self.total.map(|total| ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1))
    }

    /// "12 Anträge gefunden", or "Mehr als 10.000 Anträge gefunden" beyond the count limit.
    pub fn count_text(&self) -> String {
        match self.total {
            Some(1) => "1 Antrag gefunden".to_string(),
            Some(n) => format!("{n} Anträge gefunden"),
            // COUNT_LIMIT, written the German way.
            None => "Mehr als 10.000 Anträge gefunden".to_string(),
        }
    }
}

/// Something to pick in a filter or form: (value, name).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    /// What is sent.
    pub value: String,
    /// What is shown.
    pub name: String,
}

/// A canned reply of a service.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CannedReply {
    /// Row id.
    pub id: i64,
    /// German slug of the service.
    pub service: String,
    /// Short name to pick it by.
    pub title: String,
    /// The text sent to the resident.
    pub body: String,
}

/// One entry of a request's full history, internal ones included.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffEvent {
    /// When (Unix seconds).
    pub at: i64,
    /// What happened.
    pub kind: EventKind,
    /// The status after the event, when it changed it.
    pub status: Option<RequestStatus>,
    /// Who: a staff email or `resident`.
    pub actor: String,
    /// The message or note.
    pub message: String,
    /// Never shown to the resident.
    pub internal: bool,
    /// Files the resident sent with a reply.
    pub files: Vec<FileInfo>,
}

/// A question of the form with the resident's answer as lines of text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerRow {
    /// The question (German).
    pub label: String,
    /// The answer.
    pub lines: Vec<String>,
}

/// A request as the caseworker sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestDetail {
    /// Reference number.
    pub reference: String,
    /// The service's title when submitted.
    pub service_title: String,
    /// German slug of the service.
    pub service: String,
    /// German slug of the responsible office.
    pub office: String,
    /// Where it stands.
    pub status: RequestStatus,
    /// The caseworker's email, if assigned.
    pub assignee: Option<String>,
    /// Who applied.
    pub applicant_name: String,
    /// The resident's email, "" when none (then no mail is sent).
    pub email: String,
    /// When submitted (Unix seconds).
    pub submitted_at: i64,
    /// Expected decision date.
    pub expected: Day,
    /// Open and past its expected date.
    pub overdue: bool,
    /// The answers by page title.
    pub sections: Vec<(String, Vec<AnswerRow>)>,
    /// Files uploaded with the request.
    pub files: Vec<FileInfo>,
    /// The whole history, oldest first.
    pub events: Vec<StaffEvent>,
}

/// The address of a request in the inbox.
pub fn detail_path(reference: &str) -> String {
    format!("/verwaltung/antraege/{reference}")
}

/// The address of a file's download.
pub fn file_path(reference: &str, file_id: &str) -> String {
    format!("/verwaltung/antraege/{reference}/dateien/{file_id}")
}

/// The list's address.
pub const INBOX_PATH: &str = "/verwaltung/antraege";
/// The CSV export's address (same query as the list).
pub const EXPORT_PATH: &str = "/verwaltung/antraege/export.csv";
/// The canned replies page.
pub const CANNED_PATH: &str = "/verwaltung/antraege/antwortvorlagen";

/// The German label of a status for staff.
pub fn status_label(status: RequestStatus) -> &'static str {
    match status {
        RequestStatus::Received => "Eingegangen",
        RequestStatus::InProgress => "In Bearbeitung",
        RequestStatus::Waiting => "Wartet auf Antwort",
        RequestStatus::Completed => "Abgeschlossen",
        RequestStatus::Rejected => "Abgelehnt",
        RequestStatus::Withdrawn => "Zurückgezogen",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nonsense_in_the_address_is_reported_and_ignored() {
        let query = InboxQuery { status: "gibtsnicht".into(), seite: "-1".into(), alter: "abc".into(), ..Default::default() };
        let (filter, problems) = query.parse();
        assert_eq!((filter.status, filter.page, filter.min_age_days), (StatusFilter::All, 1, None));
        assert_eq!(problems.len(), 3, "{problems:?}");
        let huge = InboxQuery { seite: "99999999999999999999999".into(), ..Default::default() };
        assert_eq!(huge.parse().0.page, 1);
    }

    #[test]
    fn a_filter_survives_the_round_trip_through_its_address() {
        let query = InboxQuery {
            leistung: "sperrmuell-anmelden".into(),
            status: "offen".into(),
            bearbeitung: "ich".into(),
            alter: "7".into(),
            ueberfaellig: "1".into(),
            q: "Müller & Co".into(),
            sortierung: "frist".into(),
            seite: "3".into(),
            ..Default::default()
        };
        let (filter, problems) = query.parse();
        assert!(problems.is_empty());
        let again: InboxQuery = InboxQuery::from_query_string(&filter.query_string(Some(3)));
        assert_eq!(again.parse().0, filter);
    }
}
