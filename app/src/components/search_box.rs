//! The search box of the header and the home page: a plain GET form to the results page,
//! which, once its island hydrates, suggests services while the resident types (WAI-ARIA
//! combobox with a list box, keyboard selection and an announced number of suggestions).

use crate::i18n::Lang;
use crate::search::model::{search_path, SearchHit};
use leptos::prelude::*;
use leptos_i18n::td_string;
use serde::{Deserialize, Serialize};

/// Most suggestions shown.
const SUGGESTIONS: usize = 6;

/// The island's texts, translated on the server so the translations stay out of the
/// WebAssembly bundle.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchBoxTexts {
    label: String,
    submit: String,
    list: String,
    /// What a screen reader hears for 0, 1, … [`SUGGESTIONS`] suggestions.
    announcements: Vec<String>,
}

impl SearchBoxTexts {
    fn new(lang: Lang) -> SearchBoxTexts {
        let locale = lang.locale();
        let announcements = (0..=SUGGESTIONS)
            .map(|count| match count {
                0 => td_string!(locale, search.no_suggestions).to_string(),
                count => td_string!(locale, search.suggestion_count, count).to_string(),
            })
            .collect();
        SearchBoxTexts {
            label: td_string!(locale, search.box_label).to_string(),
            submit: td_string!(locale, search.submit).to_string(),
            list: td_string!(locale, search.suggestions).to_string(),
            announcements,
        }
    }
}

/// The search form. `id` must be unique on the page; `prominent` shows the label and a large
/// field (home page) instead of the compact header form.
#[component]
pub fn SearchBox(lang: Lang, id: &'static str, prominent: bool) -> impl IntoView {
    view! { <SearchBoxIsland lang id=id.to_string() prominent texts=SearchBoxTexts::new(lang)/> }
}

#[island]
fn SearchBoxIsland(lang: Lang, id: String, prominent: bool, texts: SearchBoxTexts) -> impl IntoView {
    let SearchBoxTexts { label, submit, list, announcements } = texts;
    let listbox = format!("{id}-vorschlaege");
    let option_id = {
        let id = id.clone();
        move |i: usize| format!("{id}-vorschlag-{i}")
    };
    let enhanced = RwSignal::new(false);
    let hits = RwSignal::new(Vec::<SearchHit>::new());
    let total = RwSignal::new(None::<usize>);
    let active = RwSignal::new(None::<usize>);
    let open = Memo::new(move |_| !hits.read().is_empty());
    let suggest = suggester(lang, hits, total, active);
    let input = NodeRef::<leptos::html::Input>::new();
    // Only an enhanced field is announced as a combobox; without JavaScript it is a plain field.
    // The bundle loads when the resident first reaches the field: what they typed meanwhile
    // gets its suggestions now.
    Effect::new({
        let suggest = suggest.clone();
        move |_| {
            enhanced.set(true);
            if let Some(field) = input.get_untracked() {
                if has_focus(&field) && !field.value().is_empty() {
                    suggest(field.value());
                }
            }
        }
    });

    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        let count = hits.read_untracked().len();
        match event.key().as_str() {
            "ArrowDown" if count > 0 => {
                event.prevent_default();
                active.update(|a| *a = Some(a.map_or(0, |i| (i + 1) % count)));
            }
            "ArrowUp" if count > 0 => {
                event.prevent_default();
                active.update(|a| *a = Some(a.map_or(count - 1, |i| (i + count - 1) % count)));
            }
            "Enter" => {
                if let Some(href) = active.get_untracked().and_then(|i| hits.read_untracked().get(i).map(|h| h.href.clone())) {
                    event.prevent_default();
                    navigate(&href);
                }
            }
            "Escape" if count > 0 => {
                event.prevent_default();
                hits.set(Vec::new());
                active.set(None);
            }
            _ => {}
        }
    };
    let announcement = move || match total.get() {
        None => String::new(),
        Some(_) => announcements.get(hits.read().len()).cloned().unwrap_or_default(),
    };
    let label_class = if prominent { "kern-label" } else { "kern-label kern-sr-only" };
    let form_class = if prominent { "search-box search-box--prominent" } else { "search-box" };
    let listbox_for_input = listbox.clone();
    let option_for_input = option_id.clone();
    view! {
        <form class=form_class role="search" action=search_path(lang) method="get"
            on:focusout=move |event| {
                if !focus_stays_inside(&event) {
                    hits.set(Vec::new());
                    active.set(None);
                }
            }
        >
            <label class=label_class for=id.clone()>
                {label}
            </label>
            <div class="search-box__row">
                <div class="search-box__field">
                    <input
                        class="kern-form-input__input"
                        id=id.clone()
                        name="q"
                        type="search"
                        maxlength="200"
                        autocomplete="off"
                        enterkeyhint="search"
                        node_ref=input
                        role=move || enhanced.get().then_some("combobox")
                        aria-autocomplete=move || enhanced.get().then_some("list")
                        aria-controls=move || enhanced.get().then(|| listbox_for_input.clone())
                        aria-expanded=move || enhanced.get().then(|| open.get().to_string())
                        aria-activedescendant=move || active.get().map(&option_for_input)
                        on:input=move |event| suggest(event_target_value(&event))
                        on:keydown=on_keydown
                    />
                    <ul class="search-box__list" id=listbox role="listbox" hidden=move || !open.get()
                        aria-label=list
                        on:mousedown=|event| event.prevent_default()
                    >
                        <For each=move || hits.get().into_iter().enumerate() key=|(i, hit)| (*i, hit.href.clone()) let((i, hit))>
                            <li class="search-box__option" role="option" id=option_id(i)
                                aria-selected=move || (active.get() == Some(i)).to_string()
                                on:click={
                                    let href = hit.href.clone();
                                    move |_| navigate(&href)
                                }
                            >
                                {hit.title.into_iter().map(|s| if s.mark { view! { <mark>{s.text}</mark> }.into_any() } else { s.text.into_any() }).collect_view()}
                            </li>
                        </For>
                    </ul>
                </div>
                <button class="kern-btn kern-btn--primary" type="submit">
                    <span class="kern-label">{submit}</span>
                </button>
            </div>
            <div class="kern-sr-only" role="status">{announcement}</div>
        </form>
    }
}

/// Whether focus moves to another element of the same form (then the list stays open).
fn focus_stays_inside(event: &leptos::ev::FocusEvent) -> bool {
    #[cfg(feature = "hydrate")]
    {
        use leptos::wasm_bindgen::JsCast;
        let form = event.current_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        let next = event.related_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        matches!((form, next), (Some(form), Some(next)) if form.contains(Some(&next)))
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = event;
        false
    }
}

fn has_focus(field: &leptos::web_sys::HtmlInputElement) -> bool {
    #[cfg(feature = "hydrate")]
    {
        let focused = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
        focused.is_some_and(|element| element == ***field)
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = field;
        false
    }
}

fn navigate(href: &str) {
    #[cfg(feature = "hydrate")]
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_href(href);
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = href;
}

/// What runs on each keystroke: waits for a pause in typing, cancels the request still under
/// way, and fetches suggestions for the text.
fn suggester(
    lang: Lang,
    hits: RwSignal<Vec<SearchHit>>,
    total: RwSignal<Option<usize>>,
    active: RwSignal<Option<usize>>,
) -> impl Fn(String) + Clone + 'static {
    #[cfg(feature = "hydrate")]
    {
        use crate::search::model::{Suggestions, SUGGEST_PATH};
        use std::time::Duration;
        /// Pause in typing before asking the server.
        const DEBOUNCE: Duration = Duration::from_millis(180);
        let timer = StoredValue::new_local(None::<TimeoutHandle>);
        let in_flight = StoredValue::new_local(None::<web_sys::AbortController>);
        move |text: String| {
            if let Some(handle) = timer.get_value() {
                handle.clear();
            }
            if let Some(controller) = in_flight.get_value() {
                controller.abort();
            }
            active.set(None);
            if text.trim().chars().count() < 2 {
                hits.set(Vec::new());
                total.set(None);
                return;
            }
            let fetch = move || {
                let Ok(controller) = web_sys::AbortController::new() else { return };
                let signal = controller.signal();
                in_flight.set_value(Some(controller));
                let text = text.clone();
                leptos::task::spawn_local(async move {
                    let response = gloo_net::http::Request::get(SUGGEST_PATH)
                        .query([("lang", lang.code()), ("limit", &SUGGESTIONS.to_string()), ("q", text.as_str())])
                        .abort_signal(Some(&signal))
                        .send()
                        .await;
                    // An aborted or failed request leaves the list as it is; the form still works.
                    if let Ok(found) = async { response?.json::<Suggestions>().await }.await {
                        total.set(Some(found.total));
                        hits.set(found.results);
                    }
                });
            };
            timer.set_value(set_timeout_with_handle(fetch, DEBOUNCE).ok());
        }
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = (lang, hits, total, active);
        |_text: String| {}
    }
}
