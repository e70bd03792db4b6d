//! The page for any URL the portal does not know.

use crate::components::{set_status, Layout};
use crate::i18n::{localized, Lang};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// "Page not found", served with status 404.
#[component]
pub fn NotFoundPage(lang: Lang) -> impl IntoView {
    set_status(404);
    view! {
        <Title text=lang.pick("Seite nicht gefunden – Stadt Wolfsburg", "Page not found – City of Wolfsburg")/>
        <Meta name="robots" content="noindex"/>
        <Layout lang>
            <div class="kern-stack prose">
                <h1 class="kern-heading-x-large">{lang.pick("Seite nicht gefunden", "Page not found")}</h1>
                <p class="kern-body">
                    {lang.pick(
                        "Wenn Sie die Adresse eingegeben haben, prüfen Sie bitte die Schreibweise. Wenn Sie einem Link gefolgt sind, ist die Seite vielleicht umgezogen.",
                        "If you typed the address, please check the spelling. If you followed a link, the page may have moved.",
                    )}
                </p>
                <p class="kern-body">
                    <a class="kern-link" href=localized("/", lang)>{lang.pick("Zur Startseite", "Go to the home page")}</a>
                </p>
            </div>
        </Layout>
    }
}
