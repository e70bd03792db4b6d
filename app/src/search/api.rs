//! The search results page's server function and the shared assembly of results, also used by
//! the JSON suggestion endpoint.

use super::model::SearchResults;
use crate::error::AppError;
use crate::i18n::Lang;
use leptos::prelude::*;

/// One page of results for `q`, filtered by topic (German slug) and online availability.
#[server]
pub async fn search_services(lang: Lang, q: String, topic: Option<String>, online: bool, page: usize) -> Result<SearchResults, AppError> {
    let snapshot = crate::catalogue::api::ssr::snapshot()?;
    let results = ssr::results(&snapshot, lang, &q, topic.as_deref(), online, page)?;
    if results.page == 1 {
        if let Some(log) = use_context::<super::log::SearchLog>() {
            log.record_search(lang, &q, results.total);
        }
    }
    Ok(results)
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::*;
    use crate::catalogue::paths::PageKind;
    use crate::catalogue::snapshot::Snapshot;
    use crate::catalogue::{PublishedService, Variant};
    use crate::search::model::{click_path, search_path, segments, SearchHit, Suggestions, TopicChoice, PAGE_SIZE};
    use crate::search::{Found, Matcher, SearchQuery};

    /// Highest page number served; deeper pages are not useful and cost more.
    const MAX_PAGE: usize = 100;

    /// Runs a search against the snapshot.
    pub fn find(snapshot: &Snapshot, query: &SearchQuery) -> Result<Found, AppError> {
        match &snapshot.search {
            Some(index) => index.search(query).map_err(|e| AppError::internal(format!("search failed: {e}"))),
            None => Ok(Found::default()),
        }
    }

    /// The search page for these parameters.
    pub fn search_href(lang: Lang, q: &str, topic: Option<&str>, online_only: bool, page: usize) -> String {
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        query.append_pair("q", q);
        if let Some(topic) = topic {
            query.append_pair("topic", topic);
        }
        if online_only {
            query.append_pair("online", "1");
        }
        if page > 1 {
            query.append_pair("page", &page.to_string());
        }
        format!("{}?{}", search_path(lang), query.finish())
    }

    /// The link from a result to the service, through the click counter.
    pub fn hit_href(lang: Lang, query: &str, service: &PublishedService) -> String {
        let encode = |s: &str| url::form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
        format!("{}?q={}&zu={}", click_path(lang), encode(query), encode(&service.slug_de))
    }

    /// Where a hit is shown.
    #[derive(Clone, Copy, PartialEq, Eq)]
    pub enum HitUse {
        /// On the results page: the link goes through the click counter, title and teaser are
        /// highlighted.
        ResultsPage,
        /// In the suggestion list, which shows titles only: the link goes straight to the
        /// service and the teaser comes unmarked (marking it is most of a suggestion's work).
        Suggestion,
    }

    /// A result with its matches marked, for `used`.
    pub fn hit(lang: Lang, query: &str, service: &PublishedService, matcher: &Matcher, used: HitUse) -> SearchHit {
        let variant = Variant::from(lang);
        let title = service.content.title.text(variant);
        let teaser = service.content.teaser.text(variant);
        let (href, teaser) = match used {
            HitUse::ResultsPage => (hit_href(lang, query, service), segments(teaser, &matcher.ranges(teaser))),
            HitUse::Suggestion => (PageKind::Service.href(lang, &service.slug_de, &service.slug_en), segments(teaser, &[])),
        };
        SearchHit { href, title: segments(title, &matcher.ranges(title)), teaser, availability: service.content.availability }
    }

    /// A page of results.
    pub fn results(snapshot: &Snapshot, lang: Lang, q: &str, topic: Option<&str>, online_only: bool, page: usize) -> Result<SearchResults, AppError> {
        let q = q.trim();
        let topic = snapshot.topic(topic.unwrap_or_default()).map(|t| t.slug_de.as_str());
        let mut page = page.clamp(1, MAX_PAGE);
        let mut query = SearchQuery { lang, text: q, topic, online_only, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE, as_you_type: false };
        let mut found = find(snapshot, &query)?;
        if found.ids.is_empty() && found.total > 0 {
            // A page past the end (an old link, a typed number): show the last one.
            page = found.total.div_ceil(PAGE_SIZE).min(MAX_PAGE);
            query.offset = (page - 1) * PAGE_SIZE;
            found = find(snapshot, &query)?;
        }
        let hits = found.ids.iter().filter_map(|&id| snapshot.services.get(id)).map(|s| hit(lang, q, s, &found.matcher, HitUse::ResultsPage)).collect();
        let pages = found.total.div_ceil(PAGE_SIZE).min(MAX_PAGE);
        let link = |lang: Lang, q: &str, page: usize| search_href(lang, q, topic, online_only, page);
        Ok(SearchResults {
            query: q.to_string(),
            total: found.total,
            hits,
            page,
            pages,
            did_you_mean: found.did_you_mean.map(|better| {
                let href = link(lang, &better, 1);
                (better, href)
            }),
            alternate_href: link(lang.other(), q, 1),
            previous_href: (page > 1).then(|| link(lang, q, page - 1)),
            next_href: (page < pages).then(|| link(lang, q, page + 1)),
            topic: topic.map(str::to_string),
            online_only,
            topics: snapshot
                .topics
                .iter()
                .map(|t| TopicChoice {
                    slug: t.slug_de.clone(),
                    name: t.name.text(lang.into()).to_string(),
                    href: PageKind::Topic.href(lang, &t.slug_de, &t.slug_en),
                })
                .collect(),
        })
    }

    /// Suggestions while typing: the best `limit` services for `q`, its last word taken as
    /// unfinished.
    pub fn suggestions(snapshot: &Snapshot, lang: Lang, q: &str, limit: usize) -> Result<Suggestions, AppError> {
        let q = q.trim_start();
        let query = SearchQuery { lang, text: q, topic: None, online_only: false, offset: 0, limit, as_you_type: true };
        let found = find(snapshot, &query)?;
        let results = found.ids.iter().filter_map(|&id| snapshot.services.get(id)).map(|s| hit(lang, q, s, &found.matcher, HitUse::Suggestion)).collect();
        Ok(Suggestions { query: q.trim().to_string(), total: found.total, results })
    }

    /// "Search is not available", for the suggestion endpoint's error answer.
    pub fn unavailable(lang: Lang) -> String {
        leptos_i18n::td_string!(lang.locale(), search.unavailable).to_string()
    }

    /// The page of a service, for the click counter's redirect.
    pub fn service_href(snapshot: &Snapshot, lang: Lang, slug: &str) -> Option<String> {
        snapshot.service(slug).map(|s| PageKind::Service.href(lang, &s.slug_de, &s.slug_en))
    }
}
