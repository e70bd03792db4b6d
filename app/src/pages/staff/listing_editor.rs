//! `/verwaltung/leistungen/:slug/bearbeiten` and `/verwaltung/leistungen/neu`: every field of a
//! listing in German, English and Leichte Sprache; and `/vorschau`, the resident page of the
//! draft.

use super::frame::{staff_page, CsrfField, ErrorSummary, StaffFrame, StaffProblem, TextArea, TextField};
use crate::pages::catalogue::ServiceView;
use crate::staff::listing_form::Texts;
use crate::staff::listings::{get_listing_editor, get_listing_preview, Choice, SaveListing};
use crate::i18n::Lang;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Meta;
use leptos_router::hooks::{use_params_map, use_query_map};
use std::collections::BTreeMap;

const VARIANTS: [(&str, &str, &str); 3] = [("de", "Deutsch", "de"), ("en", "Englisch", "en"), ("ls", "Leichte Sprache", "de")];

fn error_of(errors: &[(String, String)], id: &str) -> Option<String> {
    errors.iter().find(|(field, _)| field == id).map(|(_, message)| message.clone())
}

/// A text in three versions: a fieldset with one input (or textarea) per language.
#[component]
fn Translated(
    #[prop(into)] id: String,
    #[prop(into)] name: String,
    #[prop(into)] legend: String,
    texts: Texts,
    errors: Vec<(String, String)>,
    #[prop(optional)] rows: Option<u32>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    view! {
        <fieldset class="kern-fieldset translated">
            <legend class="kern-label">{legend}</legend>
            {hint.map(|hint| view! { <p class="kern-hint">{hint}</p> })}
            <div class="kern-fieldset__body">
                {VARIANTS.into_iter().map(|(code, language, lang)| {
                    let value = match code { "de" => texts.de.clone(), "en" => texts.en.clone(), _ => texts.ls.clone() };
                    let field_id = format!("{id}-{code}");
                    let field_name = format!("{name}[{code}]");
                    let error = error_of(&errors, &field_id);
                    let required = required && code == "de";
                    match rows {
                        Some(rows) => view! { <TextArea id=field_id name=field_name label=language value lang=lang rows error required/> }.into_any(),
                        None => view! { <TextField id=field_id name=field_name label=language value lang=lang error required/> }.into_any(),
                    }
                }).collect_view()}
            </div>
        </fieldset>
    }
}

#[component]
fn Ticks(#[prop(into)] legend: String, #[prop(into)] name: &'static str, choices: Vec<Choice>, ticked: BTreeMap<String, String>) -> impl IntoView {
    view! {
        <fieldset class="kern-fieldset">
            <legend class="kern-label">{legend}</legend>
            <div class="kern-fieldset__body tick-columns">
                {choices.into_iter().map(|c| {
                    let id = format!("{name}-{}", c.slug);
                    let checked = ticked.get(&c.slug).is_some_and(|v| !v.is_empty());
                    view! {
                        <div class="kern-form-check">
                            <input class="kern-form-check__checkbox" type="checkbox" id=id.clone() name=format!("f[{name}][{}]", c.slug) value="1" checked=checked/>
                            <label class="kern-label" for=id>{c.name}</label>
                        </div>
                    }
                }).collect_view()}
            </div>
        </fieldset>
    }
}

/// The editor; a new service when the route has no slug.
#[component]
pub fn ListingEditorPage() -> impl IntoView {
    let slug = use_params_map().read_untracked().get("slug").unwrap_or_default();
    staff_page(get_listing_editor(slug), |context, data| {
        let f = data.form.clone();
        let errors = data.errors.clone();
        let e = errors.clone();
        let new = data.slug.is_empty();
        let title = if new { "Neue Leistung".to_string() } else { format!("{} bearbeiten", f.title.de) };
        let base = data.base.clone().map(|(n, status)| {
            let what = match status.as_str() { "draft" => "den Entwurf", "in_review" => "die Version in Prüfung", "published" => "die Online-Fassung", _ => "die letzte Version" };
            format!("Sie bearbeiten {what} (Version {n}). Gespeichert wird ein Entwurf; die Online-Fassung bleibt, bis eine zweite Person den Entwurf freigibt.")
        });
        let availability = f.availability.clone();
        view! {
            <StaffFrame title=title context=context.clone()>
                {base.map(|text| view! { <p class="kern-body">{text}</p> })}
                <ErrorSummary errors=errors.clone()/>
                <form method="post" action=SaveListing::url() class="kern-stack listing-form" novalidate=true>
                    <CsrfField token=context.csrf.clone()/>
                    <input type="hidden" name="slug" value=data.slug.clone()/>
                    {new.then(|| view! {
                        <TextField id="slug_de" name="slug_de" label="Adresse (deutsch)" value=data.new_slugs.0.clone() required=true
                            hint="Kleinbuchstaben, Ziffern und Bindestriche, z. B. hund-anmelden; erscheint als /leistungen/hund-anmelden" error=error_of(&e, "slug_de")/>
                        <TextField id="slug_en" name="slug_en" label="Adresse (englisch)" value=data.new_slugs.1.clone() required=true
                            hint="z. B. register-a-dog; erscheint als /en/services/register-a-dog" error=error_of(&e, "slug_en")/>
                    })}
                    <Translated id="title" name="f[title]" legend="Titel" texts=f.title.clone() errors=e.clone() required=true/>
                    <Translated id="official_title" name="f[official_title]" legend="Amtliche Bezeichnung" texts=f.official_title.clone() errors=e.clone()/>
                    <Translated id="teaser" name="f[teaser]" legend="Kurztext (ein bis zwei Sätze)" texts=f.teaser.clone() errors=e.clone() rows=2/>
                    <Translated id="description" name="f[description]" legend="Beschreibung" texts=f.description.clone() errors=e.clone() rows=8 hint="Absätze durch eine Leerzeile trennen."/>
                    <div class="kern-form-input">
                        <label class="kern-label" for="availability">"Wie wird die Leistung beantragt?"</label>
                        <div class="kern-form-input__select-wrapper"><select class="kern-form-input__select" id="availability" name="f[availability]">
                            <option value="online" selected=availability == "online">"Online"</option>
                            <option value="appointment" selected=availability == "appointment">"Mit Termin"</option>
                            <option value="in_person" selected=availability == "in_person">"Persönlich ohne Termin"</option>
                        </select></div>
                    </div>
                    <Translated id="requirements" name="f[requirements]" legend="Wer kann das beantragen?" texts=f.requirements.clone() errors=e.clone() rows=4 hint="Eine Voraussetzung pro Absatz (Leerzeile dazwischen); die Übersetzungen in derselben Reihenfolge."/>
                    <Translated id="documents" name="f[documents]" legend="Welche Unterlagen brauche ich?" texts=f.documents.clone() errors=e.clone() rows=4 hint="Eine Unterlage pro Absatz (Leerzeile dazwischen)."/>
                    <fieldset class="kern-fieldset">
                        <legend class="kern-heading-small">"Was kostet das?"</legend>
                        <p class="kern-hint">"Beträge in Euro, z. B. 37,00. Leere Zeilen werden ignoriert; für weitere Zeilen speichern Sie den Entwurf."</p>
                        {f.costs.iter().enumerate().map(|(i, row)| view! {
                            <fieldset class="kern-fieldset row-group">
                                <legend class="kern-label">{format!("Kosten {}", i + 1)}</legend>
                                <Translated id=format!("costs-{i}-label") name=format!("f[costs][{i}][label]") legend="Wofür" texts=row.label.clone() errors=e.clone()/>
                                <TextField id=format!("costs-{i}-amount") name=format!("f[costs][{i}][amount]") label="Betrag in Euro" value=row.amount.clone() error=error_of(&e, &format!("costs-{i}-amount"))/>
                                <TextField id=format!("costs-{i}-max_amount") name=format!("f[costs][{i}][max_amount]") label="Höchstbetrag bei einer Spanne" value=row.max_amount.clone() error=error_of(&e, &format!("costs-{i}-max_amount"))/>
                                <Translated id=format!("costs-{i}-note") name=format!("f[costs][{i}][note]") legend="Hinweis" texts=row.note.clone() errors=e.clone()/>
                            </fieldset>
                        }).collect_view()}
                    </fieldset>
                    <fieldset class="kern-fieldset">
                        <legend class="kern-heading-small">"Welche Fristen gibt es?"</legend>
                        {f.deadlines.iter().enumerate().map(|(i, row)| view! {
                            <fieldset class="kern-fieldset row-group">
                                <legend class="kern-label">{format!("Frist {}", i + 1)}</legend>
                                <Translated id=format!("deadlines-{i}-label") name=format!("f[deadlines][{i}][label]") legend="Was bis wann" texts=row.label.clone() errors=e.clone()/>
                                <TextField id=format!("deadlines-{i}-days") name=format!("f[deadlines][{i}][days]") label="Tage" value=row.days.clone() error=error_of(&e, &format!("deadlines-{i}-days"))/>
                                <Translated id=format!("deadlines-{i}-note") name=format!("f[deadlines][{i}][note]") legend="Hinweis" texts=row.note.clone() errors=e.clone()/>
                            </fieldset>
                        }).collect_view()}
                    </fieldset>
                    <fieldset class="kern-fieldset">
                        <legend class="kern-heading-small">"Wie lange dauert es?"</legend>
                        <TextField id="processing_days" name="f[processing_days]" label="Übliche Dauer in Tagen" value=f.processing_days.clone() required=true hint="0 für sofort" error=error_of(&e, "processing_days")/>
                        <TextField id="processing_max_days" name="f[processing_max_days]" label="Längste Dauer in Tagen" value=f.processing_max_days.clone() error=error_of(&e, "processing_max_days")/>
                        <Translated id="processing_note" name="f[processing_note]" legend="Erklärung" texts=f.processing_note.clone() errors=e.clone()/>
                    </fieldset>
                    <Translated id="procedure" name="f[procedure]" legend="So läuft es ab" texts=f.procedure.clone() errors=e.clone() rows=5 hint="Ein Schritt pro Absatz (Leerzeile dazwischen)."/>
                    <fieldset class="kern-fieldset">
                        <legend class="kern-heading-small">"Rechtsgrundlagen"</legend>
                        {f.legal.iter().enumerate().map(|(i, row)| view! {
                            <fieldset class="kern-fieldset row-group">
                                <legend class="kern-label">{format!("Rechtsgrundlage {}", i + 1)}</legend>
                                <Translated id=format!("legal-{i}-title") name=format!("f[legal][{i}][title]") legend="Gesetz" texts=row.title.clone() errors=e.clone()/>
                                <TextField id=format!("legal-{i}-url") name=format!("f[legal][{i}][url]") label="Link" kind="url" value=row.url.clone() error=error_of(&e, &format!("legal-{i}-url"))/>
                            </fieldset>
                        }).collect_view()}
                    </fieldset>
                    <Translated id="appeal" name="f[appeal]" legend="Rechtsbehelf" texts=f.appeal.clone() errors=e.clone() rows=3/>
                    <Translated id="synonyms" name="f[synonyms]" legend="Suchbegriffe" texts=f.synonyms.clone() errors=e.clone() rows=4 hint="Wörter, mit denen Menschen suchen (z. B. Perso); einer pro Absatz (Leerzeile dazwischen)."/>
                    <Ticks legend="Themen" name="topics" choices=data.topics.clone() ticked=f.topics.clone()/>
                    <Ticks legend="Lebenslagen" name="life_situations" choices=data.life_situations.clone() ticked=f.life_situations.clone()/>
                    <Ticks legend="Zuständige Stellen" name="offices" choices=data.offices.clone() ticked=f.offices.clone()/>
                    <TextField id="leika_key" name="f[leika_key]" label="Leistungsschlüssel (LeiKa)" value=f.leika_key.clone() hint="14 Ziffern" error=error_of(&e, "leika_key")/>
                    <div class="button-row">
                        <button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">"Entwurf speichern"</span></button>
                        <button class="kern-btn kern-btn--secondary" type="submit" name="then" value="review"><span class="kern-label">"Speichern und zur Prüfung geben"</span></button>
                    </div>
                </form>
            </StaffFrame>
        }
    })
}

/// The resident page of the draft, exactly as residents would see it.
#[component]
pub fn ListingPreviewPage() -> impl IntoView {
    let slug = use_params_map().read_untracked().get("slug").unwrap_or_default();
    let english = use_query_map().read_untracked().get("sprache").as_deref() == Some("en");
    let lang = if english { Lang::En } else { Lang::De };
    let preview = OnceResource::new_blocking(get_listing_preview(slug.clone(), english));
    view! {
        <Suspense>
            {move || {
                let slug = slug.clone();
                Suspend::new(async move {
                    match preview.await {
                        Ok(page) => view! {
                            <Meta name="robots" content="noindex, nofollow"/>
                            <div class="preview-bar" role="note">
                                <div class="kern-container">
                                    "Vorschau – so sähe die Seite nach der Freigabe aus. "
                                    <a class="kern-link" href=format!("/verwaltung/leistungen/{slug}")>"Zurück zur Verwaltung"</a>" · "
                                    <a class="kern-link" href=format!("/verwaltung/leistungen/{slug}/vorschau?sprache={}", if english { "de" } else { "en" })>
                                        {if english { "Deutsche Fassung" } else { "Englische Fassung" }}
                                    </a>
                                </div>
                            </div>
                            <ServiceView lang page easy_read=false/>
                        }.into_any(),
                        Err(error) => view! { <StaffProblem error/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}
