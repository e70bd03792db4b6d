//! The feedback form of the accessibility statement, with the GOV.UK error summary.

use crate::feedback::{get_feedback_flash, FeedbackFlash, FieldError, SendFeedback, RESULT_PARAM, THANKS};
use crate::i18n::Lang;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_i18n::td_string;
use leptos_router::hooks::use_query_map;

/// "Report a barrier": the form, a thank-you note after sending, or the form again with the
/// entered text and errors.
#[component]
pub fn FeedbackSection(lang: Lang) -> impl IntoView {
    let result = use_query_map().read_untracked().get(RESULT_PARAM).unwrap_or_default();
    let thanks = result == THANKS;
    let token = (!thanks && !result.is_empty()).then_some(result);
    let flash = OnceResource::new_blocking(async move {
        match token {
            Some(token) => get_feedback_flash(token).await.ok().flatten().unwrap_or_default(),
            None => FeedbackFlash::default(),
        }
    });
    view! {
        <section id="rueckmeldung" class="kern-stack" aria-labelledby="rueckmeldung-titel" tabindex="-1">
            <h2 id="rueckmeldung-titel" class="kern-heading-medium">{td_string!(lang.locale(), feedback.heading)}</h2>
            {thanks.then(|| view! {
                <div class="kern-alert kern-alert--success" role="status">
                    <div class="kern-alert__header"><span class="kern-title">{td_string!(lang.locale(), feedback.thanks)}</span></div>
                    <div class="kern-alert__body"><p class="kern-body">{td_string!(lang.locale(), feedback.thanks_body)}</p></div>
                </div>
            })}
            <Suspense>
                {move || Suspend::new(async move {
                    let flash = flash.await;
                    view! { <FeedbackForm lang flash/> }
                })}
            </Suspense>
        </section>
    }
}

fn error_for(errors: &[FieldError], field: &str) -> Option<String> {
    errors.iter().find(|e| e.field == field).map(|e| e.message.clone())
}

#[component]
fn FeedbackForm(lang: Lang, flash: FeedbackFlash) -> impl IntoView {
    let FeedbackFlash { draft, errors } = flash;
    let message_error = error_for(&errors, "feedback-message");
    let contact_error = error_for(&errors, "feedback-contact");
    let page_error = error_for(&errors, "feedback-page");
    let field_class = |error: &Option<String>| if error.is_some() { "kern-form-input kern-form-input--error" } else { "kern-form-input" };
    let input_class = |error: &Option<String>| if error.is_some() { "kern-form-input__input kern-form-input__input--error" } else { "kern-form-input__input" };
    let describe = |hint: &'static str, error: &Option<String>, id: &'static str| {
        if error.is_some() { format!("{hint} {id}-error") } else { hint.to_string() }
    };
    view! {
        {(!errors.is_empty()).then(|| view! {
            <div class="kern-alert kern-alert--danger" role="alert" aria-labelledby="fehler-titel">
                <div class="kern-alert__header"><h3 id="fehler-titel" class="kern-title">{td_string!(lang.locale(), feedback.error_summary)}</h3></div>
                <div class="kern-alert__body">
                    <ul class="kern-list">
                        {errors.iter().map(|e| view! { <li><a class="kern-link" href=format!("#{}", e.field)>{e.message.clone()}</a></li> }).collect_view()}
                    </ul>
                </div>
            </div>
        })}
        <p class="kern-body">{td_string!(lang.locale(), feedback.intro)}</p>
        <form method="post" action=SendFeedback::url() class="kern-stack feedback-form" novalidate=true>
            <input type="hidden" name="lang" value=format!("{lang:?}")/>
            <div class=field_class(&message_error)>
                <label class="kern-label" for="feedback-message">{td_string!(lang.locale(), feedback.message_label)}</label>
                <div class="kern-hint" id="feedback-message-hint">{td_string!(lang.locale(), feedback.message_hint)}</div>
                {message_error.clone().map(|m| view! { <p class="kern-error" id="feedback-message-error">{m}</p> })}
                <textarea class=input_class(&message_error) id="feedback-message" name="message" rows="6" required=true
                    aria-describedby=describe("feedback-message-hint", &message_error, "feedback-message")
                    aria-invalid=message_error.is_some().then_some("true")>{crate::components::textarea_content(&draft.message)}</textarea>
            </div>
            <div class=field_class(&page_error)>
                <label class="kern-label" for="feedback-page">{td_string!(lang.locale(), feedback.page_label)}</label>
                <div class="kern-hint" id="feedback-page-hint">{td_string!(lang.locale(), feedback.page_hint)}</div>
                {page_error.clone().map(|m| view! { <p class="kern-error" id="feedback-page-error">{m}</p> })}
                <input class=input_class(&page_error) id="feedback-page" name="page" type="text" value=draft.page.clone()
                    aria-describedby=describe("feedback-page-hint", &page_error, "feedback-page")
                    aria-invalid=page_error.is_some().then_some("true")/>
            </div>
            <div class=field_class(&contact_error)>
                <label class="kern-label" for="feedback-contact">{td_string!(lang.locale(), feedback.contact_label)}</label>
                <div class="kern-hint" id="feedback-contact-hint">{td_string!(lang.locale(), feedback.contact_hint)}</div>
                {contact_error.clone().map(|m| view! { <p class="kern-error" id="feedback-contact-error">{m}</p> })}
                <input class=input_class(&contact_error) id="feedback-contact" name="contact" type="text" autocomplete="email" value=draft.contact.clone()
                    aria-describedby=describe("feedback-contact-hint", &contact_error, "feedback-contact")
                    aria-invalid=contact_error.is_some().then_some("true")/>
            </div>
            <div class="honeypot" aria-hidden="true">
                <label for="feedback-website">"Website"</label>
                <input id="feedback-website" name="website" type="text" tabindex="-1" autocomplete="off" value=""/>
            </div>
            <div>
                <button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">{td_string!(lang.locale(), feedback.send)}</span></button>
            </div>
        </form>
    }
}
