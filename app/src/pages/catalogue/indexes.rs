//! Index pages: all topics, all life situations, all offices.

use crate::catalogue::api::{get_overview, NavLink, Overview};
use crate::components::{load_page, Layout, NavLinkList};
use crate::i18n::Lang;
use leptos::prelude::*;
use leptos_meta::Title;

fn index_page(lang: Lang, title: &'static str, intro: &'static str, pick: fn(Overview) -> Vec<NavLink>) -> impl IntoView {
    load_page(lang, async move { get_overview(lang).await.map(Some) }, move |overview| {
        let city = lang.pick("Stadt Wolfsburg", "City of Wolfsburg");
        view! {
            <Title text=format!("{title} – {city}")/>
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
        lang.pick("Themen", "Topics"),
        lang.pick("Die Leistungen der Stadt nach Themen geordnet.", "The city's services by topic."),
        |o| o.topics,
    )
}

/// All top-level life situations (`/lebenslagen`, `/en/life-situations`).
#[component]
pub fn LifeSituationIndexPage(lang: Lang) -> impl IntoView {
    index_page(
        lang,
        lang.pick("Lebenslagen", "Life situations"),
        lang.pick("Was bei Umzug, Geburt, Heirat und anderen Ereignissen zu erledigen ist.", "What to sort out when you move, have a baby, marry and more."),
        |o| o.life_situations,
    )
}

/// All offices (`/dienststellen`, `/en/offices`).
#[component]
pub fn OfficeIndexPage(lang: Lang) -> impl IntoView {
    index_page(
        lang,
        lang.pick("Dienststellen", "Offices"),
        lang.pick("Wo Sie die Stadt Wolfsburg persönlich erreichen.", "Where to find the City of Wolfsburg in person."),
        |o| o.offices,
    )
}
