//! The home page: what the portal offers and how to reach the city.

use crate::components::Layout;
use crate::i18n::Lang;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// The portal's start page.
#[component]
pub fn HomePage(lang: Lang) -> impl IntoView {
    view! {
        <Title text=lang.pick("Digitales Rathaus – Stadt Wolfsburg", "Digital town hall – City of Wolfsburg")/>
        <Meta name="description" content=lang.pick(
            "Leistungen der Stadt Wolfsburg finden, online beantragen und den Stand Ihres Antrags verfolgen.",
            "Find services of the City of Wolfsburg, apply online and track your request.",
        )/>
        <Layout lang>
            <div class="kern-stack">
                <h1 class="kern-heading-x-large">{lang.pick("Ihr digitales Rathaus", "Your digital town hall")}</h1>
                <p class="kern-body kern-body--large prose">
                    {lang.pick(
                        "Hier finden Sie die Leistungen der Stadt Wolfsburg: was Sie brauchen, was es kostet, wie lange es dauert – und vieles können Sie direkt online beantragen.",
                        "Find the services of the City of Wolfsburg here: what you need, what it costs and how long it takes – and many of them you can request online straight away.",
                    )}
                </p>
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
}
