//! Index pages: all topics, all life situations, all offices.

use crate::catalogue::api::{get_overview, NavLink, Overview};
use crate::components::{load_page, Layout, NavLinkList};
use crate::i18n::Lang;
use leptos::prelude::*;
use leptos_i18n::td_string;
use leptos_meta::Title;

fn index_page(lang: Lang, title: &'static str, intro: &'static str, pick: fn(Overview) -> Vec<NavLink>) -> impl IntoView {
    load_page(lang, async move { get_overview(lang).await.map(Some) }, move |overview| {
        view! {
            <Title text=td_string!(lang.locale(), site.page_title, title)/>
            <Layout lang>
                <div class="kern-stack">
                    <h1 class="kern-heading-x-large">{title}</h1>
                    <p class="kern-body kern-body--large prose">{intro}</p>
                    <NavLinkList links=pick(overview)/>
                </div>
            </Layout>
        }
    })
}

/// All topics (`/themen`, `/en/topics`).
#[component]
pub fn TopicIndexPage(lang: Lang) -> impl IntoView {
    index_page(
        lang,
        td_string!(lang.locale(), nav.topics),
        td_string!(lang.locale(), indexes.topics_intro),
        |o| o.topics,
    )
}

/// All top-level life situations (`/lebenslagen`, `/en/life-situations`).
#[component]
pub fn LifeSituationIndexPage(lang: Lang) -> impl IntoView {
    index_page(
        lang,
        td_string!(lang.locale(), nav.life_situations),
        td_string!(lang.locale(), indexes.life_situations_intro),
        |o| o.life_situations,
    )
}

/// All offices (`/dienststellen`, `/en/offices`).
#[component]
pub fn OfficeIndexPage(lang: Lang) -> impl IntoView {
    index_page(
        lang,
        td_string!(lang.locale(), nav.offices),
        td_string!(lang.locale(), indexes.offices_intro),
        |o| o.offices,
    )
}
