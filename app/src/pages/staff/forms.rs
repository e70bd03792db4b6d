//! The form builder's overview and one form: pages with their questions in order, buttons to
//! move and remove them, the workflow and the versions.

use super::frame::{staff_page, CsrfField, StaffFrame};
use super::review::{review_decision, slug_button};
use crate::requests::form::{Field, FormPage};
use crate::staff::form_field::kind_name;
use crate::staff::forms::{get_form, get_forms, ArrangeForm, DiscardForm, FormRow, PublishFormDraft, ReturnFormDraft, SubmitFormDraft};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::{use_params_map, use_query_map};

fn state_text(row: &FormRow) -> String {
    match (row.live, row.working) {
        (Some(live), Some((n, true))) => format!("Version {live} online, Version {n} in Prüfung"),
        (Some(live), Some((n, false))) => format!("Version {live} online, Entwurf Version {n}"),
        (Some(live), None) => format!("Version {live} online"),
        (None, Some((n, true))) => format!("Noch nicht online, Version {n} in Prüfung"),
        (None, Some((n, false))) => format!("Noch nicht online, Entwurf Version {n}"),
        (None, None) => "Kein Online-Formular".into(),
    }
}

/// The list of services with their form's state.
#[component]
pub fn FormsPage() -> impl IntoView {
    let q = use_query_map().read_untracked().get("q").unwrap_or_default();
    staff_page(get_forms(q), |context, data| {
        view! {
            <StaffFrame title="Antragsformulare" context>
                <form method="get" action="/verwaltung/formulare" class="staff-form kern-stack" role="search">
                    <div class="kern-form-input">
                        <label class="kern-label" for="q">"Leistung ohne Formular suchen"</label>
                        <input class="kern-form-input__input" id="q" name="q" type="search" value=data.query.clone()/>
                    </div>
                    <div><button class="kern-btn kern-btn--secondary" type="submit"><span class="kern-label">"Suchen"</span></button></div>
                </form>
                <table class="kern-table">
                    <caption class="kern-title">"Leistungen und ihre Formulare"</caption>
                    <thead class="kern-table__head"><tr class="kern-table__row">
                        <th scope="col" class="kern-table__header">"Leistung"</th>
                        <th scope="col" class="kern-table__header">"Stand"</th>
                    </tr></thead>
                    <tbody class="kern-table__body">
                        {data.rows.iter().map(|row| view! {
                            <tr class="kern-table__row">
                                <td class="kern-table__cell"><a class="kern-link" href=format!("/verwaltung/formulare/{}", row.slug)>{row.title.clone()}</a></td>
                                <td class="kern-table__cell">{state_text(row)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </StaffFrame>
        }
    })
}

/// A short visible text with the item it acts on for screen readers ("„Foto“ nach oben").
fn named(item: String, visible: &'static str) -> impl IntoView {
    view! { <span class="kern-sr-only">{format!("{item} ")}</span>{visible} }
}

/// A form with one button posting `action` on an item of the form.
fn item_button(csrf: &str, slug: &str, page: &str, field: &str, action: &'static str, item: String, visible: &'static str) -> impl IntoView {
    view! {
        <form method="post" action=ArrangeForm::url()>
            <CsrfField token=csrf.to_string()/>
            <input type="hidden" name="slug" value=slug.to_string()/>
            <input type="hidden" name="page" value=page.to_string()/>
            <input type="hidden" name="field" value=field.to_string()/>
            <input type="hidden" name="action" value=action/>
            <button class="kern-btn kern-btn--tertiary kern-btn--small" type="submit"><span class="kern-label">{named(item, visible)}</span></button>
        </form>
    }
}

fn field_line(field: &Field, csrf: &str, slug: &str, page: &str, editable: bool) -> impl IntoView {
    let condition = field.show_if.as_ref().map(|rule| format!(" · nur wenn „{}“ = {}", rule.field, rule.any_of.join(" oder ")));
    let name = field.label.de.clone();
    let buttons = editable.then(|| {
        view! {
            <div class="button-row">
                <a class="kern-link" href=format!("/verwaltung/formulare/{slug}/feld/{page}/{}", field.id)>{named(format!("„{name}“"), "Bearbeiten")}</a>
                {item_button(csrf, slug, page, &field.id, "hoch", format!("„{name}“"), "Nach oben")}
                {item_button(csrf, slug, page, &field.id, "runter", format!("„{name}“"), "Nach unten")}
                {item_button(csrf, slug, page, &field.id, "entfernen", format!("„{name}“"), "Entfernen")}
            </div>
        }
    });
    view! {
        <li class="card-list__item">
            <p class="kern-body"><strong>{field.label.de.clone()}</strong>
                {format!(" · {} · Kennung {}{}", kind_name(field.kind).1, field.id, if field.required { " · Pflicht" } else { "" })}{condition}</p>
            {buttons}
        </li>
    }
}

fn page_section(page: &FormPage, number: usize, csrf: &str, slug: &str, editable: bool) -> impl IntoView {
    let title = page.title.de.clone();
    let id = page.id.clone();
    view! {
        <section id=format!("seite-{id}") class="kern-stack" aria-labelledby=format!("titel-{id}")>
            <h3 class="kern-heading-small" id=format!("titel-{id}")>{format!("Seite {number}: {title}")}</h3>
            {editable.then(|| view! {
                <div class="button-row">
                    <a class="kern-link" href=format!("/verwaltung/formulare/{slug}/seite/{id}")>{named(format!("Seite „{title}“:"), "Titel ändern")}</a>
                    {item_button(csrf, slug, &id, "", "hoch", format!("Seite „{title}“"), "Seite nach oben")}
                    {item_button(csrf, slug, &id, "", "runter", format!("Seite „{title}“"), "Seite nach unten")}
                    {item_button(csrf, slug, &id, "", "entfernen", format!("Seite „{title}“ mit ihren Fragen:"), "Seite entfernen")}
                </div>
            })}
            {page.fields.is_empty().then(|| view! { <p class="kern-body">"Noch keine Frage auf dieser Seite."</p> })}
            <ul class="card-list card-list--compact">
                {page.fields.iter().map(|field| field_line(field, csrf, slug, &id, editable)).collect_view()}
            </ul>
            {editable.then(|| view! {
                <p class="kern-body"><a class="kern-btn kern-btn--secondary" href=format!("/verwaltung/formulare/{slug}/feld/{id}/neu")>
                    <span class="kern-label">{format!("Frage zu „{title}“ hinzufügen")}</span></a></p>
            })}
        </section>
    }
}

/// One form: its pages and questions, the workflow and the versions.
#[component]
pub fn FormBuilderPage() -> impl IntoView {
    let slug = use_params_map().read_untracked().get("slug").unwrap_or_default();
    staff_page(get_form(slug), |context, detail| {
        let slug = detail.row.slug.clone();
        let csrf = context.csrf.clone();
        let working = detail.row.working;
        let in_review = working.is_some_and(|(_, review)| review);
        let editable = detail.may_edit && !in_review;
        let note = (!detail.review_note.is_empty() && !in_review).then(|| detail.review_note.clone());
        let pages = detail.definition.pages.iter().enumerate().map(|(i, page)| page_section(page, i + 1, &csrf, &slug, editable)).collect_view();
        view! {
            <StaffFrame title=format!("Formular: {}", detail.row.title) context=context.clone()>
                <p class="kern-body">{state_text(&detail.row)}". Änderungen entstehen als neue Version; begonnene Anträge behalten ihre Version."</p>
                {note.map(|note| view! {
                    <div class="kern-alert kern-alert--warning"><div class="kern-alert__body">
                        <p class="kern-body">{format!("Hinweis aus der Prüfung: {note}")}</p>
                    </div></div>
                })}
                <div class="button-row">
                    <a class="kern-btn kern-btn--secondary" href=format!("/verwaltung/formulare/{slug}/vorschau")><span class="kern-label">"Vorschau"</span></a>
                    {(detail.may_edit && working.is_some_and(|(_, review)| !review)).then(|| slug_button(SubmitFormDraft::url(), &csrf, &slug, "Zur Prüfung geben", "kern-btn kern-btn--primary"))}
                    {(detail.may_edit && working.is_some()).then(|| slug_button(DiscardForm::url(), &csrf, &slug, "Entwurf verwerfen", "kern-btn kern-btn--tertiary"))}
                </div>
                {(detail.may_publish && in_review).then(|| review_decision(detail.own_work, PublishFormDraft::url(), ReturnFormDraft::url(), &csrf, &slug))}
                <h2 class="kern-heading-medium">"Seiten und Fragen"</h2>
                {detail.definition.pages.is_empty().then(|| view! { <p class="kern-body">"Dieses Formular hat noch keine Seite."</p> })}
                {pages}
                {editable.then(|| view! {
                    <p class="kern-body"><a class="kern-btn kern-btn--secondary" href=format!("/verwaltung/formulare/{slug}/seite/neu")><span class="kern-label">"Seite hinzufügen"</span></a></p>
                })}
                <h2 class="kern-heading-medium">"Versionen"</h2>
                {detail.history.is_empty().then(|| view! { <p class="kern-body">"Noch keine Version."</p> })}
                <ul class="kern-list">
                    {detail.history.iter().map(|v| view! { <li>{format!("Version {} · {} · {}", v.number, v.status, v.text)}</li> }).collect_view()}
                </ul>
            </StaffFrame>
        }
    })
}
