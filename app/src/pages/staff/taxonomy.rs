//! `/verwaltung/themen` (topics, life situations, featured services), the edit pages of topics
//! and life situations, and `/verwaltung/synonyme` (publishers and administrators).

use super::frame::{staff_page, CsrfField, ErrorSummary, StaffFrame, TextArea, TextField};
use crate::staff::taxonomy::{
    edit_path, get_life_situation_page, get_synonyms, get_taxonomy, get_topic_page, DeleteLifeSituationForm, DeleteTopicForm, EntryPage, EntryRow,
    SaveFeaturedForm, SaveLifeSituationForm, SaveSynonymsForm, SaveTopicForm, CONFIRM_ID, LIFE_SITUATION_PATH, TAXONOMY_PATH, TOPIC_PATH,
};
use crate::staff::StaffContext;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;

/// The `:slug` of the route; empty on the `…/neu` routes.
pub(super) fn slug_param() -> String {
    use_params_map().read_untracked().get("slug").unwrap_or_default()
}

/// The delete form of an entry, with the "Ja, löschen" checkbox it needs ticked.
#[component]
pub(super) fn DeleteSection(
    #[prop(into)] action: String,
    #[prop(into)] csrf: String,
    #[prop(into)] slug: String,
    #[prop(into)] heading: String,
    #[prop(into)] hint: String,
    error: Option<String>,
) -> impl IntoView {
    let error_id = format!("{CONFIRM_ID}-error");
    view! {
        <section class="kern-stack staff-danger" aria-labelledby="loeschen-titel">
            <h2 id="loeschen-titel" class="kern-heading-medium">{heading.clone()}</h2>
            <p class="kern-body">{hint}</p>
            <form method="post" action=action class="kern-stack">
                <CsrfField token=csrf/>
                <input type="hidden" name="slug" value=slug/>
                <div class=if error.is_some() { "kern-form-check kern-form-check--error" } else { "kern-form-check" }>
                    {error.clone().map(|e| view! { <p class="kern-error" id=error_id.clone()>{e}</p> })}
                    <input class="kern-form-check__checkbox" type="checkbox" id=CONFIRM_ID name="confirm" value="1" required=true
                        aria-describedby=error.is_some().then(|| error_id.clone()) aria-invalid=error.is_some().then_some("true")/>
                    <label class="kern-label" for=CONFIRM_ID>"Ja, löschen"</label>
                </div>
                <div><button class="kern-btn kern-btn--secondary" type="submit"><span class="kern-label">{heading}</span></button></div>
            </form>
        </section>
    }
    .into_any()
}

/// Nested lists of the life situations (rows in tree order, with depths).
fn situation_tree(rows: &[EntryRow]) -> AnyView {
    let mut items = Vec::new();
    let mut start = 0;
    while start < rows.len() {
        let end = rows[start + 1..].iter().position(|row| row.depth <= rows[start].depth).map_or(rows.len(), |offset| start + 1 + offset);
        items.push((rows[start].clone(), rows[start + 1..end].to_vec()));
        start = end;
    }
    view! {
        <ul class="kern-list staff-tree">
            {items.into_iter().map(|(row, below)| view! {
                <li>
                    <a class="kern-link" href=edit_path(LIFE_SITUATION_PATH, &row.slug)>{row.name.clone()}</a>
                    <span class="kern-body--small">{format!(" ({}, Position {})", row.slug, row.position)}</span>
                    {(!below.is_empty()).then(|| situation_tree(&below))}
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// `/verwaltung/themen`: topics, life situations and the featured services.
#[component]
pub fn TaxonomyPage() -> impl IntoView {
    staff_page(get_taxonomy(), |context, overview| {
        let featured = overview.featured.clone();
        view! {
            <StaffFrame title="Themen und Lebenslagen" context=context.clone()>
                <ErrorSummary errors=featured.errors.clone()/>
                <p class="kern-body">"Änderungen gelten sofort auf allen Seiten und in der Suche."</p>
                <h2 class="kern-heading-medium">"Themen"</h2>
                <p class="kern-body"><a class="kern-link" href=edit_path(TOPIC_PATH, "")>"Neues Thema"</a></p>
                <div class="table-scroll" tabindex="0" role="region" aria-label="Themen">
                    <table class="kern-table">
                        <caption class="sr-only">"Themen in der Reihenfolge der Seite"</caption>
                        <thead class="kern-table__head"><tr class="kern-table__row">
                            <th scope="col" class="kern-table__header kern-table__header--numeric">"Position"</th>
                            <th scope="col" class="kern-table__header">"Name"</th>
                            <th scope="col" class="kern-table__header">"URL-Kürzel"</th>
                        </tr></thead>
                        <tbody class="kern-table__body">
                            {overview.topics.iter().map(|topic| view! {
                                <tr class="kern-table__row">
                                    <td class="kern-table__cell kern-table__cell--numeric">{topic.position}</td>
                                    <td class="kern-table__cell"><a class="kern-link" href=edit_path(TOPIC_PATH, &topic.slug)>{topic.name.clone()}</a></td>
                                    <td class="kern-table__cell">{topic.slug.clone()}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <h2 class="kern-heading-medium">"Lebenslagen"</h2>
                <p class="kern-body"><a class="kern-link" href=edit_path(LIFE_SITUATION_PATH, "")>"Neue Lebenslage"</a></p>
                {situation_tree(&overview.life_situations)}
                <h2 class="kern-heading-medium">"Häufig gesuchte Leistungen der Startseite"</h2>
                <form method="post" action=SaveFeaturedForm::url() class="kern-stack staff-form" novalidate=true>
                    <CsrfField token=context.csrf.clone()/>
                    <TextArea id="featured" name="featured" label="Häufig gesuchte Leistungen" value=featured.values.clone() rows=10
                        hint="Eine Leistung je Zeile, mit ihrem deutschen URL-Kürzel, z. B. personalausweis-beantragen. Die Startseite zeigt sie in dieser Reihenfolge."
                        error=featured.error("featured")/>
                    <div><button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">"Leistungen der Startseite speichern"</span></button></div>
                </form>
            </StaffFrame>
        }
        .into_any()
    })
}

/// The form of a topic or life situation.
#[component]
fn EntryEditor(context: StaffContext, page: EntryPage, life_situation: bool) -> impl IntoView {
    let (noun, base, save, delete) = if life_situation {
        ("Lebenslage", LIFE_SITUATION_PATH, SaveLifeSituationForm::url(), DeleteLifeSituationForm::url())
    } else {
        ("Thema", TOPIC_PATH, SaveTopicForm::url(), DeleteTopicForm::url())
    };
    let title = match (page.original.is_empty(), life_situation) {
        (true, true) => "Neue Lebenslage".to_string(),
        (true, false) => "Neues Thema".to_string(),
        (false, _) => format!("{noun} bearbeiten: {}", page.name),
    };
    let form = page.form.clone();
    let values = form.values.clone();
    let errors: Vec<(String, String)> = form.errors.iter().chain(&page.delete_errors).cloned().collect();
    let delete_error = page.delete_errors.iter().find(|(id, _)| id == CONFIRM_ID).map(|(_, message)| message.clone());
    let parent_error = form.error("parent");
    let parents = page.parents.clone();
    let slug_hint = "Für die Adresse der Seite: Kleinbuchstaben ohne Umlaute, Ziffern und Bindestriche. Eine Änderung wird in alle Leistungen übernommen.";
    let delete_hint = format!(
        "Das Löschen ist nur möglich, solange keine Leistung (Entwurf, in Prüfung oder veröffentlicht) auf {} verweist{}.",
        if life_situation { "die Lebenslage" } else { "das Thema" },
        if life_situation { " und keine andere Lebenslage darunter steht" } else { "" }
    );
    view! {
        <StaffFrame title context=context.clone()>
            <p class="kern-body"><a class="kern-link" href=TAXONOMY_PATH>"Zurück zu Themen und Lebenslagen"</a></p>
            <ErrorSummary errors/>
            <form method="post" action=save class="kern-stack staff-form" novalidate=true>
                <CsrfField token=context.csrf.clone()/>
                <input type="hidden" name="original" value=page.original.clone()/>
                <TextField id="name-de" name="entry[name_de]" label="Name (Deutsch)" value=values.name_de lang="de" required=true error=form.error("name-de")/>
                <TextField id="name-en" name="entry[name_en]" label="Name (Englisch)" value=values.name_en lang="en" error=form.error("name-en")/>
                <TextField id="name-ls" name="entry[name_ls]" label="Name (Leichte Sprache)" value=values.name_ls lang="de" error=form.error("name-ls")/>
                <TextArea id="description-de" name="entry[description_de]" label="Beschreibung (Deutsch)" value=values.description_de lang="de" rows=3
                    hint="Ein Satz dazu, worum es geht." error=form.error("description-de")/>
                <TextArea id="description-en" name="entry[description_en]" label="Beschreibung (Englisch)" value=values.description_en lang="en" rows=3
                    error=form.error("description-en")/>
                <TextArea id="description-ls" name="entry[description_ls]" label="Beschreibung (Leichte Sprache)" value=values.description_ls lang="de" rows=3
                    error=form.error("description-ls")/>
                <TextField id="slug-de" name="entry[slug_de]" label="URL-Kürzel (deutsch)" value=values.slug_de required=true autocomplete="off"
                    hint=slug_hint error=form.error("slug-de")/>
                <TextField id="slug-en" name="entry[slug_en]" label="URL-Kürzel (englisch)" value=values.slug_en required=true autocomplete="off"
                    hint="Für die englische Seite; muss sich vom deutschen unterscheiden." error=form.error("slug-en")/>
                {life_situation.then(|| view! {
                    <div class=if parent_error.is_some() { "kern-form-input kern-form-input--error" } else { "kern-form-input" }>
                        <label class="kern-label" for="parent">"Übergeordnete Lebenslage (optional)"</label>
                        {parent_error.clone().map(|e| view! { <p class="kern-error" id="parent-error">{e}</p> })}
                        <div class="kern-form-input__select-wrapper"><select class="kern-form-input__select" id="parent" name="entry[parent]"
                            aria-describedby=parent_error.is_some().then_some("parent-error") aria-invalid=parent_error.is_some().then_some("true")>
                            <option value="" selected=values.parent.is_empty()>"Keine (oberste Ebene)"</option>
                            {parents.into_iter().map(|row| view! {
                                <option value=row.slug.clone() selected=row.slug == values.parent>{format!("{}{}", "– ".repeat(row.depth), row.name)}</option>
                            }).collect_view()}
                        </select></div>
                    </div>
                })}
                <TextField id="position" name="entry[position]" label="Position" value=values.position required=true kind="number"
                    hint=if life_situation { "Reihenfolge unter den Lebenslagen derselben Ebene: kleinere Zahlen zuerst." } else { "Reihenfolge in der Liste der Themen: kleinere Zahlen zuerst." }
                    error=form.error("position")/>
                <div><button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">{format!("{noun} speichern")}</span></button></div>
            </form>
            {(!page.original.is_empty()).then(|| view! {
                <DeleteSection action=delete csrf=context.csrf.clone() slug=page.original.clone() heading=format!("{noun} löschen")
                    hint=delete_hint.clone() error=delete_error.clone()/>
            })}
            <p class="kern-body"><a class="kern-link" href=edit_path(base, "")>{if life_situation { "Weitere Lebenslage anlegen" } else { "Weiteres Thema anlegen" }}</a></p>
        </StaffFrame>
    }
    .into_any()
}

/// `/verwaltung/themen/thema/:slug` and `…/thema/neu`.
#[component]
pub fn TopicEditPage() -> impl IntoView {
    staff_page(get_topic_page(slug_param()), |context, page| view! { <EntryEditor context page life_situation=false/> })
}

/// `/verwaltung/themen/lebenslage/:slug` and `…/lebenslage/neu`.
#[component]
pub fn LifeSituationEditPage() -> impl IntoView {
    staff_page(get_life_situation_page(slug_param()), |context, page| view! { <EntryEditor context page life_situation=true/> })
}

/// `/verwaltung/synonyme`: the search synonyms of both languages.
#[component]
pub fn SynonymsPage() -> impl IntoView {
    staff_page(get_synonyms(), |context, form| {
        let hint = "Eine Gruppe je Zeile, die Wörter durch Kommas getrennt, z. B. „auto, kfz, fahrzeug“. Nur einzelne Wörter aus Buchstaben und Ziffern, ohne Leer- oder Bindestriche. Wer nach einem Wort der Gruppe sucht, findet auch die anderen.";
        view! {
            <StaffFrame title="Synonyme" context=context.clone()>
                <ErrorSummary errors=form.errors.clone()/>
                <p class="kern-body">"Wörter, die Bürgerinnen und Bürger gleichbedeutend verwenden. Die Suche verwendet sie sofort nach dem Speichern."</p>
                <form method="post" action=SaveSynonymsForm::url() class="kern-stack staff-form" novalidate=true>
                    <CsrfField token=context.csrf.clone()/>
                    <TextArea id="synonyms-de" name="synonyms[de]" label="Synonyme (Deutsch)" value=form.values.de.clone() lang="de" rows=16
                        hint=hint error=form.error("synonyms-de")/>
                    <TextArea id="synonyms-en" name="synonyms[en]" label="Synonyme (Englisch)" value=form.values.en.clone() lang="en" rows=10
                        hint="Ebenso für die englische Suche, z. B. „car, vehicle, automobile“." error=form.error("synonyms-en")/>
                    <div><button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">"Synonyme speichern"</span></button></div>
                </form>
            </StaffFrame>
        }
        .into_any()
    })
}
