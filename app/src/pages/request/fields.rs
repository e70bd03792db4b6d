//! One question of a form as HTML, for every field kind, following the KERN form patterns:
//! label, hint, error message, input; choices and addresses in a fieldset with a legend.

use crate::components::textarea_content;
use crate::i18n::Lang;
use crate::requests::answers::{address_inputs, Answers};
use crate::requests::date::Day;
use crate::requests::form::{Field, FieldKind};
use crate::requests::status::{file_size, FileInfo};
use crate::requests::views::{local, yes_no};
use leptos::prelude::*;

/// Everything a field needs to render.
#[derive(Clone)]
pub struct FieldContext {
    pub lang: Lang,
    pub answers: Answers,
    pub files: Vec<FileInfo>,
    pub today: Day,
}

fn label_text(field: &Field, lang: Lang) -> String {
    let label = local(&field.label, lang);
    let marked = ["(freiwillig)", "(optional)"].iter().any(|mark| label.contains(mark));
    if field.required || marked {
        label
    } else {
        format!("{label} {}", lang.pick("(freiwillig)", "(optional)"))
    }
}

fn described_by(field: &Field, has_hint: bool, error: bool) -> Option<String> {
    let mut ids = Vec::new();
    if has_hint {
        ids.push(format!("{}-hint", field.id));
    }
    if error {
        ids.push(format!("{}-error", field.id));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// The field, hidden (but present for the browser's checks to reveal) when a show-if rule
/// does not hold.
#[component]
pub fn FormField(field: Field, context: FieldContext, error: Option<String>) -> impl IntoView {
    let lang = context.lang;
    let hint = local(&field.hint, lang);
    let hint = (!hint.trim().is_empty()).then_some(hint);
    let shown = context.answers.shows(&field);
    let has_error = error.is_some();
    let describe = described_by(&field, hint.is_some() || field.kind == FieldKind::File, has_error);
    let hint_view = |hint: Option<String>, id: String| hint.map(|hint| view! { <div class="kern-hint" id=format!("{id}-hint")>{hint}</div> });
    let error_view = |error: Option<String>, id: String| {
        error.map(|message| {
            view! {
                <p class="kern-error" id=format!("{id}-error")>
                    <span class="kern-sr-only">{lang.pick("Fehler: ", "Error: ")}</span>{message}
                </p>
            }
        })
    };
    let rule = field.show_if.as_ref().map(|rule| format!("{}={}", rule.field, rule.any_of.join("|")));
    let body = match field.kind {
        FieldKind::SingleChoice | FieldKind::MultipleChoice | FieldKind::YesNo => {
            let (multiple, options): (bool, Vec<(String, String)>) = match field.kind {
                FieldKind::YesNo => (false, ["ja", "nein"].iter().map(|v| (v.to_string(), yes_no(v, lang).to_string())).collect()),
                kind => (kind == FieldKind::MultipleChoice, field.options.iter().map(|o| (o.value.clone(), local(&o.label, lang))).collect()),
            };
            let horizontal = field.kind == FieldKind::YesNo;
            let chosen = context.answers.values(&field.id).to_vec();
            let input_class = match (multiple, has_error) {
                (true, false) => "kern-form-check__checkbox",
                (true, true) => "kern-form-check__checkbox kern-form-check__checkbox--error",
                (false, false) => "kern-form-check__radio",
                (false, true) => "kern-form-check__radio kern-form-check__radio--error",
            };
            let checks = options
                .into_iter()
                .enumerate()
                .map(|(index, (value, text))| {
                    // The first option carries the field's id, so the error summary can link to it.
                    let id = if index == 0 { field.id.clone() } else { format!("{}-{}", field.id, value) };
                    let checked = chosen.contains(&value);
                    view! {
                        <div class="kern-form-check">
                            <input class=input_class id=id.clone() name=field.id.clone() type=if multiple { "checkbox" } else { "radio" }
                                value=value checked=checked aria-invalid=has_error.then_some("true")/>
                            <label class="kern-label" for=id>{text}</label>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <fieldset class=if has_error { "kern-fieldset kern-fieldset--error" } else { "kern-fieldset" } aria-describedby=describe>
                    <legend class="kern-label">{label_text(&field, lang)}</legend>
                    {hint_view(hint, field.id.clone())}
                    {error_view(error, field.id.clone())}
                    <div class=if horizontal { "kern-fieldset__body kern-fieldset__body--horizontal" } else { "kern-fieldset__body" }>{checks}</div>
                </fieldset>
            }
            .into_any()
        }
        FieldKind::Address => {
            let values = context.answers.values(&field.id).to_vec();
            let [street, postcode, town] = address_inputs(&field.id);
            let parts = [
                (field.id.clone(), street, lang.pick("Straße und Hausnummer", "Street and house number"), "address-line1", "kern-form-input__input", 0),
                (format!("{}-plz", field.id), postcode, lang.pick("Postleitzahl", "Postcode"), "postal-code", "kern-form-input__input address-postcode", 1),
                (format!("{}-ort", field.id), town, lang.pick("Ort", "Town"), "address-level2", "kern-form-input__input", 2),
            ];
            let inputs = parts
                .into_iter()
                .map(|(id, name, text, autocomplete, class, index)| {
                    let value = values.get(index).cloned().unwrap_or_default();
                    let class = if has_error { format!("{class} kern-form-input__input--error") } else { class.to_string() };
                    view! {
                        <div class="kern-form-input">
                            <label class="kern-label" for=id.clone()>{text}</label>
                            <input class=class id=id name=name type="text" value=value autocomplete=autocomplete
                                inputmode=(index == 1).then_some("numeric") maxlength="100" aria-invalid=has_error.then_some("true")/>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <fieldset class=if has_error { "kern-fieldset kern-fieldset--error" } else { "kern-fieldset" } aria-describedby=describe>
                    <legend class="kern-label">{label_text(&field, lang)}</legend>
                    {hint_view(hint, field.id.clone())}
                    {error_view(error, field.id.clone())}
                    <div class="kern-fieldset__body">{inputs}</div>
                </fieldset>
            }
            .into_any()
        }
        FieldKind::File => file_field(&field, &context, hint, error, describe).into_any(),
        _ => {
            let value = context.answers.value(&field.id).to_string();
            let class = if has_error { "kern-form-input__input kern-form-input__input--error" } else { "kern-form-input__input" };
            let max = field.max_length().to_string();
            let input = if field.kind == FieldKind::LongText {
                view! {
                    <textarea class=class id=field.id.clone() name=field.id.clone() rows="5" maxlength=max aria-describedby=describe
                        aria-invalid=has_error.then_some("true")>{textarea_content(&value)}</textarea>
                }
                .into_any()
            } else {
                let (kind, autocomplete, inputmode) = match field.kind {
                    FieldKind::Email => ("email", Some("email"), None),
                    FieldKind::Phone => ("tel", Some("tel"), None),
                    FieldKind::Number => ("text", None, Some("decimal")),
                    FieldKind::Date => ("date", None, None),
                    _ => ("text", (field.id == "name").then_some("name"), None),
                };
                let (min, max_date) = if field.kind == FieldKind::Date {
                    (
                        field.limits.earliest_in_days.map(|d| context.today.plus(d).iso()),
                        field.limits.latest_in_days.map(|d| context.today.plus(d).iso()),
                    )
                } else {
                    (None, None)
                };
                let value = if field.kind == FieldKind::Date { Day::parse(&value).map(Day::iso).unwrap_or(value) } else { value };
                view! {
                    <input class=class id=field.id.clone() name=field.id.clone() type=kind value=value autocomplete=autocomplete
                        inputmode=inputmode min=min max=max_date maxlength=(field.kind != FieldKind::Date).then_some(max)
                        aria-describedby=describe aria-invalid=has_error.then_some("true")/>
                }
                .into_any()
            };
            view! {
                <div class=if has_error { "kern-form-input kern-form-input--error" } else { "kern-form-input" }>
                    <label class="kern-label" for=field.id.clone()>{label_text(&field, lang)}</label>
                    {hint_view(hint, field.id.clone())}
                    {error_view(error, field.id.clone())}
                    {input}
                </div>
            }
            .into_any()
        }
    };
    view! {
        <div class="request-field" data-field=field.id.clone() data-show-if=rule hidden=!shown>{body}</div>
    }
}

fn file_field(field: &Field, context: &FieldContext, hint: Option<String>, error: Option<String>, describe: Option<String>) -> impl IntoView {
    let lang = context.lang;
    let types = field.file_types().iter().map(|t| t.name()).collect::<Vec<_>>().join(", ");
    let limits = lang.pick(
        format!("Erlaubt: {types}, bis {} je Datei, höchstens {} Dateien.", file_size(field.max_file_bytes() as i64, lang), field.max_files()),
        format!("Allowed: {types}, up to {} per file, {} files at most.", file_size(field.max_file_bytes() as i64, lang), field.max_files()),
    );
    let hint = match hint {
        Some(hint) => format!("{hint} {limits}"),
        None => limits,
    };
    let accept = field.file_types().iter().map(|t| t.media_type()).collect::<Vec<_>>().join(",");
    let has_error = error.is_some();
    let uploaded: Vec<FileInfo> = context.files.iter().filter(|f| f.field == field.id).cloned().collect();
    let list = (!uploaded.is_empty()).then(|| {
        let items = uploaded
            .into_iter()
            .map(|file| {
                let remove = lang.pick(format!("{} entfernen", file.name), format!("Remove {}", file.name));
                view! {
                    <li class="request-file">
                        <span>{file.name.clone()}" ("{file_size(file.size, lang)}")"</span>
                        <button class="kern-btn kern-btn--tertiary kern-btn--small" type="submit" name="_aktion" value=format!("entfernen:{}", file.id)
                            formnovalidate=true aria-label=remove>
                            <span class="kern-label">{lang.pick("Entfernen", "Remove")}</span>
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! {
            <p class="kern-body" id=format!("{}-list", field.id)>{lang.pick("Hochgeladen:", "Uploaded:")}</p>
            <ul class="request-files" aria-labelledby=format!("{}-list", field.id)>{items}</ul>
        }
    });
    view! {
        <div class=if has_error { "kern-form-input kern-form-input--error" } else { "kern-form-input" }>
            <label class="kern-label" for=field.id.clone()>{label_text(field, lang)}</label>
            <div class="kern-hint" id=format!("{}-hint", field.id)>{hint}</div>
            {error.map(|message| view! {
                <p class="kern-error" id=format!("{}-error", field.id)>
                    <span class="kern-sr-only">{lang.pick("Fehler: ", "Error: ")}</span>{message}
                </p>
            })}
            {list}
            <input class="kern-form-input__input request-file-input" id=field.id.clone() name=field.id.clone() type="file" multiple=true accept=accept
                aria-describedby=describe aria-invalid=has_error.then_some("true")/>
            <button class="kern-btn kern-btn--secondary request-upload" type="submit" name="_aktion" value=format!("hochladen:{}", field.id) formnovalidate=true>
                <span class="kern-label">{lang.pick("Datei hochladen", "Upload file")}</span>
            </button>
        </div>
    }
}
