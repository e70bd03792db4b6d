//! The start page of a service's online request: what it is, what you need, how long it takes.

use super::{page_title, param};
use crate::components::{load_page, Layout};
use crate::i18n::Lang;
use crate::requests::api::get_request_start;
use crate::requests::paths;
use crate::requests::views::StartView;
use leptos::prelude::*;
use leptos_meta::Title;

/// `/leistungen/:slug/antrag` and `/en/services/:slug/request`.
#[component]
pub fn RequestStartPage(lang: Lang) -> impl IntoView {
    let slug = param("slug");
    load_page(lang, get_request_start(lang, slug), move |view| view! { <StartContent lang view/> })
}

#[component]
fn StartContent(lang: Lang, view: StartView) -> impl IntoView {
    let StartView { slug, title, teaser, service_href, alternate_href, documents, processing_days, office, page_count, keep_days } = view;
    let heading = lang.pick(format!("{title}: online beantragen"), format!("{title}: apply online"));
    let documents = (!documents.is_empty()).then(|| {
        let items = documents.into_iter().map(|d| view! { <li>{d}</li> }).collect_view();
        view! {
            <h2 class="kern-heading-medium">{lang.pick("Das brauchen Sie", "What you need")}</h2>
            <ul class="kern-list">{items}</ul>
        }
    });
    let duration = match processing_days {
        0 => lang.pick("Wir bearbeiten Ihren Antrag in der Regel sofort.".to_string(), "We usually deal with your request straight away.".to_string()),
        days => lang.pick(format!("Wir entscheiden in der Regel innerhalb von {days} Tagen."), format!("We usually decide within {days} days.")),
    };
    view! {
        <Title text=page_title(lang, &heading)/>
        <Layout lang alternate=alternate_href>
            <div class="request-journey kern-stack prose">
                <a class="kern-link back-link" href=service_href>{lang.pick("Zurück zur Leistung", "Back to the service")}</a>
                <h1 class="kern-heading-x-large">{heading}</h1>
                <p class="kern-body kern-body--large">{teaser}</p>
                <h2 class="kern-heading-medium">{lang.pick("So geht es", "How it works")}</h2>
                <ul class="kern-list">
                    <li>{lang.pick(format!("Sie beantworten Fragen auf {page_count} Seiten. Das dauert etwa {} Minuten.", page_count * 2), format!("You answer questions on {page_count} pages. This takes about {} minutes.", page_count * 2))}</li>
                    <li>{lang.pick("Vor dem Absenden sehen Sie alle Angaben noch einmal und können sie ändern.", "Before sending, you see all your answers again and can change them.")}</li>
                    <li>{lang.pick(format!("Ihre Angaben werden gespeichert. Sie können {keep_days} Tage lang später weitermachen."), format!("Your answers are saved. You can continue later for {keep_days} days."))}</li>
                    <li>{lang.pick("Danach bekommen Sie eine Vorgangsnummer und eine PIN. Damit sehen Sie jederzeit, wie weit Ihr Antrag ist.", "You then get a reference number and a PIN to check the status of your request at any time.")}</li>
                </ul>
                {documents}
                <h2 class="kern-heading-medium">{lang.pick("Wie lange dauert es?", "How long does it take?")}</h2>
                <p class="kern-body">{duration}{(!office.is_empty()).then(|| lang.pick(format!(" Zuständig: {office}."), format!(" Handled by: {office}.")))}</p>
                <form method="post" action=paths::begin(lang)>
                    <input type="hidden" name="service" value=slug/>
                    <div class="honeypot" aria-hidden="true">
                        <label for="website">"Website"</label>
                        <input id="website" name="website" type="text" tabindex="-1" autocomplete="off"/>
                    </div>
                    <button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">{lang.pick("Jetzt starten", "Start now")}</span></button>
                </form>
                <p class="kern-body">
                    <a class="kern-link" href=paths::resume(lang)>{lang.pick("Einen begonnenen Antrag fortsetzen", "Continue a request you started")}</a>
                </p>
                <p class="kern-body">{lang.pick(
                    "Wir verwenden Ihre Angaben nur für diesen Antrag. Mehr dazu in der Datenschutzerklärung.",
                    "We use your answers only for this request. See the privacy notice for details.",
                )}" "<a class="kern-link" href=crate::i18n::localized("/datenschutz", lang)>{lang.pick("Datenschutz", "Privacy")}</a></p>
            </div>
        </Layout>
    }
}
