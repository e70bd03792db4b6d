//! The search results page (`/suche?q=…`, `/en/search?q=…`): filters by topic and online
//! availability, highlighted matches, "did you mean", pages, and help when nothing is found.

use crate::components::{load_page, AvailabilityBadge, Layout};
use crate::i18n::Lang;
use crate::search::api::search_services;
use crate::search::model::{search_path, SearchHit, SearchResults, Segment};
use leptos::prelude::*;
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
    let title = if query.is_empty() {
        lang.pick("Suche – Stadt Wolfsburg", "Search – City of Wolfsburg").to_string()
    } else {
        format!("{}: {query} – {}", lang.pick("Suche", "Search"), lang.pick("Stadt Wolfsburg", "City of Wolfsburg"))
    };
    let summary = match (lang, total) {
        (Lang::De, 1) => format!("1 Ergebnis für „{query}“"),
        (Lang::De, n) => format!("{n} Ergebnisse für „{query}“"),
        (Lang::En, 1) => format!("1 result for “{query}”"),
        (Lang::En, n) => format!("{n} results for “{query}”"),
    };
    let correction = did_you_mean.map(|(suggestion, href)| {
        view! {
            <p class="kern-body search-correction">
                {lang.pick("Meinten Sie: ", "Did you mean: ")}
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
                <h1 class="kern-heading-x-large">{lang.pick("Suche", "Search")}</h1>
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
    view! {
        <form class="search-form kern-stack" role="search" action=search_path(lang) method="get">
            <div class="kern-form-input">
                <label class="kern-label" for="suchbegriff">{lang.pick("Suchbegriff", "Search term")}</label>
                <input class="kern-form-input__input" id="suchbegriff" name="q" type="search" value=query maxlength="200" autocomplete="off"/>
            </div>
            <div class="search-form__filters">
                <div class="kern-form-input">
                    <label class="kern-label" for="thema">{lang.pick("Thema", "Topic")}</label>
                    <div class="kern-form-input__select-wrapper">
                        <select class="kern-form-input__select" id="thema" name="topic">
                            <option value="">{lang.pick("Alle Themen", "All topics")}</option>
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
                    <label class="kern-label" for="nur-online">{lang.pick("Nur online beantragbar", "Only those available online")}</label>
                </div>
            </div>
            <button class="kern-btn kern-btn--primary" type="submit">
                <span class="kern-label">{lang.pick("Suchen", "Search")}</span>
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
    (pages > 1).then(|| {
        let previous = previous_href.map(|href| {
            view! { <a class="kern-link" href=href rel="prev">{lang.pick("Vorherige Seite", "Previous page")}</a> }
        });
        let next = next_href.map(|href| {
            view! { <a class="kern-link" href=href rel="next">{lang.pick("Nächste Seite", "Next page")}</a> }
        });
        let position = match lang {
            Lang::De => format!("Seite {page} von {pages}"),
            Lang::En => format!("Page {page} of {pages}"),
        };
        view! {
            <nav class="pager" aria-label=lang.pick("Seiten der Ergebnisse", "Result pages")>
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
    view! {
        <div class="kern-stack prose">
            <p class="kern-body">{lang.pick("Wir haben keine passende Leistung gefunden. Das können Sie tun:", "We found no matching service. You can:")}</p>
            <ul class="kern-list">
                <li>{lang.pick("Prüfen Sie die Schreibweise.", "Check the spelling.")}</li>
                <li>{lang.pick("Verwenden Sie weniger oder allgemeinere Wörter, zum Beispiel „Ausweis“ statt „Ausweis verlängern lassen“.", "Use fewer or more general words, for example “passport” instead of “renew my passport quickly”.")}</li>
                <li>{lang.pick("Entfernen Sie die Filter.", "Remove the filters.")}</li>
                <li>
                    <a class="kern-link" href=crate::catalogue::paths::PageKind::Service.prefix(lang)>{lang.pick("Alle Leistungen von A bis Z ansehen", "Browse all services from A to Z")}</a>
                </li>
                <li>{lang.pick("Rufen Sie uns an: Behördennummer ", "Call us: public service number ")}<a class="kern-link" href="tel:115">"115"</a></li>
            </ul>
            <TopicLinks lang topics/>
        </div>
    }
}

/// The start of the search page without a query.
#[component]
fn EmptyQuery(lang: Lang, topics: Vec<crate::search::model::TopicChoice>) -> impl IntoView {
    view! {
        <p class="kern-body">{lang.pick("Geben Sie ein, was Sie erledigen möchten, zum Beispiel „Personalausweis“ oder „Sperrmüll“.", "Type what you need to do, for example “passport” or “bulky waste”.")}</p>
        <TopicLinks lang topics/>
    }
}

#[component]
fn TopicLinks(lang: Lang, topics: Vec<crate::search::model::TopicChoice>) -> impl IntoView {
    view! {
        <section aria-labelledby="themen-vorschlag">
            <h2 id="themen-vorschlag" class="kern-heading-medium">{lang.pick("Nach Themen suchen", "Browse by topic")}</h2>
            <ul class="link-columns">
                {topics.into_iter().map(|t| view! { <li><a class="kern-link" href=t.href>{t.name}</a></li> }).collect_view()}
            </ul>
        </section>
    }
}
