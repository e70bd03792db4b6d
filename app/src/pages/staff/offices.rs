//! `/verwaltung/dienststellen`: the offices and their edit pages (publishers and
//! administrators).

use super::frame::{staff_page, CsrfField, ErrorSummary, StaffFrame, TextArea, TextField};
use super::taxonomy::{slug_param, DeleteSection};
use crate::staff::taxonomy::offices::{get_office_page, get_offices, DeleteOfficeForm, OfficePage, SaveOfficeForm};
use crate::staff::taxonomy::{edit_path, CONFIRM_ID, OFFICES_PATH};
use crate::staff::StaffContext;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// How regular opening hours are written.
const HOURS_HINT: &str = "Eine Zeile je Wochentag: Tag, Zeiten, nach „|“ ein Hinweis und nach „| en:“ seine englische Fassung. \
    Beispiel: „Di 07:30-13:00, 14:00-18:00 | nur mit Termin | en: by appointment only“. \
    Auch „Mo-Fr 8-12“ oder „Montag 8.30 bis 12 Uhr“ sind möglich; „ls:“ leitet die Leichte Sprache ein. Tage ohne Zeile sind geschlossen.";

/// How exceptions are written.
const EXCEPTIONS_HINT: &str = "Eine Zeile je Tag: Datum, Zeiten oder „geschlossen“, nach „|“ der Grund und nach „| en:“ seine englische Fassung. \
    Beispiele: „2026-12-24 geschlossen | Heiligabend | en: Christmas Eve“, „18.11.2026 07:30-11:00 | Personalversammlung“.";

/// `/verwaltung/dienststellen`: every office.
#[component]
pub fn OfficesPage() -> impl IntoView {
    staff_page(get_offices(), |context, offices| {
        view! {
            <StaffFrame title="Dienststellen" context>
                <p class="kern-body">"Änderungen gelten sofort auf allen Seiten und in der Suche."</p>
                <p class="kern-body"><a class="kern-link" href=edit_path(OFFICES_PATH, "")>"Neue Dienststelle"</a></p>
                <div class="table-scroll" tabindex="0" role="region" aria-label="Dienststellen">
                    <table class="kern-table">
                        <caption class="sr-only">{format!("{} Dienststellen nach Namen", offices.len())}</caption>
                        <thead class="kern-table__head"><tr class="kern-table__row">
                            <th scope="col" class="kern-table__header">"Name"</th>
                            <th scope="col" class="kern-table__header">"Anschrift"</th>
                            <th scope="col" class="kern-table__header">"URL-Kürzel"</th>
                        </tr></thead>
                        <tbody class="kern-table__body">
                            {offices.into_iter().map(|office| view! {
                                <tr class="kern-table__row">
                                    <td class="kern-table__cell"><a class="kern-link" href=edit_path(OFFICES_PATH, &office.slug)>{office.name}</a></td>
                                    <td class="kern-table__cell">{office.address}</td>
                                    <td class="kern-table__cell">{office.slug}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </StaffFrame>
        }
        .into_any()
    })
}

#[component]
fn OfficeEditor(context: StaffContext, page: OfficePage) -> impl IntoView {
    let title = if page.original.is_empty() { "Neue Dienststelle".to_string() } else { format!("Dienststelle bearbeiten: {}", page.name) };
    let form = page.form.clone();
    let v = form.values.clone();
    let errors: Vec<(String, String)> = form.errors.iter().chain(&page.delete_errors).cloned().collect();
    let e = move |id: &str| form.error(id);
    let delete_error = page.delete_errors.iter().find(|(id, _)| id == CONFIRM_ID).map(|(_, message)| message.clone());
    view! {
        <StaffFrame title context=context.clone()>
            <p class="kern-body"><a class="kern-link" href=OFFICES_PATH>"Zurück zu den Dienststellen"</a></p>
            <ErrorSummary errors/>
            <form method="post" action=SaveOfficeForm::url() class="kern-stack staff-form" novalidate=true>
                <CsrfField token=context.csrf.clone()/>
                <input type="hidden" name="original" value=page.original.clone()/>
                <fieldset class="kern-fieldset">
                    <legend class="kern-label">"Name und Adresse der Seite"</legend>
                    <div class="kern-fieldset__body kern-stack">
                        <TextField id="name-de" name="office[name_de]" label="Name (Deutsch)" value=v.name_de lang="de" required=true error=e("name-de")/>
                        <TextField id="name-en" name="office[name_en]" label="Name (Englisch)" value=v.name_en lang="en" error=e("name-en")/>
                        <TextField id="name-ls" name="office[name_ls]" label="Name (Leichte Sprache)" value=v.name_ls lang="de" error=e("name-ls")/>
                        <TextField id="slug-de" name="office[slug_de]" label="URL-Kürzel (deutsch)" value=v.slug_de required=true autocomplete="off"
                            hint="Kleinbuchstaben ohne Umlaute, Ziffern und Bindestriche, z. B. buergerbuero-mitte. Eine Änderung wird in alle Leistungen übernommen."
                            error=e("slug-de")/>
                        <TextField id="slug-en" name="office[slug_en]" label="URL-Kürzel (englisch)" value=v.slug_en required=true autocomplete="off"
                            hint="Muss sich vom deutschen unterscheiden, z. B. citizen-office-centre." error=e("slug-en")/>
                    </div>
                </fieldset>
                <fieldset class="kern-fieldset">
                    <legend class="kern-label">"Anschrift"</legend>
                    <div class="kern-fieldset__body kern-stack">
                        <TextField id="street" name="office[street]" label="Straße und Hausnummer" value=v.street required=true autocomplete="off" error=e("street")/>
                        <TextField id="postcode" name="office[postcode]" label="Postleitzahl" value=v.postcode required=true autocomplete="off" error=e("postcode")/>
                        <TextField id="city" name="office[city]" label="Ort" value=v.city required=true autocomplete="off" error=e("city")/>
                        <TextField id="latitude" name="office[latitude]" label="Breitengrad" value=v.latitude required=true autocomplete="off"
                            hint="Für die Karte, in Grad, z. B. 52.42165" error=e("latitude")/>
                        <TextField id="longitude" name="office[longitude]" label="Längengrad" value=v.longitude required=true autocomplete="off"
                            hint="In Grad, z. B. 10.78705" error=e("longitude")/>
                    </div>
                </fieldset>
                <fieldset class="kern-fieldset">
                    <legend class="kern-label">"Kontakt"</legend>
                    <div class="kern-fieldset__body kern-stack">
                        <TextField id="phone" name="office[phone]" label="Telefon" value=v.phone kind="tel" autocomplete="off"
                            hint="Wie gewählt, z. B. +49 5361 28-2300" error=e("phone")/>
                        <TextField id="email" name="office[email]" label="E-Mail" value=v.email kind="email" autocomplete="off" error=e("email")/>
                    </div>
                </fieldset>
                <TextArea id="hours" name="office[hours]" label="Öffnungszeiten" value=v.hours rows=8 hint=HOURS_HINT error=e("hours")/>
                <TextArea id="exceptions" name="office[exceptions]" label="Abweichende Öffnungszeiten" value=v.exceptions rows=6 hint=EXCEPTIONS_HINT
                    error=e("exceptions")/>
                <fieldset class="kern-fieldset">
                    <legend class="kern-label">"Barrierefreiheit"</legend>
                    <div class="kern-fieldset__body kern-stack">
                        <TextArea id="accessibility-de" name="office[accessibility_de]" label="Barrierefreiheit (Deutsch)" value=v.accessibility_de lang="de" rows=5
                            hint="Stufenloser Zugang, Aufzug, barrierefreies WC, Höranlage, Parkplätze." error=e("accessibility-de")/>
                        <TextArea id="accessibility-en" name="office[accessibility_en]" label="Barrierefreiheit (Englisch)" value=v.accessibility_en lang="en" rows=5
                            error=e("accessibility-en")/>
                        <TextArea id="accessibility-ls" name="office[accessibility_ls]" label="Barrierefreiheit (Leichte Sprache)" value=v.accessibility_ls lang="de"
                            rows=5 error=e("accessibility-ls")/>
                    </div>
                </fieldset>
                <div><button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">"Dienststelle speichern"</span></button></div>
            </form>
            {(!page.original.is_empty()).then(|| view! {
                <DeleteSection action=DeleteOfficeForm::url() csrf=context.csrf.clone() slug=page.original.clone() heading="Dienststelle löschen"
                    hint="Das Löschen ist nur möglich, solange keine Leistung (Entwurf, in Prüfung oder veröffentlicht) diese Dienststelle nennt."
                    error=delete_error.clone()/>
            })}
        </StaffFrame>
    }
    .into_any()
}

/// `/verwaltung/dienststellen/:slug` and `…/neu`.
#[component]
pub fn OfficeEditPage() -> impl IntoView {
    staff_page(get_office_page(slug_param()), |context, page| view! { <OfficeEditor context page/> })
}
