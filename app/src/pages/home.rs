//! The home page: frequently requested services, topics, life situations and the 115 line.

use crate::catalogue::api::get_overview;
use crate::catalogue::paths::PageKind;
use crate::components::{load_page, LanguageLinks, Layout, NavLinkList, SearchBox, ServiceList};
use crate::i18n::Lang;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// The portal's start page.
#[component]
pub fn HomePage(lang: Lang) -> impl IntoView {
    load_page(lang, async move { get_overview(lang).await.map(Some) }, move |overview| {
        let count = overview.service_count;
        view! {
            <Title text=lang.pick("Digitales Rathaus – Stadt Wolfsburg", "Digital town hall – City of Wolfsburg")/>
            <Meta name="description" content=lang.pick(
                "Leistungen der Stadt Wolfsburg finden, online beantragen und den Stand Ihres Antrags verfolgen.",
                "Find services of the City of Wolfsburg, apply online and track your request.",
            )/>
            <LanguageLinks lang href=lang.pick("/", "/en") alternate=lang.pick("/en", "/")/>
            <Layout lang own_search=true>
                <div class="kern-stack home">
                    <h1 class="kern-heading-x-large">{lang.pick("Ihr digitales Rathaus", "Your digital town hall")}</h1>
                    <SearchBox lang id="suche".to_string() prominent=true/>
                    <p class="kern-body kern-body--large prose">
                        {lang.pick(
                            "Hier finden Sie die Leistungen der Stadt Wolfsburg: was Sie brauchen, was es kostet, wie lange es dauert – und vieles können Sie direkt online beantragen.",
                            "Find the services of the City of Wolfsburg here: what you need, what it costs and how long it takes – and many of them you can request online straight away.",
                        )}
                    </p>
                    <section aria-labelledby="haeufig">
                        <h2 id="haeufig" class="kern-heading-large">{lang.pick("Häufig gesucht", "Frequently requested")}</h2>
                        <ServiceList lang services=overview.featured/>
                        <p class="kern-body">
                            <a class="kern-link" href=PageKind::Service.prefix(lang)>{match lang {
                                Lang::De => format!("Alle {count} Leistungen von A bis Z"),
                                Lang::En => format!("All {count} services from A to Z"),
                            }}</a>
                        </p>
                    </section>
                    <section aria-labelledby="lebenslagen">
                        <h2 id="lebenslagen" class="kern-heading-large">{lang.pick("Lebenslagen", "Life situations")}</h2>
                        <NavLinkList links=overview.life_situations/>
                    </section>
                    <section aria-labelledby="themen">
                        <h2 id="themen" class="kern-heading-large">{lang.pick("Themen", "Topics")}</h2>
                        <NavLinkList links=overview.topics/>
                    </section>
                    <section aria-labelledby="hotline-heading" class="kern-card">
                        <div class="kern-card__container">
                            <div class="kern-card__header">
                                <h2 id="hotline-heading" class="kern-heading-medium">
                                    {lang.pick("Fragen? Rufen Sie uns an", "Questions? Call us")}
                                </h2>
                            </div>
                            <div class="kern-card__body">
                                <p class="service-hotline"><a class="kern-link" href="tel:115">"115"</a></p>
                                <p class="kern-body">
                                    {lang.pick(
                                        "Die Behördennummer 115 erreichen Sie montags bis freitags von 8 bis 18 Uhr.",
                                        "The public service number 115 answers Monday to Friday from 8 am to 6 pm.",
                                    )}
                                </p>
                            </div>
                        </div>
                    </section>
                </div>
            </Layout>
        }
    })
}
