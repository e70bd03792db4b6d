//! The search results page (`/suche?q=…`, `/en/search?q=…`): filters by topic and online
//! availability, highlighted matches, "did you mean", pages, and help when nothing is found.

use crate::components::{load_page, AvailabilityBadge, Layout};
use crate::i18n::Lang;
use crate::search::api::search_services;
use crate::search::model::{search_path, SearchHit, SearchResults, Segment};
use leptos::prelude::*;
use leptos_i18n::td_string;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

/// The search page of `lang`.
#[component]
pub fn SearchPage(lang: Lang) -> impl IntoView {
    let params = use_query_map().get_untracked();
    let q = params.get("q").unwrap_or_default();
    let topic = params.get("topic").filter(|t| !t.is_empty());
    let online = params.get("online").is_some_and(|v| v == "1");
    let page = params.get("page").and_then(|p| p.parse::<usize>().ok()).unwrap_or(1);
    load_page(lang, async move { search_services(lang, q, topic, online, page).await.map(Some) }, move |results| {
        view! { <ResultsView lang results/> }
    })
}

#[component]
fn ResultsView(lang: Lang, results: SearchResults) -> impl IntoView {
    let SearchResults { query, total, hits, page, pages, did_you_mean, alternate_href, previous_href, next_href, topic, online_only, topics } =
        results;
    let locale = lang.locale();
    let title = if query.is_empty() {
        td_string!(locale, site.page_title, title = td_string!(locale, search.heading))
    } else {
        td_string!(locale, site.page_title, title = td_string!(locale, search.title_query, query = &query))
    };
    let count = total;
    let summary = td_string!(locale, search.results, count, query = &query);
    let correction = did_you_mean.map(|(suggestion, href)| {
        view! {
            <p class="kern-body search-correction">
                {td_string!(locale, search.did_you_mean)}
                <a class="kern-link" href=href>{suggestion}</a>"?"
            </p>
        }
    });
    let body = if query.is_empty() {
        view! { <EmptyQuery lang topics=topics.clone()/> }.into_any()
    } else if hits.is_empty() {
        view! {
            <h2 class="kern-heading-medium" id="ergebnisse">{summary}</h2>
            <NoResults lang topics=topics.clone()/>
        }
        .into_any()
    } else {
        let first = (page - 1) * crate::search::model::PAGE_SIZE + 1;
        view! {
            <h2 class="kern-heading-medium" id="ergebnisse">{summary}</h2>
            <ol class="card-list search-results" start=first>
                {hits.into_iter().map(|hit| view! { <HitItem lang hit/> }).collect_view()}
            </ol>
            <Pager lang page pages previous_href next_href/>
        }
        .into_any()
    };
    view! {
        <Title text=title/>
        <Meta name="robots" content="noindex"/>
        <Layout lang alternate=alternate_href own_search=true>
            <div class="kern-stack search-page">
                <h1 class="kern-heading-x-large">{td_string!(locale, search.heading)}</h1>
                <SearchForm lang query topic online_only topics/>
                {correction}
                {body}
            </div>
        </Layout>
    }
}

/// The query with its filters; a plain form that works without JavaScript.
#[component]
fn SearchForm(lang: Lang, query: String, topic: Option<String>, online_only: bool, topics: Vec<crate::search::model::TopicChoice>) -> impl IntoView {
    let locale = lang.locale();
    view! {
        <form class="search-form kern-stack" role="search" action=search_path(lang) method="get">
            <div class="kern-form-input">
                <label class="kern-label" for="suchbegriff">{td_string!(locale, search.term_label)}</label>
                <input class="kern-form-input__input" id="suchbegriff" name="q" type="search" value=query maxlength="200" autocomplete="off"/>
            </div>
            <div class="search-form__filters">
                <div class="kern-form-input">
                    <label class="kern-label" for="thema">{td_string!(locale, search.topic_label)}</label>
                    <div class="kern-form-input__select-wrapper">
                        <select class="kern-form-input__select" id="thema" name="topic">
                            <option value="">{td_string!(locale, search.all_topics)}</option>
                            {topics
                                .into_iter()
                                .map(|t| {
                                    let selected = topic.as_deref() == Some(t.slug.as_str());
                                    view! { <option value=t.slug selected=selected>{t.name}</option> }
                                })
                                .collect_view()}
                        </select>
                    </div>
                </div>
                <div class="kern-form-check">
                    <input class="kern-form-check__checkbox" id="nur-online" name="online" type="checkbox" value="1" checked=online_only/>
                    <label class="kern-label" for="nur-online">{td_string!(locale, search.online_only)}</label>
                </div>
            </div>
            <button class="kern-btn kern-btn--primary" type="submit">
                <span class="kern-label">{td_string!(locale, search.submit)}</span>
            </button>
        </form>
    }
}

/// Text with its matched parts in `<mark>`.
#[component]
fn Marked(segments: Vec<Segment>) -> impl IntoView {
    segments
        .into_iter()
        .map(|s| if s.mark { view! { <mark>{s.text}</mark> }.into_any() } else { s.text.into_any() })
        .collect_view()
}

#[component]
fn HitItem(lang: Lang, hit: SearchHit) -> impl IntoView {
    view! {
        <li class="card-list__item">
            <h3 class="kern-title"><a class="kern-link card-list__link" href=hit.href><Marked segments=hit.title/></a></h3>
            <p class="kern-body"><Marked segments=hit.teaser/></p>
            <AvailabilityBadge lang availability=hit.availability/>
        </li>
    }
}

/// Previous and next page, and where the resident is.
#[component]
fn Pager(lang: Lang, page: usize, pages: usize, previous_href: Option<String>, next_href: Option<String>) -> impl IntoView {
    let locale = lang.locale();
    (pages > 1).then(|| {
        let previous = previous_href.map(|href| {
            view! { <a class="kern-link" href=href rel="prev">{td_string!(locale, search.previous_page)}</a> }
        });
        let next = next_href.map(|href| {
            view! { <a class="kern-link" href=href rel="next">{td_string!(locale, search.next_page)}</a> }
        });
        let position = td_string!(locale, search.page_position, page, pages);
        view! {
            <nav class="pager" aria-label=td_string!(locale, search.pages_nav)>
                {previous}
                <span class="kern-body">{position}</span>
                {next}
            </nav>
        }
    })
}

/// What to do when nothing was found.
#[component]
fn NoResults(lang: Lang, topics: Vec<crate::search::model::TopicChoice>) -> impl IntoView {
    let locale = lang.locale();
    view! {
        <div class="kern-stack prose">
            <p class="kern-body">{td_string!(locale, search.none_intro)}</p>
            <ul class="kern-list">
                <li>{td_string!(locale, search.none_spelling)}</li>
                <li>{td_string!(locale, search.none_fewer_words)}</li>
                <li>{td_string!(locale, search.none_filters)}</li>
                <li>
                    <a class="kern-link" href=crate::catalogue::paths::PageKind::Service.prefix(lang)>{td_string!(locale, search.none_a_to_z)}</a>
                </li>
                <li>{td_string!(locale, search.none_call)}<a class="kern-link" href="tel:115">"115"</a></li>
            </ul>
            <TopicLinks lang topics/>
        </div>
    }
}

/// The start of the search page without a query.
#[component]
fn EmptyQuery(lang: Lang, topics: Vec<crate::search::model::TopicChoice>) -> impl IntoView {
    let locale = lang.locale();
    view! {
        <p class="kern-body">{td_string!(locale, search.empty_hint)}</p>
        <TopicLinks lang topics/>
    }
}

#[component]
fn TopicLinks(lang: Lang, topics: Vec<crate::search::model::TopicChoice>) -> impl IntoView {
    let locale = lang.locale();
    view! {
        <section aria-labelledby="themen-vorschlag">
            <h2 id="themen-vorschlag" class="kern-heading-medium">{td_string!(locale, search.browse_topics)}</h2>
            <ul class="link-columns">
                {topics.into_iter().map(|t| view! { <li><a class="kern-link" href=t.href>{t.name}</a></li> }).collect_view()}
            </ul>
        </section>
    }
}
