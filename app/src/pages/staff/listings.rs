//! `/verwaltung/leistungen` (the filtered list) and `/verwaltung/leistungen/:slug` (one
//! listing: state, changes against the published version, workflow buttons, versions, history).

use super::frame::{date_time, staff_page, CsrfField, StaffFrame};
use super::review::{review_decision, slug_button};
use crate::catalogue::diff::{field_label, FieldChange};
use crate::catalogue::editorial_model::{EditorialAction, StatusFilter};
use crate::catalogue::VersionStatus;
use crate::staff::listings::{
    get_listing, get_listings, ArchiveListing, Choice, PublishListing, RestoreListing, ReturnListing, SubmitListing,
};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::{use_params_map, use_query_map};

fn status_label(status: VersionStatus) -> &'static str {
    match status {
        VersionStatus::Draft => "Entwurf",
        VersionStatus::InReview => "In Prüfung",
        VersionStatus::Published => "Veröffentlicht",
        VersionStatus::Archived => "Archiviert",
    }
}

fn filter_value(status: Option<StatusFilter>) -> &'static str {
    match status {
        Some(StatusFilter::Draft) => "entwurf",
        Some(StatusFilter::InReview) => "pruefung",
        Some(StatusFilter::Published) => "veroeffentlicht",
        Some(StatusFilter::Archived) => "offline",
        None => "",
    }
}

#[component]
fn Select(#[prop(into)] id: String, #[prop(into)] label: String, choices: Vec<Choice>, #[prop(into)] selected: String) -> impl IntoView {
    view! {
        <div class="kern-form-input">
            <label class="kern-label" for=id.clone()>{label}</label>
            <div class="kern-form-input__select-wrapper"><select class="kern-form-input__select" id=id.clone() name=id>
                <option value="" selected=selected.is_empty()>"Alle"</option>
                {choices.into_iter().map(|c| {
                    let is = c.slug == selected;
                    view! { <option value=c.slug selected=is>{c.name}</option> }
                }).collect_view()}
            </select></div>
        </div>
    }
}

/// The list of services with filters and search.
#[component]
pub fn ListingsPage() -> impl IntoView {
    let query = use_query_map().read_untracked();
    let get = |key: &str| query.get(key).unwrap_or_default();
    let data = get_listings(get("status"), get("topic"), get("office"), get("missing_en"), get("missing_ls"), get("q"), get("seite").parse().unwrap_or(1));
    staff_page(data, |context, data| {
        let filter = data.filter.clone();
        let status = filter_value(filter.status);
        let statuses = [("entwurf", "mit Entwurf"), ("pruefung", "in Prüfung"), ("veroeffentlicht", "veröffentlicht"), ("offline", "offline")]
            .map(|(slug, name)| Choice { slug: slug.into(), name: name.into() })
            .to_vec();
        let shown = data.page.page + 1;
        let pages = data.page.total.div_ceil(crate::catalogue::editorial_model::PAGE_SIZE).max(1);
        let link = {
            let filter = filter.clone();
            move |page: usize| {
                let mut query = url::form_urlencoded::Serializer::new(String::new());
                query.append_pair("status", filter_value(filter.status));
                query.append_pair("topic", filter.topic.as_deref().unwrap_or(""));
                query.append_pair("office", filter.office.as_deref().unwrap_or(""));
                if filter.missing_en { query.append_pair("missing_en", "1"); }
                if filter.missing_ls { query.append_pair("missing_ls", "1"); }
                query.append_pair("q", &filter.query);
                query.append_pair("seite", &page.to_string());
                format!("/verwaltung/leistungen?{}", query.finish())
            }
        };
        view! {
            <StaffFrame title="Leistungen" context>
                {data.may_edit.then(|| view! {
                    <p class="kern-body"><a class="kern-btn kern-btn--primary" href="/verwaltung/leistungen/neu"><span class="kern-label">"Neue Leistung"</span></a></p>
                })}
                <form method="get" action="/verwaltung/leistungen" class="staff-filters" role="search" aria-label="Leistungen filtern">
                    <div class="kern-form-input">
                        <label class="kern-label" for="q">"Titel oder Adresse"</label>
                        <input class="kern-form-input__input" id="q" name="q" type="search" value=filter.query.clone()/>
                    </div>
                    <Select id="status" label="Stand" choices=statuses selected=status/>
                    <Select id="topic" label="Thema" choices=data.topics.clone() selected=filter.topic.clone().unwrap_or_default()/>
                    <Select id="office" label="Dienststelle" choices=data.offices.clone() selected=filter.office.clone().unwrap_or_default()/>
                    <div class="kern-form-check">
                        <input class="kern-form-check__checkbox" type="checkbox" id="missing_en" name="missing_en" value="1" checked=filter.missing_en/>
                        <label class="kern-label" for="missing_en">"Englisch fehlt"</label>
                    </div>
                    <div class="kern-form-check">
                        <input class="kern-form-check__checkbox" type="checkbox" id="missing_ls" name="missing_ls" value="1" checked=filter.missing_ls/>
                        <label class="kern-label" for="missing_ls">"Leichte Sprache fehlt"</label>
                    </div>
                    <button class="kern-btn kern-btn--secondary" type="submit"><span class="kern-label">"Filtern"</span></button>
                </form>
                <p class="kern-body" role="status">{format!("{} Leistungen", data.page.total)}</p>
                <div class="table-scroll" tabindex="0" role="region" aria-label="Leistungen">
                    <table class="kern-table">
                        <caption class="sr-only">"Leistungen mit Stand und letzter Änderung"</caption>
                        <thead class="kern-table__head"><tr class="kern-table__row">
                            <th scope="col" class="kern-table__header">"Titel"</th>
                            <th scope="col" class="kern-table__header">"Stand"</th>
                            <th scope="col" class="kern-table__header">"Übersetzungen"</th>
                            <th scope="col" class="kern-table__header">"Zuletzt geändert"</th>
                        </tr></thead>
                        <tbody class="kern-table__body">
                            {data.page.rows.into_iter().map(|row| {
                                let mut state = Vec::new();
                                if let Some(n) = row.published { state.push(format!("veröffentlicht (V{n})")); }
                                if let Some(w) = row.working { state.push(format!("{} (V{})", status_label(w.status), w.number)); }
                                if row.archived_only { state.push("offline".into()); }
                                let missing = [(row.missing_en, "Englisch fehlt"), (row.missing_ls, "Leichte Sprache fehlt")]
                                    .into_iter().filter(|(m, _)| *m).map(|(_, t)| t).collect::<Vec<_>>().join(", ");
                                view! {
                                    <tr class="kern-table__row">
                                        <td class="kern-table__cell"><a class="kern-link" href=format!("/verwaltung/leistungen/{}", row.slug_de)>{row.title_de}</a></td>
                                        <td class="kern-table__cell">{state.join(", ")}</td>
                                        <td class="kern-table__cell">{if missing.is_empty() { "vollständig".to_string() } else { missing }}</td>
                                        <td class="kern-table__cell">{date_time(row.updated_at)}" · "{row.updated_by}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <nav class="pager" aria-label="Seiten">
                    {(shown > 1).then(|| view! { <a class="kern-link" href=link(shown - 1)>"Vorherige Seite"</a> })}
                    <span>{format!("Seite {shown} von {pages}")}</span>
                    {(shown < pages).then(|| view! { <a class="kern-link" href=link(shown + 1)>"Nächste Seite"</a> })}
                </nav>
            </StaffFrame>
        }
    })
}

/// A table of field changes.
#[component]
fn Changes(#[prop(into)] caption: String, changes: Vec<FieldChange>) -> impl IntoView {
    if changes.is_empty() {
        return view! { <p class="kern-body">"Keine inhaltlichen Änderungen."</p> }.into_any();
    }
    let label = caption.clone();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=label>
            <table class="kern-table diff">
                <caption class="kern-title">{caption}</caption>
                <thead class="kern-table__head"><tr class="kern-table__row">
                    <th scope="col" class="kern-table__header">"Feld"</th>
                    <th scope="col" class="kern-table__header">"Vorher"</th>
                    <th scope="col" class="kern-table__header">"Nachher"</th>
                </tr></thead>
                <tbody class="kern-table__body">
                    {changes.into_iter().map(|c| view! {
                        <tr class="kern-table__row">
                            <th scope="row" class="kern-table__header">{field_label(&c.field)}</th>
                            <td class="kern-table__cell diff__before">{c.before}</td>
                            <td class="kern-table__cell diff__after">{c.after}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// A form with one button that posts a workflow step for `slug`.
fn action_label(action: EditorialAction) -> &'static str {
    match action {
        EditorialAction::Created => "angelegt",
        EditorialAction::Saved => "gespeichert",
        EditorialAction::Submitted => "zur Prüfung gegeben",
        EditorialAction::Returned => "zur Überarbeitung zurückgegeben",
        EditorialAction::Published => "veröffentlicht",
        EditorialAction::Archived => "offline genommen",
        EditorialAction::Restored => "wiederhergestellt",
    }
}

/// One listing with its workflow.
#[component]
pub fn ListingPage() -> impl IntoView {
    let slug = use_params_map().read_untracked().get("slug").unwrap_or_default();
    let compare = use_query_map().read_untracked().get("vergleich").and_then(|v| v.parse().ok());
    staff_page(get_listing(slug, compare), |context, detail| {
        let slug = detail.record.slug_de.clone();
        let csrf = context.csrf.clone();
        let working = detail.working.clone();
        let status = working.as_ref().map(|w| w.status);
        let published = detail.record.published;
        let state_text = match (published, working.as_ref()) {
            (Some(p), Some(w)) => format!("Version {p} ist online. Version {} ist {} – die Online-Fassung bleibt, bis sie freigegeben ist.", w.number, status_label(w.status)),
            (Some(p), None) => format!("Version {p} ist online."),
            (None, Some(w)) => format!("Noch nicht online. Version {} ist {}.", w.number, status_label(w.status)),
            (None, None) => "Offline (archiviert).".to_string(),
        };
        let note = working.as_ref().filter(|w| w.status == VersionStatus::Draft).map(|w| w.review_note.clone()).filter(|n| !n.is_empty());
        view! {
            <StaffFrame title=detail.title.clone() context=context.clone()>
                <p class="kern-body">{state_text}</p>
                {note.map(|note| view! {
                    <div class="kern-alert kern-alert--warning"><div class="kern-alert__body">
                        <p class="kern-body">"Hinweis aus der Prüfung: "{note}</p>
                    </div></div>
                })}
                <div class="button-row">
                    {detail.may_edit.then(|| view! { <a class="kern-btn kern-btn--primary" href=format!("/verwaltung/leistungen/{slug}/bearbeiten")><span class="kern-label">"Bearbeiten"</span></a> })}
                    <a class="kern-btn kern-btn--secondary" href=format!("/verwaltung/leistungen/{slug}/vorschau")><span class="kern-label">"Vorschau"</span></a>
                    {published.map(|_| view! { <a class="kern-link" href=format!("/leistungen/{slug}")>"Online-Fassung ansehen"</a> })}
                </div>
                {(detail.may_edit && status == Some(VersionStatus::Draft)).then(|| slug_button(SubmitListing::url(), &csrf, &slug, "Zur Prüfung geben", "kern-btn kern-btn--secondary"))}
                {(detail.may_publish && status == Some(VersionStatus::InReview)).then(|| review_decision(detail.own_work, PublishListing::url(), ReturnListing::url(), &csrf, &slug))}
                <Changes caption=if published.is_some() { "Änderungen gegenüber der Online-Fassung" } else { "Inhalt des Entwurfs" } changes=detail.changes.clone()/>
                <h2 class="kern-heading-medium">"Versionen"</h2>
                <ul class="card-list card-list--compact">
                    {detail.record.versions.iter().map(|v| {
                        // Restoring the online version only makes sense to discard a draft.
                        let restorable = detail.may_edit
                            && Some(v.number) != detail.record.working
                            && !(Some(v.number) == published && detail.record.working.is_none());
                        let (csrf, slug) = (csrf.clone(), slug.clone());
                        view! {
                            <li class="card-list__item">
                                <p class="kern-body"><strong>{format!("Version {}", v.number)}</strong>{format!(" · {} · zuletzt geändert {} von {}", status_label(v.status), date_time(v.updated_at), v.updated_by)}
                                    {v.approved_by.clone().map(|by| format!(" · freigegeben von {by}"))}</p>
                                <div class="button-row">
                                    <a class="kern-link" href=format!("/verwaltung/leistungen/{slug}?vergleich={}#vergleich", v.number)>{format!("Änderungen in Version {}", v.number)}</a>
                                    {restorable.then(|| view! {
                                        <form method="post" action=RestoreListing::url()>
                                            <CsrfField token=csrf/>
                                            <input type="hidden" name="slug" value=slug/>
                                            <input type="hidden" name="number" value=v.number.to_string()/>
                                            <button class="kern-btn kern-btn--tertiary" type="submit"><span class="kern-label">{format!("Version {} wiederherstellen", v.number)}</span></button>
                                        </form>
                                    })}
                                </div>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                {detail.compared.clone().map(|(n, changes)| view! {
                    <section id="vergleich" tabindex="-1" class="kern-stack">
                        <Changes caption=format!("Änderungen in Version {n} gegenüber der Version davor") changes/>
                    </section>
                })}
                <h2 class="kern-heading-medium">"Verlauf"</h2>
                {detail.history.is_empty().then(|| view! { <p class="kern-body">"Noch keine Bearbeitung in der Verwaltung."</p> })}
                <ul class="kern-list">
                    {detail.history.iter().map(|e| view! {
                        <li>{format!("{} – Version {} {} von {}", date_time(e.at), e.number, action_label(e.action), e.actor)}
                            {(!e.note.is_empty()).then(|| format!(" ({})", e.note))}</li>
                    }).collect_view()}
                </ul>
                {(detail.may_publish && published.is_some()).then(|| view! {
                    <h2 class="kern-heading-medium">"Offline nehmen"</h2>
                    <p class="kern-body">"Nimmt die Leistung von der Website und aus der Suche. Alle Versionen bleiben erhalten."</p>
                    {slug_button(ArchiveListing::url(), &csrf, &slug, "Offline nehmen", "kern-btn kern-btn--secondary")}
                })}
            </StaffFrame>
        }
    })
}
