//! `/verwaltung/antraege/:reference`: one request with its answers, files and whole history
//! (internal entries marked), and the caseworker's forms: assign, change the status with a
//! message, ask the resident for more, add an internal note.

use super::frame::{date_time, staff_page, CsrfField, StaffFrame, TextArea};
use super::inbox::Select;
use crate::inbox::api::{get_inbox_request, AddRequestNote, AskResident, AssignRequest, ChangeRequestStatus, DraftForm};
use crate::inbox::model::{file_path, status_label, CannedReply, Choice, StaffEvent};
use crate::requests::status::{file_size, EventKind, RequestStatus};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;

fn event_label(event: &StaffEvent) -> String {
    let status = event.status.map(|s| format!(" – neuer Stand: {}", status_label(s))).unwrap_or_default();
    let what = match event.kind {
        EventKind::Submitted => "Eingereicht",
        EventKind::Status => "Stand geändert",
        EventKind::Message => "Nachricht an die antragstellende Person",
        EventKind::Reply => "Antwort der antragstellenden Person",
        EventKind::Note => "Interne Notiz",
        EventKind::Assigned => "Zuweisung",
    };
    let who = if event.actor == "resident" { "Antragsteller/in".to_string() } else { event.actor.clone() };
    format!("{} · {what}{status} · {who}", date_time(event.at))
}

fn canned_choices(canned: &[CannedReply]) -> Vec<Choice> {
    canned.iter().map(|c| Choice { value: c.id.to_string(), name: c.title.clone() }).collect()
}

/// One request.
#[component]
pub fn InboxRequestPage() -> impl IntoView {
    let reference = use_params_map().read_untracked().get("reference").unwrap_or_default();
    staff_page(get_inbox_request(reference), |context, data| {
        let detail = data.detail.clone();
        let csrf = context.csrf.clone();
        let reference = detail.reference.clone();
        let status = detail.status;
        let targets: Vec<Choice> = if status == RequestStatus::Withdrawn {
            Vec::new()
        } else if status.is_final() {
            vec![Choice { value: RequestStatus::InProgress.code().into(), name: "Wieder öffnen (In Bearbeitung)".into() }]
        } else {
            [RequestStatus::InProgress, RequestStatus::Waiting, RequestStatus::Completed, RequestStatus::Rejected]
                .iter()
                .map(|s| Choice { value: s.code().into(), name: if *s == status { format!("{} (unverändert, nur Nachricht)", status_label(*s)) } else { status_label(*s).into() } })
                .collect()
        };
        let mut assignees = vec![Choice { value: "ich".into(), name: "Mir".into() }];
        assignees.extend(data.caseworkers.iter().filter(|c| c.value != data.me).cloned());
        let assignee_text = detail.assignee.clone().unwrap_or_else(|| "niemandem".into());
        let overdue = detail.overdue;
        let canned = canned_choices(&data.canned);
        // A refused action's input comes back into its form.
        let typed = |form: DraftForm| data.draft.as_ref().filter(|d| d.form == form).map(|d| (d.status.clone(), d.text.clone())).unwrap_or_default();
        let (status_chosen, status_text) = typed(DraftForm::Status);
        let (_, ask_text) = typed(DraftForm::Ask);
        let (_, note_text) = typed(DraftForm::Note);
        let hidden = {
            let (csrf, reference) = (csrf.clone(), reference.clone());
            move || view! { <CsrfField token=csrf.clone()/><input type="hidden" name="reference" value=reference.clone()/> }
        };
        view! {
            <StaffFrame title=format!("Antrag {}", detail.reference) context=context.clone()>
                <p class="kern-body"><a class="kern-link" href=crate::inbox::model::INBOX_PATH>"Zurück zur Liste"</a></p>
                <dl class="check-list">
                    <div class="check-row"><dt>"Leistung"</dt><dd>{detail.service_title.clone()}</dd></div>
                    <div class="check-row"><dt>"Name"</dt><dd>{detail.applicant_name.clone()}</dd></div>
                    <div class="check-row"><dt>"E-Mail"</dt><dd>{if detail.email.is_empty() { "keine (es gehen keine E-Mails hinaus)".to_string() } else { detail.email.clone() }}</dd></div>
                    <div class="check-row"><dt>"Stand"</dt><dd>{status_label(status)}</dd></div>
                    <div class="check-row"><dt>"Zugewiesen an"</dt><dd>{assignee_text}</dd></div>
                    <div class="check-row"><dt>"Eingang"</dt><dd>{date_time(detail.submitted_at)}</dd></div>
                    <div class="check-row"><dt>"Entscheidung erwartet bis"</dt><dd>{detail.expected.german()}{overdue.then_some(" (überfällig)")}</dd></div>
                </dl>
                <h2 class="kern-heading-medium">"Bearbeiten"</h2>
                <form method="post" action=AssignRequest::url() class="kern-stack staff-form">
                    {hidden()}
                    <Select id="to" label="Zuweisen an" choices=assignees selected="" all="Niemandem (Zuweisung aufheben)"/>
                    <div><button class="kern-btn kern-btn--secondary" type="submit"><span class="kern-label">"Zuweisen"</span></button></div>
                </form>
                {(!targets.is_empty()).then(|| view! {
                    <form method="post" action=ChangeRequestStatus::url() class="kern-stack staff-form">
                        {hidden()}
                        <Select id="status" label="Neuer Stand" choices=targets.clone() selected=status_chosen.clone() all="Bitte wählen"/>
                        <TextArea id="message" name="message" label="Nachricht an die antragstellende Person" rows=4 value=status_text.clone()
                            hint="Geht per E-Mail hinaus und steht auf der Statusseite. Bei Ablehnung Pflicht."/>
                        <Select id="vorlage" label="Oder Antwortvorlage" choices=canned.clone() selected="" all="Keine"/>
                        <div><button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">"Stand ändern"</span></button></div>
                    </form>
                })}
                {(!status.is_final()).then(|| view! {
                    <form method="post" action=AskResident::url() class="kern-stack staff-form">
                        {hidden()}
                        <TextArea id="ask-message" name="message" label="Nachfragen: Was brauchen Sie noch?" rows=4 value=ask_text.clone()
                            hint="Der Antrag wartet dann auf die Antwort. Die Person antwortet auf ihrer Statusseite, auch mit Dateien."/>
                        <Select id="ask-vorlage" label="Oder Antwortvorlage" choices=canned.clone() selected="" all="Keine"/>
                        <div><button class="kern-btn kern-btn--secondary" type="submit"><span class="kern-label">"Nachfrage senden"</span></button></div>
                    </form>
                })}
                <form method="post" action=AddRequestNote::url() class="kern-stack staff-form">
                    {hidden()}
                    <TextArea id="note" name="note" label="Interne Notiz" rows=3 required=true value=note_text hint="Nur für die Verwaltung; die antragstellende Person sieht sie nie."/>
                    <div><button class="kern-btn kern-btn--secondary" type="submit"><span class="kern-label">"Notiz speichern"</span></button></div>
                </form>
                {(!data.canned.is_empty()).then(|| view! {
                    <details class="kern-stack">
                        <summary>"Antwortvorlagen dieser Leistung lesen"</summary>
                        <dl class="check-list">
                            {data.canned.iter().map(|c| view! { <div class="check-row"><dt>{c.title.clone()}</dt><dd class="history-message">{c.body.clone()}</dd></div> }).collect_view()}
                        </dl>
                    </details>
                })}
                <h2 class="kern-heading-medium">"Angaben"</h2>
                {detail.sections.iter().map(|(title, rows)| view! {
                    <h3 class="kern-heading-small">{title.clone()}</h3>
                    <dl class="check-list">
                        {rows.iter().map(|row| view! {
                            <div class="check-row"><dt>{row.label.clone()}</dt><dd>{row.lines.iter().map(|l| view! { <span class="check-line">{l.clone()}</span> }).collect_view()}</dd></div>
                        }).collect_view()}
                    </dl>
                }).collect_view()}
                <h2 class="kern-heading-medium">"Dateien"</h2>
                {detail.files.is_empty().then(|| view! { <p class="kern-body">"Mit dem Antrag wurden keine Dateien hochgeladen."</p> })}
                <ul class="kern-list">
                    {detail.files.iter().map(|f| view! {
                        <li><a class="kern-link" href=file_path(&reference, &f.id)>{format!("{} herunterladen", f.name)}</a>{format!(" ({}, {})", f.media_type, file_size(f.size, crate::i18n::Lang::De))}</li>
                    }).collect_view()}
                </ul>
                <h2 class="kern-heading-medium">"Verlauf"</h2>
                <ol class="kern-list history">
                    {detail.events.iter().map(|e| view! {
                        <li>
                            <p class="kern-body">{event_label(e)}{e.internal.then(|| view! { <strong>" (intern)"</strong> })}</p>
                            {(!e.message.is_empty()).then(|| view! { <p class="kern-body history-message">{e.message.clone()}</p> })}
                            {(!e.files.is_empty()).then(|| view! {
                                <ul class="kern-list">{e.files.iter().map(|f| view! {
                                    <li><a class="kern-link" href=file_path(&reference, &f.id)>{format!("{} herunterladen", f.name)}</a></li>
                                }).collect_view()}</ul>
                            })}
                        </li>
                    }).collect_view()}
                </ol>
            </StaffFrame>
        }
    })
}
