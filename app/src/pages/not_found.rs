//! The page for any URL the portal does not know.

use crate::components::{set_status, Layout};
use crate::i18n::{localized, Lang};
use leptos::prelude::*;
use leptos_i18n::td_string;
use leptos_meta::{Meta, Title};

/// "Page not found", served with status 404.
#[component]
pub fn NotFoundPage(lang: Lang) -> impl IntoView {
    set_status(404);
    let locale = lang.locale();
    let title = td_string!(locale, not_found.title);
    view! {
        <Title text=td_string!(locale, site.page_title, title)/>
        <Meta name="robots" content="noindex"/>
        <Layout lang>
            <div class="kern-stack prose">
                <h1 class="kern-heading-x-large">{title}</h1>
                <p class="kern-body">
                    {td_string!(locale, not_found.body)}
                </p>
                <p class="kern-body">
                    <a class="kern-link" href=localized("/", lang)>{td_string!(locale, not_found.home_link)}</a>
                </p>
            </div>
        </Layout>
    }
}
