//! A question page: the page's fields, "continue" and "back", the resume link.

use super::fields::{FieldContext, FormField};
use super::live_checks::LiveChecks;
use super::{journey_page, page_title, param, query, ErrorSummary};
use crate::components::Layout;
use crate::i18n::Lang;
use crate::requests::api::get_request_question;
use crate::requests::form::FieldKind;
use crate::requests::paths;
use crate::requests::views::{local, QuestionView};
use leptos::prelude::*;
use leptos_meta::Title;

/// `/antrag/:code/frage/:page` and `/en/request/:code/question/:page`.
#[component]
pub fn QuestionPage(lang: Lang) -> impl IntoView {
    let (code, page) = (param("code"), param("page"));
    let problems = query("fehler") == "1";
    let from_check = query("von") == "pruefen";
    let upload = query("datei");
    journey_page(lang, get_request_question(lang, code, page, problems, from_check), move |view| {
        view! { <QuestionForm lang view upload=upload.clone()/> }
    })
}

#[component]
fn QuestionForm(lang: Lang, view: QuestionView, upload: String) -> impl IntoView {
    let QuestionView { service_title, code, form_version, page, number, count, answers, files, problems, back_href, from_check, today, expires } = view;
    let title = local(&page.title, lang);
    let action = paths::question(lang, &code, &page.id);
    // A refused upload arrives as `field:message` in the address after the redirect.
    let upload_error = upload.split_once(':').map(|(field, message)| (field.to_string(), message.to_string()));
    let mut summary: Vec<(String, String)> = problems.iter().map(|p| (p.message.clone(), format!("#{}", p.field))).collect();
    if let Some((field, message)) = &upload_error {
        summary.push((message.clone(), format!("#{field}")));
    }
    let has_files = page.fields.iter().any(|field| field.kind == FieldKind::File);
    let live_fields = page.fields.clone();
    let context = FieldContext { lang, answers, files, today };
    let fields = page
        .fields
        .iter()
        .map(|field| {
            let error = problems
                .iter()
                .find(|p| p.field == field.id)
                .map(|p| p.message.clone())
                .or_else(|| upload_error.as_ref().filter(|(f, _)| *f == field.id).map(|(_, m)| m.clone()));
            view! { <FormField field=field.clone() context=context.clone() error/> }
        })
        .collect_view();
    let heading_title = if summary.is_empty() { title.clone() } else { format!("{} {title}", lang.pick("Fehler:", "Error:")) };
    view! {
        <Title text=page_title(lang, &heading_title)/>
        <Layout lang>
            <div class="request-journey kern-stack">
                <a class="kern-link back-link" href=back_href>{lang.pick("Zurück", "Back")}</a>
                <ErrorSummary lang problems=summary/>
                <form method="post" action=action.clone() class="kern-stack request-form" novalidate=true
                    enctype=has_files.then_some("multipart/form-data")>
                    <p class="kern-subline">
                        {service_title}" · "{lang.pick(format!("Schritt {number} von {count}"), format!("Step {number} of {count}"))}
                    </p>
                    <h1 class="kern-heading-large">{title}</h1>
                    <input type="hidden" name="_version" value=form_version.to_string()/>
                    {from_check.then(|| view! { <input type="hidden" name="_von" value="pruefen"/> })}
                    <div class="honeypot" aria-hidden="true">
                        <label for="website">"Website"</label>
                        <input id="website" name="website" type="text" tabindex="-1" autocomplete="off"/>
                    </div>
                    <LiveChecks fields=live_fields today lang>{fields}</LiveChecks>
                    <div class="request-actions">
                        <button class="kern-btn kern-btn--primary" type="submit" name="_aktion" value="weiter">
                            <span class="kern-label">{lang.pick("Weiter", "Continue")}</span>
                        </button>
                    </div>
                </form>
                <details class="request-resume">
                    <summary>{lang.pick("Später weitermachen", "Continue later")}</summary>
                    <div class="kern-stack">
                        <p class="kern-body">{lang.pick(
                            format!("Ihre Angaben werden bei jedem „Weiter“ gespeichert. Mit diesem Code oder Link können Sie bis zum {} weitermachen:", expires.german()),
                            format!("Your answers are saved each time you continue. With this code or link you can continue until {}:", expires.iso()),
                        )}</p>
                        <p class="kern-body resume-code"><strong>{code.clone()}</strong></p>
                        <p class="kern-body"><a class="kern-link" href=paths::resume_link(lang, &code)>{lang.pick("Link zum Fortsetzen", "Link to continue")}</a></p>
                    </div>
                </details>
            </div>
        </Layout>
    }
}
