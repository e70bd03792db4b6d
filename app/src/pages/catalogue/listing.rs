//! Pages that list services: a topic, a life situation, and the A–Z with letter navigation.

use super::slug_param;
use crate::catalogue::api::{get_a_to_z, get_life_situation, get_topic, Listing};
use crate::catalogue::text::initial;
use crate::components::{load_page, LanguageLinks, Layout, NavLinkList, ServiceList};
use crate::i18n::Lang;
use leptos::prelude::*;
use leptos_i18n::td_string;
use leptos_meta::{Meta, Title};

/// A topic page (`/themen/:slug`, `/en/topics/:slug`).
#[component]
pub fn TopicPage(lang: Lang) -> impl IntoView {
    let slug = slug_param();
    load_page(lang, get_topic(lang, slug), move |listing| view! { <ListingView lang listing/> })
}

/// A life-situation page (`/lebenslagen/:slug`, `/en/life-situations/:slug`).
#[component]
pub fn LifeSituationPage(lang: Lang) -> impl IntoView {
    let slug = slug_param();
    load_page(lang, get_life_situation(lang, slug), move |listing| view! { <ListingView lang listing/> })
}

/// Every service from A to Z with a letter navigation (`/leistungen`, `/en/services`).
#[component]
pub fn AToZPage(lang: Lang) -> impl IntoView {
    load_page(lang, async move { get_a_to_z(lang).await.map(Some) }, move |listing| {
        view! { <ListingView lang listing letters=true/> }
    })
}

#[component]
fn ListingView(lang: Lang, listing: Listing, #[prop(optional)] letters: bool) -> impl IntoView {
    let Listing { title, description, href, alternate_href, parent, children, services } = listing;
    let locale = lang.locale();
    let count = services.len();
    let body = if letters {
        let mut groups: Vec<(char, Vec<_>)> = Vec::new();
        for service in services {
            let letter = initial(&service.title);
            match groups.last_mut() {
                Some((current, list)) if *current == letter => list.push(service),
                _ => groups.push((letter, vec![service])),
            }
        }
        let nav = groups
            .iter()
            .map(|(letter, _)| view! { <li><a class="kern-link" href=format!("#buchstabe-{letter}")>{letter.to_string()}</a></li> })
            .collect_view();
        let sections = groups
            .into_iter()
            .map(|(letter, list)| {
                view! {
                    <section aria-labelledby=format!("buchstabe-{letter}") class="letter-group">
                        <h2 id=format!("buchstabe-{letter}") class="kern-heading-medium">{letter.to_string()}</h2>
                        <ServiceList lang services=list/>
                    </section>
                }
            })
            .collect_view();
        view! {
            <nav aria-label=td_string!(locale, listing.initial_letters)>
                <ul class="letter-nav">{nav}</ul>
            </nav>
            {sections}
        }
        .into_any()
    } else {
        view! {
            <h2 class="kern-heading-medium">{td_string!(locale, listing.services)}</h2>
            <ServiceList lang services/>
        }
        .into_any()
    };
    view! {
        <Title text=td_string!(locale, site.page_title, title = title.clone())/>
        <Meta name="description" content=description.clone()/>
        <LanguageLinks lang href alternate=alternate_href.clone()/>
        <Layout lang alternate=alternate_href>
            <div class="kern-stack">
                {parent.map(|p| view! {
                    <p class="kern-body kern-body--small"><a class="kern-link" href=p.href>{p.title}</a></p>
                })}
                <h1 class="kern-heading-x-large">{title}</h1>
                <p class="kern-body kern-body--large prose">{description}</p>
                <p class="kern-body">{td_string!(locale, listing.service_count, count)}</p>
                {(!children.is_empty()).then(|| view! {
                    <h2 class="kern-heading-medium">{td_string!(locale, listing.more_on_topic)}</h2>
                    <NavLinkList links=children/>
                })}
                {body}
            </div>
        </Layout>
    }
}
