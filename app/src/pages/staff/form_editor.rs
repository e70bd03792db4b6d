//! The form builder's question and page editors, and the preview of the form as residents see
//! it (the resident question components, every page in order, conditional questions marked).

use super::frame::{staff_page, CsrfField, ErrorSummary, StaffFrame, TextField};
use crate::catalogue::model::Localized;
use crate::i18n::Lang;
use crate::pages::request::{FieldContext, FormField};
use crate::requests::date::Day;
use crate::requests::form::FieldKind;
use crate::staff::form_field::kind_name;
use crate::staff::forms::{get_form_field, get_form_page, get_form_preview, SaveFormField, SaveFormPage};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;

fn param(name: &'static str) -> String {
    use_params_map().read_untracked().get(name).unwrap_or_default()
}

type Errors = Vec<(String, String)>;

fn error_of(errors: &Errors, id: &str) -> Option<String> {
    errors.iter().find(|(field, _)| field == id).map(|(_, message)| message.clone())
}

/// German, English and Leichte Sprache inputs of one text.
fn translated(id: &str, name: &str, label: &str, texts: &Localized, errors: &Errors, required: bool) -> impl IntoView {
    view! {
        <TextField id=format!("{id}-de") name=format!("{name}[de]") label=format!("{label} (Deutsch)") value=texts.de.clone() error=error_of(errors, &format!("{id}-de")) required/>
        <TextField id=format!("{id}-en") name=format!("{name}[en]") label=format!("{label} (Englisch)") value=texts.en.clone() lang="en"/>
        <TextField id=format!("{id}-ls") name=format!("{name}[ls]") label=format!("{label} (Leichte Sprache)") value=texts.ls.clone()/>
    }
}

fn checkbox(id: &'static str, name: &'static str, label: &'static str, on: bool) -> impl IntoView {
    view! {
        <div class="kern-form-check">
            <input class="kern-form-check__checkbox" type="checkbox" id=id name=name value="1" checked=on/>
            <label class="kern-label" for=id>{label}</label>
        </div>
    }
}

/// Edits one question (or adds one).
#[component]
pub fn FormFieldPage() -> impl IntoView {
    staff_page(get_form_field(param("slug"), param("page"), param("field")), |context, data| {
        let f = data.form.clone();
        let e = data.errors.clone();
        let heading = if data.original.is_empty() { format!("Neue Frage auf „{}“", data.page.1) } else { format!("Frage „{}“ bearbeiten", f.label.de) };
        let sources = data.sources.clone();
        let back = format!("/verwaltung/formulare/{}", data.slug);
        view! {
            <StaffFrame title=heading context=context.clone()>
                <p class="kern-body">{format!("Formular: {}", data.title)}</p>
                <ErrorSummary errors=e.clone()/>
                <form method="post" action=SaveFormField::url() class="kern-stack staff-form">
                    <CsrfField token=context.csrf.clone()/>
                    <input type="hidden" name="slug" value=data.slug.clone()/>
                    <input type="hidden" name="page" value=data.page.0.clone()/>
                    <input type="hidden" name="original" value=data.original.clone()/>
                    <TextField id="id" name="f[id]" label="Kennung" value=f.id.clone() required=true error=error_of(&e, "id")
                        hint="Kleinbuchstaben, Ziffern und Bindestriche, z. B. hat-hund. Bleibt über Versionen gleich."/>
                    <div class=if error_of(&e, "kind").is_some() { "kern-form-input kern-form-input--error" } else { "kern-form-input" }>
                        <label class="kern-label" for="kind">"Art der Antwort"</label>
                        {error_of(&e, "kind").map(|m| view! { <p class="kern-error" id="kind-error">{m}</p> })}
                        <div class="kern-form-input__select-wrapper"><select class="kern-form-input__select" id="kind" name="f[kind]" aria-describedby=error_of(&e, "kind").map(|_| "kind-error")>
                            {FieldKind::ALL.into_iter().map(|kind| {
                                let (value, name) = kind_name(kind);
                                view! { <option value=value selected=f.kind == value>{name}</option> }
                            }).collect_view()}
                        </select></div>
                    </div>
                    <fieldset class="kern-fieldset"><legend class="kern-label">"Frage"</legend>{translated("label", "f[label]", "Frage", &f.label, &e, true)}</fieldset>
                    <fieldset class="kern-fieldset"><legend class="kern-label">"Hinweis unter der Frage"</legend>{translated("hint", "f[hint]", "Hinweis", &f.hint, &e, false)}</fieldset>
                    {checkbox("required", "f[required]", "Antwort ist Pflicht", !f.required.is_empty())}
                    <fieldset class="kern-fieldset kern-stack"><legend class="kern-label">"Grenzen für Text und langen Text"</legend>
                        <TextField id="min_length" name="f[min_length]" label="Mindestlänge (Zeichen)" value=f.min_length.clone() error=error_of(&e, "min_length") kind="number"/>
                        <TextField id="max_length" name="f[max_length]" label="Höchstlänge (Zeichen)" value=f.max_length.clone() error=error_of(&e, "max_length") kind="number"/>
                        <TextField id="pattern" name="f[pattern]" label="Muster (regulärer Ausdruck)" value=f.pattern.clone() error=error_of(&e, "pattern") hint="z. B. [A-Z]{1,3}-[A-Z]{1,2} [0-9]{1,4}"/>
                        {translated("pattern_message", "f[pattern_message]", "Meldung, wenn das Muster nicht passt", &f.pattern_message, &e, false)}
                    </fieldset>
                    <fieldset class="kern-fieldset kern-stack"><legend class="kern-label">"Grenzen für Zahlen"</legend>
                        <TextField id="min" name="f[min]" label="Kleinste Zahl" value=f.min.clone() error=error_of(&e, "min")/>
                        <TextField id="max" name="f[max]" label="Größte Zahl" value=f.max.clone() error=error_of(&e, "max")/>
                    </fieldset>
                    <fieldset class="kern-fieldset kern-stack"><legend class="kern-label">"Zeitraum für Datumsangaben (Tage ab heute)"</legend>
                        <TextField id="earliest_in_days" name="f[earliest_in_days]" label="Frühestens in Tagen" value=f.earliest_in_days.clone() error=error_of(&e, "earliest_in_days") hint="0 = heute, -365 = vor einem Jahr"/>
                        <TextField id="latest_in_days" name="f[latest_in_days]" label="Spätestens in Tagen" value=f.latest_in_days.clone() error=error_of(&e, "latest_in_days")/>
                    </fieldset>
                    <fieldset class="kern-fieldset kern-stack"><legend class="kern-label">"Grenzen für Dateien"</legend>
                        <TextField id="max_file_mb" name="f[max_file_mb]" label="Größte Datei (MB, höchstens 20)" value=f.max_file_mb.clone() error=error_of(&e, "max_file_mb") kind="number"/>
                        <TextField id="max_files" name="f[max_files]" label="Höchstzahl Dateien" value=f.max_files.clone() error=error_of(&e, "max_files") kind="number"/>
                        {checkbox("pdf", "f[pdf]", "PDF", !f.pdf.is_empty())}
                        {checkbox("jpeg", "f[jpeg]", "JPG", !f.jpeg.is_empty())}
                        {checkbox("png", "f[png]", "PNG", !f.png.is_empty())}
                    </fieldset>
                    <div class=if error_of(&e, "choices").is_some() { "kern-form-input kern-form-input--error" } else { "kern-form-input" }>
                        <label class="kern-label" for="choices">"Auswahlmöglichkeiten (nur für Auswahlfragen)"</label>
                        <div class="kern-hint" id="choices-hint">"Eine je Zeile: Wert|Bezeichnung Deutsch|Bezeichnung Englisch|Leichte Sprache, z. B. herd|Herd|Stove"</div>
                        {error_of(&e, "choices").map(|m| view! { <p class="kern-error" id="choices-error">{m}</p> })}
                        <textarea class="kern-form-input__input" id="choices" name="f[choices]" rows="5"
                            aria-describedby=if error_of(&e, "choices").is_some() { "choices-hint choices-error" } else { "choices-hint" }>{crate::components::textarea_content(&f.choices)}</textarea>
                    </div>
                    <fieldset class="kern-fieldset kern-stack"><legend class="kern-label">"Nur zeigen, wenn …"</legend>
                        <div class=if error_of(&e, "show_if_field").is_some() { "kern-form-input kern-form-input--error" } else { "kern-form-input" }>
                            <label class="kern-label" for="show_if_field">"Frage davor"</label>
                            {error_of(&e, "show_if_field").map(|m| view! { <p class="kern-error" id="show_if_field-error">{m}</p> })}
                            <div class="kern-form-input__select-wrapper"><select class="kern-form-input__select" id="show_if_field" name="f[show_if_field]">
                                <option value="" selected=f.show_if_field.is_empty()>"Immer zeigen"</option>
                                {sources.iter().map(|(id, label, values)| view! {
                                    <option value=id.clone() selected=f.show_if_field == *id>{format!("{label} ({id}: {})", values.join(", "))}</option>
                                }).collect_view()}
                                {(!f.show_if_field.is_empty() && !sources.iter().any(|s| s.0 == f.show_if_field)).then(|| view! {
                                    <option value=f.show_if_field.clone() selected=true>{f.show_if_field.clone()}</option>
                                })}
                            </select></div>
                        </div>
                        <TextField id="show_if_values" name="f[show_if_values]" label="mit einem dieser Werte" value=f.show_if_values.clone()
                            error=error_of(&e, "show_if_values") hint="Durch Komma getrennt, z. B. ja"/>
                    </fieldset>
                    <div class="button-row">
                        <button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">"Frage speichern"</span></button>
                        <a class="kern-link" href=back>"Abbrechen"</a>
                    </div>
                </form>
            </StaffFrame>
        }
    })
}

/// Edits a page's titles (or adds a page).
#[component]
pub fn FormPageEditPage() -> impl IntoView {
    staff_page(get_form_page(param("slug"), param("page")), |context, data| {
        let heading = if data.page.is_empty() { "Neue Seite".to_string() } else { format!("Seite „{}“ bearbeiten", data.titles.de) };
        let back = format!("/verwaltung/formulare/{}", data.slug);
        view! {
            <StaffFrame title=heading context=context.clone()>
                <p class="kern-body">{format!("Formular: {}", data.title)}</p>
                <ErrorSummary errors=data.errors.clone()/>
                <form method="post" action=SaveFormPage::url() class="kern-stack staff-form">
                    <CsrfField token=context.csrf.clone()/>
                    <input type="hidden" name="slug" value=data.slug.clone()/>
                    <input type="hidden" name="page" value=data.page.clone()/>
                    {translated("title", "title", "Titel der Seite", &data.titles, &data.errors, true)}
                    <div class="button-row">
                        <button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">"Seite speichern"</span></button>
                        <a class="kern-link" href=back>"Abbrechen"</a>
                    </div>
                </form>
            </StaffFrame>
        }
    })
}

/// The form as residents will see it, every page in order; nothing can be sent.
#[component]
pub fn FormPreviewPage() -> impl IntoView {
    staff_page(get_form_preview(param("slug")), |context, data| {
        let today = Day::from_unix(data.today);
        let field_context = FieldContext { lang: Lang::De, answers: Default::default(), files: Vec::new(), today };
        let pages = data.definition.pages.iter().enumerate().map(|(i, page)| {
            let fields = page.fields.iter().map(|field| {
                let condition = field.show_if.as_ref().map(|rule| format!("Wird nur gezeigt, wenn „{}“ mit {} beantwortet ist:", rule.field, rule.any_of.join(" oder ")));
                let shown = crate::requests::form::Field { show_if: None, ..field.clone() };
                let class = if condition.is_some() { "form-preview__conditional" } else { "" };
                view! {
                    <div class=class>
                        {condition.map(|text| view! { <p class="kern-hint">{text}</p> })}
                        <FormField field=shown context=field_context.clone() error=None/>
                    </div>
                }
            }).collect_view();
            view! {
                <section class="kern-stack form-preview__page">
                    <p class="kern-subline">{format!("Schritt {} von {}", i + 1, data.definition.pages.len())}</p>
                    <h2 class="kern-heading-large">{page.title.de.clone()}</h2>
                    {fields}
                </section>
            }
        }).collect_view();
        view! {
            <StaffFrame title=format!("Vorschau: {}", data.row.title) context>
                <p class="kern-body">"So sehen Antragstellende das Formular. Hier lässt sich nichts absenden."</p>
                <p class="kern-body"><a class="kern-link" href=format!("/verwaltung/formulare/{}", data.row.slug)>"Zurück zum Formular"</a></p>
                {data.definition.pages.is_empty().then(|| view! { <p class="kern-body">"Das Formular hat noch keine Seite."</p> })}
                <div class="request-journey kern-stack">{pages}</div>
            </StaffFrame>
        }
    })
}
