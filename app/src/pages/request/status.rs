//! Tracking a request with reference number and PIN: status, history, expected date, and the
//! resident's answer or withdrawal.

use super::{page_title, query};
use crate::components::Layout;
use crate::i18n::Lang;
use crate::requests::api::get_request_status;
use crate::requests::paths;
use crate::requests::status::{file_size, EventKind, TrackedRequest};
use crate::requests::views::TrackingView;
use leptos::prelude::*;
use leptos_meta::Title;

/// `/antrag/status` and `/en/request/status`.
#[component]
pub fn StatusPage(lang: Lang) -> impl IntoView {
    let (reference, pin) = (query("nummer"), query("pin"));
    let notice = query("hinweis");
    let data = OnceResource::new_blocking(get_request_status(reference.clone(), pin.clone()));
    let title = lang.pick("Stand Ihres Antrags", "Status of your request");
    view! {
        <Title text=page_title(lang, title)/>
        <Layout lang>
            <Suspense>
                {move || {
                    let (reference, pin, notice) = (reference.clone(), pin.clone(), notice.clone());
                    Suspend::new(async move {
                        match data.await {
                            Ok(TrackingView::Found { request, pin }) => view! { <Tracked lang request pin notice/> }.into_any(),
                            Ok(view) => {
                                let error = match view {
                                    TrackingView::NoMatch => Some(lang.pick(
                                        "Vorgangsnummer und PIN passen zu keinem Antrag. Bitte prüfen Sie beide Angaben.",
                                        "The reference number and PIN do not match a request. Check both.",
                                    )),
                                    TrackingView::TooMany => Some(lang.pick(
                                        "Zu viele Abfragen in kurzer Zeit. Bitte warten Sie eine Minute und versuchen Sie es dann noch einmal.",
                                        "Too many attempts in a short time. Wait a minute and try again.",
                                    )),
                                    _ => None,
                                };
                                if matches!(view, TrackingView::TooMany) {
                                    crate::components::set_status(429);
                                }
                                view! { <LookupForm lang reference pin error/> }.into_any()
                            }
                            Err(error) => view! { <crate::components::ServerErrorPage lang error/> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </Layout>
    }
}

#[component]
fn LookupForm(lang: Lang, reference: String, pin: String, error: Option<&'static str>) -> impl IntoView {
    let invalid = error.is_some();
    let class = if invalid { "kern-form-input kern-form-input--error" } else { "kern-form-input" };
    view! {
        <div class="request-journey kern-stack prose">
            {error.map(|message| view! {
                <div class="kern-alert kern-alert--danger" role="alert" aria-labelledby="fehler-titel">
                    <div class="kern-alert__header"><h2 id="fehler-titel" class="kern-title">{lang.pick("Bitte prüfen Sie Ihre Angaben", "There is a problem")}</h2></div>
                    <div class="kern-alert__body"><p class="kern-body"><a class="kern-link" href="#nummer">{message}</a></p></div>
                </div>
            })}
            <h1 class="kern-heading-x-large">{lang.pick("Stand Ihres Antrags", "Status of your request")}</h1>
            <p class="kern-body">{lang.pick(
                "Vorgangsnummer und PIN stehen auf der Bestätigung nach dem Absenden und in der Bestätigungs-E-Mail.",
                "The reference number and PIN are on the confirmation after sending and in the confirmation email.",
            )}</p>
            <form method="get" action=paths::status(lang) class="kern-stack">
                <div class=class>
                    <label class="kern-label" for="nummer">{lang.pick("Vorgangsnummer", "Reference number")}</label>
                    <div class="kern-hint" id="nummer-hint">{lang.pick("Zum Beispiel 2026-ABCD-EFGH.", "For example 2026-ABCD-EFGH.")}</div>
                    <input class="kern-form-input__input" id="nummer" name="nummer" type="text" value=reference autocomplete="off" spellcheck="false"
                        aria-describedby="nummer-hint" aria-invalid=invalid.then_some("true")/>
                </div>
                <div class=class>
                    <label class="kern-label" for="pin">"PIN"</label>
                    <input class="kern-form-input__input" id="pin" name="pin" type="text" value=pin autocomplete="off" spellcheck="false"
                        aria-invalid=invalid.then_some("true")/>
                </div>
                <div><button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">{lang.pick("Stand abfragen", "Check status")}</span></button></div>
            </form>
        </div>
    }
}

fn date_time(at: i64, lang: Lang) -> String {
    let day = crate::requests::date::Day::from_unix(at);
    lang.pick(day.german(), day.iso())
}

#[component]
fn Tracked(lang: Lang, request: TrackedRequest, pin: String, notice: String) -> impl IntoView {
    let TrackedRequest { reference, service_title, status, submitted_at, expected, events } = request;
    let open = !status.is_final();
    let waiting = status == crate::requests::status::RequestStatus::Waiting;
    let notice = match notice.as_str() {
        "antwort" => Some(lang.pick("Ihre Antwort ist angekommen.", "Your reply has been received.")),
        "zurueckgezogen" => Some(lang.pick("Sie haben den Antrag zurückgezogen.", "You have withdrawn the request.")),
        _ => None,
    };
    let file_error = query("datei");
    let history = events
        .into_iter()
        .rev()
        .map(|event| {
            let what = match (event.kind, event.status) {
                (EventKind::Submitted, _) => lang.pick("Antrag eingegangen", "Request received").to_string(),
                (EventKind::Reply, _) => lang.pick("Ihre Antwort", "Your reply").to_string(),
                (EventKind::Message, _) => lang.pick("Nachricht der Stadt", "Message from the city").to_string(),
                (_, Some(status)) => lang.pick(format!("Neuer Stand: {}", status.label(lang)), format!("New status: {}", status.label(lang))),
                _ => lang.pick("Änderung", "Update").to_string(),
            };
            let files = event.files.into_iter().map(|f| view! { <li>{f.name}" ("{file_size(f.size, lang)}")"</li> }).collect_view();
            view! {
                <li class="history-entry">
                    <p class="kern-body"><strong>{what}</strong>" · "{date_time(event.at, lang)}</p>
                    {(!event.message.is_empty()).then(|| view! { <p class="kern-body history-message">{event.message.clone()}</p> })}
                    <ul class="kern-list">{files}</ul>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="request-journey kern-stack prose">
            {notice.map(|text| view! {
                <div class="kern-alert kern-alert--success" role="status"><div class="kern-alert__body"><p class="kern-body">{text}</p></div></div>
            })}
            {(!file_error.is_empty()).then(|| view! {
                <div class="kern-alert kern-alert--danger" role="alert" aria-labelledby="fehler-titel">
                    <div class="kern-alert__header"><h2 id="fehler-titel" class="kern-title">{lang.pick("Bitte prüfen Sie Ihre Angaben", "There is a problem")}</h2></div>
                    <div class="kern-alert__body"><p class="kern-body"><a class="kern-link" href="#antwort-dateien">{file_error.clone()}</a></p></div>
                </div>
            })}
            <p class="kern-subline">{service_title}</p>
            <h1 class="kern-heading-x-large">{lang.pick("Stand Ihres Antrags", "Status of your request")}</h1>
            <dl class="check-list">
                <div class="check-row"><dt>{lang.pick("Vorgangsnummer", "Reference number")}</dt><dd>{reference.clone()}</dd></div>
                <div class="check-row"><dt>{lang.pick("Stand", "Status")}</dt><dd><strong class="request-status">{status.label(lang)}</strong></dd></div>
                <div class="check-row"><dt>{lang.pick("Eingegangen am", "Received on")}</dt><dd>{date_time(submitted_at, lang)}</dd></div>
                {open.then(|| view! {
                    <div class="check-row"><dt>{lang.pick("Entscheidung voraussichtlich bis", "Decision expected by")}</dt><dd>{lang.pick(expected.german(), expected.iso())}</dd></div>
                })}
            </dl>
            <h2 class="kern-heading-medium">{lang.pick("Verlauf", "History")}</h2>
            <ol class="history">{history}</ol>
            {open.then(|| view! {
                <h2 class="kern-heading-medium" id="antworten">{if waiting { lang.pick("Wir brauchen noch etwas von Ihnen", "We need something from you") } else { lang.pick("Nachricht an uns", "Write to us") }}</h2>
                <form method="post" action=paths::reply(lang) enctype="multipart/form-data" class="kern-stack" novalidate=true>
                    <input type="hidden" name="nummer" value=reference.clone()/>
                    <input type="hidden" name="pin" value=pin.clone()/>
                    <div class="kern-form-input">
                        <label class="kern-label" for="antwort-text">{lang.pick("Ihre Nachricht", "Your message")}</label>
                        <textarea class="kern-form-input__input" id="antwort-text" name="nachricht" rows="4" maxlength="5000"></textarea>
                    </div>
                    <div class="kern-form-input">
                        <label class="kern-label" for="antwort-dateien">{lang.pick("Dateien (freiwillig)", "Files (optional)")}</label>
                        <div class="kern-hint" id="antwort-dateien-hint">{lang.pick("PDF, JPG oder PNG, bis 10 MB je Datei, höchstens 5 Dateien.", "PDF, JPG or PNG, up to 10 MB per file, 5 files at most.")}</div>
                        <input class="kern-form-input__input request-file-input" id="antwort-dateien" name="dateien" type="file" multiple=true
                            accept="application/pdf,image/jpeg,image/png" aria-describedby="antwort-dateien-hint"/>
                    </div>
                    <div><button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">{lang.pick("Antwort senden", "Send reply")}</span></button></div>
                </form>
                <h2 class="kern-heading-medium">{lang.pick("Antrag zurückziehen", "Withdraw the request")}</h2>
                <form method="post" action=paths::withdraw(lang) class="kern-stack">
                    <input type="hidden" name="nummer" value=reference.clone()/>
                    <input type="hidden" name="pin" value=pin.clone()/>
                    <div class="kern-form-check">
                        <input class="kern-form-check__checkbox" id="zurueckziehen" name="bestaetigt" type="checkbox" value="ja" required=true/>
                        <label class="kern-label" for="zurueckziehen">{lang.pick("Ja, ich ziehe meinen Antrag zurück. Das kann ich nicht rückgängig machen.", "Yes, I withdraw my request. I cannot undo this.")}</label>
                    </div>
                    <div><button class="kern-btn kern-btn--secondary" type="submit"><span class="kern-label">{lang.pick("Antrag zurückziehen", "Withdraw request")}</span></button></div>
                </form>
            })}
        </div>
    }
}
