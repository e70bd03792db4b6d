//! What search pages and the suggestion endpoint show.

use crate::catalogue::Availability;
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// The search page of a language.
pub fn search_path(lang: Lang) -> &'static str {
    lang.pick("/suche", "/en/search")
}

/// The click counter between a result and its service page.
pub fn click_path(lang: Lang) -> &'static str {
    lang.pick("/suche/treffer", "/en/search/open")
}

/// The JSON endpoint the suggestion list reads.
pub const SUGGEST_PATH: &str = "/api/v1/search";

/// What the suggestion endpoint answers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestions {
    /// The query as understood.
    pub query: String,
    /// How many suggestions follow (not counted further: suggestions show the best few).
    pub total: usize,
    /// The best services.
    pub results: Vec<SearchHit>,
}

/// A piece of text, highlighted when it matched the query.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    /// The text.
    pub text: String,
    /// Whether it matched.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub mark: bool,
}

/// One service found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchHit {
    /// The link to follow: through the click counter to the service page.
    pub href: String,
    /// Citizen title with matches marked.
    pub title: Vec<Segment>,
    /// Teaser with matches marked.
    pub teaser: Vec<Segment>,
    /// Online, appointment or in person.
    pub availability: Availability,
}

/// A topic to filter by.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicChoice {
    /// German slug, the filter value.
    pub slug: String,
    /// Name in the page's language.
    pub name: String,
    /// The topic's page.
    pub href: String,
}

/// A page of search results.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchResults {
    /// The query as typed (trimmed).
    pub query: String,
    /// Matching services in all.
    pub total: usize,
    /// This page's hits.
    pub hits: Vec<SearchHit>,
    /// This page, from 1.
    pub page: usize,
    /// Number of pages.
    pub pages: usize,
    /// Corrected query for likely typos, with the link to search for it.
    pub did_you_mean: Option<(String, String)>,
    /// The same search in the other language.
    pub alternate_href: String,
    /// The previous page of results.
    pub previous_href: Option<String>,
    /// The next page of results.
    pub next_href: Option<String>,
    /// The topic filter in effect (German slug).
    pub topic: Option<String>,
    /// Whether only online services are shown.
    pub online_only: bool,
    /// Topics to filter by.
    pub topics: Vec<TopicChoice>,
}

/// Results per page.
pub const PAGE_SIZE: usize = 10;

/// Splits `text` into segments, marking the byte `ranges` (ascending, not overlapping).
pub fn segments(text: &str, ranges: &[std::ops::Range<usize>]) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut at = 0;
    for range in ranges {
        if range.start < at || range.end > text.len() {
            continue;
        }
        if range.start > at {
            push(&mut out, &text[at..range.start], false);
        }
        push(&mut out, &text[range.clone()], true);
        at = range.end;
    }
    if at < text.len() {
        push(&mut out, &text[at..], false);
    }
    out
}

fn push(out: &mut Vec<Segment>, text: &str, mark: bool) {
    match out.last_mut() {
        Some(last) if last.mark == mark => last.text.push_str(text),
        _ => out.push(Segment { text: text.to_string(), mark }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_cover_the_ranges() {
        let segs = segments("Hund anmelden", &[std::ops::Range { start: 0, end: 4 }]);
        assert_eq!(segs, vec![Segment { text: "Hund".into(), mark: true }, Segment { text: " anmelden".into(), mark: false }]);
        assert_eq!(segments("abc", &[]), vec![Segment { text: "abc".into(), mark: false }]);
    }
}
