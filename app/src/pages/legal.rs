//! The pages every public German website must have: accessibility statement, imprint, privacy.

use super::feedback_form::FeedbackSection;
use crate::components::Layout;
use crate::i18n::Lang;
use leptos::prelude::*;
use leptos_i18n::td_string;
use leptos_meta::Title;

/// A legal page: a heading and its sections.
#[component]
fn LegalPage(lang: Lang, title: &'static str, children: Children) -> impl IntoView {
    view! {
        <Title text=td_string!(lang.locale(), site.page_title, title)/>
        <Layout lang>
            <article class="kern-stack prose">
                <h1 class="kern-heading-x-large">{title}</h1>
                {children()}
            </article>
        </Layout>
    }
}

/// Erklärung zur Barrierefreiheit (BITV 2.0 / NBGG), with the feedback contact.
#[component]
pub fn AccessibilityPage(lang: Lang) -> impl IntoView {
    let locale = lang.locale();
    view! {
        <LegalPage lang title=td_string!(locale, nav.accessibility)>
            <p class="kern-body">{td_string!(locale, accessibility.intro)}</p>
            <h2 class="kern-heading-medium">{td_string!(locale, accessibility.status)}</h2>
            <p class="kern-body">{td_string!(locale, accessibility.status_body)}</p>
            <h2 class="kern-heading-medium">{td_string!(locale, accessibility.not_accessible)}</h2>
            <p class="kern-body">{td_string!(locale, accessibility.not_accessible_body)}</p>
            <h2 class="kern-heading-medium">{td_string!(locale, accessibility.preparation)}</h2>
            <p class="kern-body">{td_string!(locale, accessibility.preparation_body)}</p>
            <h2 class="kern-heading-medium">{td_string!(locale, accessibility.contact)}</h2>
            <p class="kern-body">
                {td_string!(locale, accessibility.contact_before_email)}
                <a class="kern-link" href="mailto:barrierefreiheit@stadt.wolfsburg.de">"barrierefreiheit@stadt.wolfsburg.de"</a>
                {td_string!(locale, accessibility.contact_after_email)}
            </p>
            <h2 class="kern-heading-medium">{td_string!(locale, accessibility.conciliation)}</h2>
            <p class="kern-body">{td_string!(locale, accessibility.conciliation_body)}</p>
            <FeedbackSection lang/>
        </LegalPage>
    }
}

/// Impressum: who runs the portal.
#[component]
pub fn ImprintPage(lang: Lang) -> impl IntoView {
    let locale = lang.locale();
    view! {
        <LegalPage lang title=td_string!(locale, nav.imprint)>
            <h2 class="kern-heading-medium">{td_string!(locale, imprint.publisher)}</h2>
            <address class="kern-body">
                "Stadt Wolfsburg"<br/>
                {td_string!(locale, imprint.mayor)}<br/>
                "Porschestraße 49"<br/>
                "38440 Wolfsburg"
            </address>
            <p class="kern-body">
                {td_string!(locale, site.phone)}<a class="kern-link" href="tel:115">"115"</a><br/>
                {td_string!(locale, site.email)}<a class="kern-link" href="mailto:info@stadt.wolfsburg.de">"info@stadt.wolfsburg.de"</a>
            </p>
            <p class="kern-body">{td_string!(locale, imprint.legal_form)}</p>
            <h2 class="kern-heading-medium">{td_string!(locale, imprint.software)}</h2>
            <p class="kern-body">{td_string!(locale, imprint.software_licence)}</p>
        </LegalPage>
    }
}

/// Datenschutzerklärung: what the portal stores and why.
#[component]
pub fn PrivacyPage(lang: Lang) -> impl IntoView {
    let locale = lang.locale();
    view! {
        <LegalPage lang title=td_string!(locale, nav.privacy)>
            <p class="kern-body">{td_string!(locale, privacy.controller)}</p>
            <h2 class="kern-heading-medium">{td_string!(locale, privacy.visiting)}</h2>
            <p class="kern-body">{td_string!(locale, privacy.visiting_body)}</p>
            <h2 class="kern-heading-medium">{td_string!(locale, privacy.requests)}</h2>
            <p class="kern-body">{td_string!(locale, privacy.requests_body)}</p>
            <h2 class="kern-heading-medium">{td_string!(locale, privacy.rights)}</h2>
            <p class="kern-body">{td_string!(locale, privacy.rights_body)}</p>
        </LegalPage>
    }
}
