//! `/verwaltung/antraege/antwortvorlagen`: canned replies per service, which caseworkers pick
//! when they write to a resident; caseworkers and administrators add and delete them here.

use super::frame::{staff_page, CsrfField, StaffFrame, TextArea, TextField};
use super::inbox::Select;
use crate::inbox::api::{get_canned_replies, DeleteCannedReply, SaveCannedReply};
use crate::inbox::model::CANNED_PATH;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

/// The canned replies.
#[component]
pub fn CannedRepliesPage() -> impl IntoView {
    let service = use_query_map().read_untracked().get("leistung").unwrap_or_default();
    staff_page(get_canned_replies(service), |context, data| {
        let csrf = context.csrf.clone();
        let name_of = {
            let services = data.services.clone();
            move |slug: &str| services.iter().find(|s| s.value == slug).map(|s| s.name.clone()).unwrap_or_else(|| slug.to_string())
        };
        view! {
            <StaffFrame title="Antwortvorlagen" context=context.clone()>
                <p class="kern-body"><a class="kern-link" href=crate::inbox::model::INBOX_PATH>"Zurück zu den Anträgen"</a></p>
                <form method="get" action=CANNED_PATH class="staff-filters" aria-label="Antwortvorlagen filtern">
                    <Select id="leistung" label="Leistung" choices=data.services.clone() selected=data.service.clone() all="Alle"/>
                    <button class="kern-btn kern-btn--secondary" type="submit"><span class="kern-label">"Anzeigen"</span></button>
                </form>
                {data.replies.is_empty().then(|| view! { <p class="kern-body">"Noch keine Antwortvorlagen."</p> })}
                <ul class="card-list card-list--compact">
                    {data.replies.iter().map(|reply| view! {
                        <li class="card-list__item">
                            <h2 class="kern-heading-small">{reply.title.clone()}</h2>
                            <p class="kern-body">{name_of(&reply.service)}</p>
                            <p class="kern-body history-message">{reply.body.clone()}</p>
                            <form method="post" action=DeleteCannedReply::url()>
                                <CsrfField token=csrf.clone()/>
                                <input type="hidden" name="id" value=reply.id.to_string()/>
                                <button class="kern-btn kern-btn--tertiary" type="submit"><span class="kern-label">{format!("„{}“ löschen", reply.title)}</span></button>
                            </form>
                        </li>
                    }).collect_view()}
                </ul>
                <h2 class="kern-heading-medium">"Neue Antwortvorlage"</h2>
                {data.services.is_empty().then(|| view! { <p class="kern-body">"Es gibt noch keine Leistung mit Online-Antrag."</p> })}
                {(!data.services.is_empty()).then(|| view! {
                    <form method="post" action=SaveCannedReply::url() class="kern-stack staff-form">
                        <CsrfField token=csrf.clone()/>
                        <div class="kern-form-input">
                            <label class="kern-label" for="service">"Leistung"</label>
                            <div class="kern-form-input__select-wrapper"><select class="kern-form-input__select" id="service" name="service">
                                {data.services.iter().map(|s| view! { <option value=s.value.clone() selected=s.value == data.service>{s.name.clone()}</option> }).collect_view()}
                            </select></div>
                        </div>
                        <TextField id="title" name="title" label="Titel" required=true/>
                        <TextArea id="body" name="body" label="Text an die antragstellende Person" rows=5 required=true/>
                        <div><button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">"Vorlage speichern"</span></button></div>
                    </form>
                })}
            </StaffFrame>
        }
    })
}
