//! "Check your answers": every answer with a change link, the declaration, and submit.

use super::{journey_page, page_title, param, query, ErrorSummary};
use crate::components::Layout;
use crate::i18n::Lang;
use crate::requests::api::get_request_check;
use crate::requests::paths;
use crate::requests::views::CheckView;
use leptos::prelude::*;
use leptos_meta::Title;

/// `/antrag/:code/pruefen` and `/en/request/:code/check`.
#[component]
pub fn CheckPage(lang: Lang) -> impl IntoView {
    let code = param("code");
    let declaration_missing = query("erklaerung") == "fehlt";
    journey_page(lang, get_request_check(lang, code, declaration_missing), move |view| view! { <CheckContent lang view/> })
}

#[component]
fn CheckContent(lang: Lang, view: CheckView) -> impl IntoView {
    let CheckView { service_title, code, sections, missing, submit_key, back_href, declaration_missing } = view;
    let title = lang.pick("Prüfen Sie Ihre Angaben", "Check your answers");
    let mut problems = missing.clone();
    if declaration_missing {
        problems.push((lang.pick("Bitte bestätigen Sie die Erklärung.", "Confirm the declaration.").to_string(), "#erklaerung".into()));
    }
    let complete = missing.is_empty();
    let sections = sections
        .into_iter()
        .map(|section| {
            let rows = section
                .rows
                .into_iter()
                .map(|row| {
                    let answer = if row.answer.is_empty() {
                        view! { <span class="check-empty">{lang.pick("Keine Angabe", "Not answered")}</span> }.into_any()
                    } else {
                        row.answer.into_iter().map(|line| view! { <span class="check-line">{line}</span> }).collect_view().into_any()
                    };
                    let change = lang.pick(format!("„{}“ ändern", row.label), format!("Change “{}”", row.label));
                    view! {
                        <div class="check-row">
                            <dt>{row.label.clone()}</dt>
                            <dd class="check-answer">{answer}</dd>
                            <dd class="check-change">
                                <a class="kern-link" href=row.change_href>
                                    <span aria-hidden="true">{lang.pick("Ändern", "Change")}</span>
                                    <span class="kern-sr-only">{change}</span>
                                </a>
                            </dd>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <h2 class="kern-heading-medium">{section.title}</h2>
                <dl class="check-list">{rows}</dl>
            }
        })
        .collect_view();
    view! {
        <Title text=page_title(lang, title)/>
        <Layout lang>
            <div class="request-journey kern-stack">
                <a class="kern-link back-link" href=back_href>{lang.pick("Zurück", "Back")}</a>
                <ErrorSummary lang problems/>
                <p class="kern-subline">{service_title}</p>
                <h1 class="kern-heading-large">{title}</h1>
                {sections}
                {complete.then(|| view! {
                    <form method="post" action=paths::submit(lang, &code) class="kern-stack request-form" novalidate=true>
                        <input type="hidden" name="schluessel" value=submit_key/>
                        <h2 class="kern-heading-medium">{lang.pick("Antrag absenden", "Send your request")}</h2>
                        {declaration_missing.then(|| view! {
                            <p class="kern-error" id="erklaerung-error">
                                <span class="kern-sr-only">{lang.pick("Fehler: ", "Error: ")}</span>
                                {lang.pick("Bitte bestätigen Sie die Erklärung.", "Confirm the declaration.")}
                            </p>
                        })}
                        <div class=if declaration_missing { "kern-form-check kern-form-check--error" } else { "kern-form-check" }>
                            <input class=if declaration_missing { "kern-form-check__checkbox kern-form-check__checkbox--error" } else { "kern-form-check__checkbox" }
                                id="erklaerung" name="erklaerung" type="checkbox" value="ja" aria-invalid=declaration_missing.then_some("true")
                                aria-describedby=declaration_missing.then_some("erklaerung-error")/>
                            <label class="kern-label" for="erklaerung">{lang.pick(
                                "Ich bestätige, dass meine Angaben richtig und vollständig sind.",
                                "I confirm that my answers are correct and complete.",
                            )}</label>
                        </div>
                        <div>
                            <button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">{lang.pick("Verbindlich absenden", "Send request")}</span></button>
                        </div>
                    </form>
                })}
            </div>
        </Layout>
    }
}
