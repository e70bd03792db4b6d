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
    use crate::search::model::{segments, SearchHit, TopicChoice, PAGE_SIZE};
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

    /// The link from a result to the service, through the click counter.
    pub fn hit_href(lang: Lang, query: &str, service: &PublishedService) -> String {
        let encode = |s: &str| url::form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
        format!("{}?q={}&zu={}", lang.pick("/suche/treffer", "/en/search/open"), encode(query), encode(&service.slug_de))
    }

    /// A result with its matches marked.
    pub fn hit(lang: Lang, query: &str, service: &PublishedService, matcher: &Matcher) -> SearchHit {
        let variant = Variant::from(lang);
        let title = service.content.title.text(variant);
        let teaser = service.content.teaser.text(variant);
        SearchHit {
            href: hit_href(lang, query, service),
            title: segments(title, &matcher.ranges(title)),
            teaser: segments(teaser, &matcher.ranges(teaser)),
            availability: service.content.availability,
        }
    }

    /// A page of results.
    pub fn results(snapshot: &Snapshot, lang: Lang, q: &str, topic: Option<&str>, online_only: bool, page: usize) -> Result<SearchResults, AppError> {
        let q = q.trim();
        let topic = topic.filter(|t| snapshot.topic(t).is_some()).map(|t| snapshot.topic(t).map_or(t, |t| t.slug_de.as_str()));
        let page = page.clamp(1, MAX_PAGE);
        let query = SearchQuery { lang, text: q, topic, online_only, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE, as_you_type: false };
        let found = find(snapshot, &query)?;
        let hits = found.ids.iter().filter_map(|&id| snapshot.services.get(id)).map(|s| hit(lang, q, s, &found.matcher)).collect();
        Ok(SearchResults {
            query: q.to_string(),
            total: found.total,
            hits,
            page,
            pages: found.total.div_ceil(PAGE_SIZE).min(MAX_PAGE),
            did_you_mean: found.did_you_mean,
            topic: topic.map(str::to_string),
            online_only,
            topics: snapshot.topics.iter().map(|t| TopicChoice { slug: t.slug_de.clone(), name: t.name.text(lang.into()).to_string() }).collect(),
        })
    }

    /// The page of a service, for the click counter's redirect.
    pub fn service_href(snapshot: &Snapshot, lang: Lang, slug: &str) -> Option<String> {
        snapshot.service(slug).map(|s| PageKind::Service.href(lang, &s.slug_de, &s.slug_en))
    }
}
