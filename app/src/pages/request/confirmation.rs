//! The confirmation after submitting: reference number, PIN, what happens next.

use super::{journey_page, page_title, param};
use crate::components::Layout;
use crate::i18n::Lang;
use crate::requests::api::get_request_confirmation;
use crate::requests::views::ConfirmationView;
use leptos::prelude::*;
use leptos_meta::Title;

/// `/antrag/:code/bestaetigung` and `/en/request/:code/confirmation`.
#[component]
pub fn ConfirmationPage(lang: Lang) -> impl IntoView {
    let code = param("code");
    journey_page(lang, get_request_confirmation(lang, code), move |view| view! { <ConfirmationContent lang view/> })
}

#[component]
fn ConfirmationContent(lang: Lang, view: ConfirmationView) -> impl IntoView {
    let ConfirmationView { service_title, reference, pin, status_href, expected, office, mailed } = view;
    let title = lang.pick("Antrag abgeschickt", "Request sent");
    view! {
        <Title text=page_title(lang, title)/>
        <Layout lang>
            <div class="request-journey kern-stack prose">
                <div class="kern-alert kern-alert--success confirmation-panel">
                    <div class="kern-alert__header"><h1 class="kern-title">{title}</h1></div>
                    <div class="kern-alert__body">
                        <p class="kern-body">{service_title}</p>
                        <p class="kern-body">{lang.pick("Ihre Vorgangsnummer:", "Your reference number:")}<br/><strong class="reference">{reference.clone()}</strong></p>
                        <p class="kern-body">{lang.pick("Ihre PIN:", "Your PIN:")}<br/><strong class="reference">{pin}</strong></p>
                    </div>
                </div>
                <p class="kern-body">{lang.pick(
                    "Notieren Sie Vorgangsnummer und PIN. Damit sehen Sie, wie weit Ihr Antrag ist, und können uns antworten.",
                    "Write down the reference number and PIN. You need both to check your request and to answer us.",
                )}</p>
                {mailed.then(|| view! { <p class="kern-body">{lang.pick("Wir haben Ihnen eine Bestätigung per E-Mail geschickt.", "We have sent you a confirmation email.")}</p> })}
                <h2 class="kern-heading-medium">{lang.pick("Wie es weitergeht", "What happens next")}</h2>
                <ul class="kern-list">
                    <li>{if office.is_empty() { lang.pick("Wir prüfen Ihren Antrag.".to_string(), "We check your request.".to_string()) } else { lang.pick(format!("{office} prüft Ihren Antrag."), format!("{office} checks your request.")) }}</li>
                    <li>{lang.pick("Wenn wir noch etwas brauchen, melden wir uns. Sie antworten dann auf der Statusseite.", "If we need anything else, we will tell you. You answer on the status page.")}</li>
                    <li>{lang.pick(format!("Voraussichtlich entscheiden wir bis zum {}.", expected.german()), format!("We expect to decide by {}.", expected.iso()))}</li>
                </ul>
                <p><a class="kern-btn kern-btn--secondary" href=status_href><span class="kern-label">{lang.pick("Stand des Antrags ansehen", "Check the status of your request")}</span></a></p>
            </div>
        </Layout>
    }
}
