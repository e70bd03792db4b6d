//! The home page: frequently requested services, topics, life situations and the 115 line.

use crate::catalogue::api::get_overview;
use crate::catalogue::paths::PageKind;
use crate::components::{load_page, LanguageLinks, Layout, NavLinkList, SearchBox, ServiceList};
use crate::i18n::{localized, Lang};
use leptos::prelude::*;
use leptos_i18n::td_string;
use leptos_meta::{Meta, Title};

/// The portal's start page.
#[component]
pub fn HomePage(lang: Lang) -> impl IntoView {
    load_page(lang, async move { get_overview(lang).await.map(Some) }, move |overview| {
        let locale = lang.locale();
        let count = overview.service_count;
        view! {
            <Title text=td_string!(locale, site.page_title, title = td_string!(locale, site.name))/>
            <Meta name="description" content=td_string!(locale, home.description)/>
            <LanguageLinks lang href=localized("/", lang) alternate=localized("/", lang.other())/>
            <Layout lang own_search=true>
                <div class="kern-stack home">
                    <h1 class="kern-heading-x-large">{td_string!(locale, home.heading)}</h1>
                    <SearchBox lang id="suche" prominent=true/>
                    <p class="kern-body kern-body--large prose">
                        {td_string!(locale, home.intro)}
                    </p>
                    <section aria-labelledby="haeufig">
                        <h2 id="haeufig" class="kern-heading-large">{td_string!(locale, home.frequently_requested)}</h2>
                        <ServiceList lang services=overview.featured/>
                        <p class="kern-body">
                            <a class="kern-link" href=PageKind::Service.prefix(lang)>{td_string!(locale, home.all_services, count)}</a>
                        </p>
                    </section>
                    <section aria-labelledby="lebenslagen">
                        <h2 id="lebenslagen" class="kern-heading-large">{td_string!(locale, nav.life_situations)}</h2>
                        <NavLinkList links=overview.life_situations/>
                    </section>
                    <section aria-labelledby="themen">
                        <h2 id="themen" class="kern-heading-large">{td_string!(locale, nav.topics)}</h2>
                        <NavLinkList links=overview.topics/>
                    </section>
                    <section aria-labelledby="hotline-heading" class="kern-card">
                        <div class="kern-card__container">
                            <div class="kern-card__header">
                                <h2 id="hotline-heading" class="kern-heading-medium">
                                    {td_string!(locale, home.hotline_heading)}
                                </h2>
                            </div>
                            <div class="kern-card__body">
                                <p class="service-hotline"><a class="kern-link" href="tel:115">"115"</a></p>
                                <p class="kern-body">
                                    {td_string!(locale, home.hotline_hours)}
                                </p>
                            </div>
                        </div>
                    </section>
                </div>
            </Layout>
        }
    })
}
