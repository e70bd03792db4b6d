//! `/verwaltung/antraege`: the caseworkers' list of requests with a filter form (GET, so the
//! address can be bookmarked and shared), the result count, a table, page links and the CSV
//! export of the same filter.

use super::frame::{date_time, staff_page, StaffFrame};
use crate::inbox::api::get_inbox;
use crate::inbox::model::{status_label, Choice, InboxQuery, EXPORT_PATH, INBOX_PATH};
use crate::requests::status::RequestStatus;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// A labelled select whose first option is "Alle".
#[component]
pub(super) fn Select(#[prop(into)] id: String, #[prop(into)] label: String, choices: Vec<Choice>, #[prop(into)] selected: String, #[prop(into)] all: String) -> impl IntoView {
    view! {
        <div class="kern-form-input">
            <label class="kern-label" for=id.clone()>{label}</label>
            <div class="kern-form-input__select-wrapper"><select class="kern-form-input__select" id=id.clone() name=id>
                <option value="" selected=selected.is_empty()>{all}</option>
                {choices.into_iter().map(|c| {
                    let is = c.value == selected;
                    view! { <option value=c.value selected=is>{c.name}</option> }
                }).collect_view()}
            </select></div>
        </div>
    }
    .into_any()
}

fn choices(pairs: &[(&str, &str)]) -> Vec<Choice> {
    pairs.iter().map(|(value, name)| Choice { value: (*value).into(), name: (*name).into() }).collect()
}

/// The inbox list.
#[component]
pub fn InboxPage() -> impl IntoView {
    let map = use_query_map().read_untracked();
    let get = |key: &str| map.get(key).unwrap_or_default();
    let query = InboxQuery {
        leistung: get("leistung"),
        status: get("status"),
        dienststelle: get("dienststelle"),
        bearbeitung: get("bearbeitung"),
        alter: get("alter"),
        ueberfaellig: get("ueberfaellig"),
        q: get("q"),
        sortierung: get("sortierung"),
        richtung: get("richtung"),
        seite: get("seite"),
    };
    staff_page(get_inbox(query), |context, data| {
        let filter = data.filter.clone();
        let mut statuses = vec![Choice { value: "offen".into(), name: "Offen (eingegangen, in Bearbeitung, wartet)".into() }];
        statuses.extend(RequestStatus::ALL.iter().map(|s| Choice { value: s.code().into(), name: status_label(*s).into() }));
        let mut assignees = choices(&[("ich", "Mir"), ("niemand", "Niemandem")]);
        assignees.extend(data.caseworkers.clone());
        let pages = data.list.pages();
        let page = filter.page;
        let link = {
            let filter = filter.clone();
            move |page: i64| format!("{INBOX_PATH}?{}", filter.query_string(Some(page)))
        };
        let export = format!("{EXPORT_PATH}?{}", filter.query_string(None));
        let count = data.list.count_text();
        let has_next = data.list.has_next;
        let of_pages = match pages {
            Some(pages) => format!("Seite {page} von {pages}"),
            None => format!("Seite {page}"),
        };
        let empty = data.list.rows.is_empty();
        view! {
            <StaffFrame title="Anträge" context>
                <p class="kern-body"><a class="kern-link" href=crate::inbox::model::CANNED_PATH>"Antwortvorlagen verwalten"</a></p>
                {(!data.problems.is_empty()).then(|| view! {
                    <div class="kern-alert kern-alert--warning" role="status"><div class="kern-alert__body">
                        <ul class="kern-list">{data.problems.iter().map(|p| view! { <li>{p.clone()}</li> }).collect_view()}</ul>
                    </div></div>
                })}
                <form method="get" action=INBOX_PATH class="staff-filters" role="search" aria-label="Anträge filtern">
                    <div class="kern-form-input">
                        <label class="kern-label" for="q">"Vorgangsnummer oder Name"</label>
                        <input class="kern-form-input__input" id="q" name="q" type="search" value=filter.search.clone()/>
                    </div>
                    <Select id="leistung" label="Leistung" choices=data.services.clone() selected=filter.service.clone() all="Alle"/>
                    <Select id="status" label="Stand" choices=statuses selected=filter.status_value() all="Alle"/>
                    <Select id="dienststelle" label="Dienststelle" choices=data.offices.clone() selected=filter.office.clone() all="Alle"/>
                    <Select id="bearbeitung" label="Zugewiesen an" choices=assignees selected=filter.assignee_value() all="Alle"/>
                    <div class="kern-form-input">
                        <label class="kern-label" for="alter">"Älter als (Tage)"</label>
                        <input class="kern-form-input__input" id="alter" name="alter" type="number" min="0" max="36500" inputmode="numeric"
                            value=filter.min_age_days.map(|d| d.to_string()).unwrap_or_default()/>
                    </div>
                    <div class="kern-form-check">
                        <input class="kern-form-check__checkbox" type="checkbox" id="ueberfaellig" name="ueberfaellig" value="1" checked=filter.overdue/>
                        <label class="kern-label" for="ueberfaellig">"Nur überfällige"</label>
                    </div>
                    <Select id="sortierung" label="Sortieren nach" choices=choices(&[("frist", "Entscheidungsdatum"), ("stand", "Stand")]) selected=if filter.sort_value() == "eingang" { "" } else { filter.sort_value() } all="Eingang"/>
                    <Select id="richtung" label="Reihenfolge" choices=choices(&[("auf", "Aufsteigend (älteste zuerst)"), ("ab", "Absteigend (neueste zuerst)")]) selected=if filter.descending { "ab" } else { "auf" } all="Standard"/>
                    <button class="kern-btn kern-btn--secondary" type="submit"><span class="kern-label">"Filtern"</span></button>
                </form>
                <p class="kern-body" role="status">{count}</p>
                <p class="kern-body"><a class="kern-link" href=export download="">"Diese Liste als CSV herunterladen"</a></p>
                {empty.then(|| view! { <p class="kern-body">"Keine Anträge auf dieser Seite. Ändern Sie die Filter oder gehen Sie zur ersten Seite."</p> })}
                <div class="table-scroll" tabindex="0" role="region" aria-label="Anträge">
                    <table class="kern-table">
                        <caption class="sr-only">{format!("Anträge, {of_pages}")}</caption>
                        <thead class="kern-table__head"><tr class="kern-table__row">
                            <th scope="col" class="kern-table__header">"Vorgangsnummer"</th>
                            <th scope="col" class="kern-table__header">"Leistung"</th>
                            <th scope="col" class="kern-table__header">"Name"</th>
                            <th scope="col" class="kern-table__header">"Stand"</th>
                            <th scope="col" class="kern-table__header">"Zugewiesen"</th>
                            <th scope="col" class="kern-table__header">"Eingang"</th>
                            <th scope="col" class="kern-table__header">"Entscheidung bis"</th>
                        </tr></thead>
                        <tbody class="kern-table__body">
                            {data.list.rows.into_iter().map(|row| view! {
                                <tr class="kern-table__row">
                                    <td class="kern-table__cell"><a class="kern-link" href=crate::inbox::model::detail_path(&row.reference)>{row.reference.clone()}</a></td>
                                    <td class="kern-table__cell">{row.service_title}</td>
                                    <td class="kern-table__cell">{row.applicant_name}</td>
                                    <td class="kern-table__cell">{status_label(row.status)}</td>
                                    <td class="kern-table__cell">{row.assignee.unwrap_or_else(|| "–".into())}</td>
                                    <td class="kern-table__cell">{date_time(row.submitted_at)}</td>
                                    <td class="kern-table__cell">{row.expected.german()}{row.overdue.then_some(" (überfällig)")}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <nav class="pager" aria-label="Seiten">
                    {(page > 1).then(|| view! { <a class="kern-link" href=link(1)>"Erste Seite"</a> })}
                    {(page > 1).then(|| view! { <a class="kern-link" href=link((page - 1).min(pages.unwrap_or(i64::MAX)))>"Vorherige Seite"</a> })}
                    <span>{of_pages.clone()}</span>
                    {has_next.then(|| view! { <a class="kern-link" href=link(page + 1)>"Nächste Seite"</a> })}
                </nav>
            </StaffFrame>
        }
    })
}
