//! Checks as residents type, with the server's own code: once the question page's island
//! hydrates, an answer is checked with `validate::check_field` when the resident leaves it (and
//! while they correct it once it shows an error), questions hidden by a show-if rule appear and
//! disappear with the answers they depend on, and files go up with a progress bar.
//!
//! Without JavaScript none of this is needed: the form posts, the server checks the page and
//! shows it again with its messages. The server stays the authority; nothing here blocks
//! "Weiter". The island wraps the page's fields (server-rendered children, so the bundle loads
//! when a resident first reaches a field) and works on that HTML as `fields.rs` renders it.

use crate::catalogue::model::Localized;
use crate::i18n::Lang;
use crate::requests::date::Day;
use crate::requests::form::{Choice, Field};
use leptos::prelude::*;
use serde::{Deserialize, Serialize, Serializer};

/// The island around a question page's fields. `fields` are the page's fields, `today` bounds
/// date answers as on the server.
#[component]
pub fn LiveChecks(fields: Vec<Field>, today: Day, lang: Lang, children: Children) -> impl IntoView {
    view! { <LiveChecksIsland fields=PageFields(fields.iter().map(slim).collect()) today lang>{children()}</LiveChecksIsland> }
}

/// The island's fields. Leptos serializes an island's props in the browser as well, where
/// nothing reads them: there they serialize as nothing, which keeps the code that writes
/// fields out of the WebAssembly.
#[derive(Clone, Debug, Deserialize)]
#[serde(transparent)]
struct PageFields(Vec<Field>);

#[cfg(not(feature = "hydrate"))]
impl Serialize for PageFields {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

#[cfg(feature = "hydrate")]
impl Serialize for PageFields {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_unit()
    }
}

/// A field with only what its checks and messages read: no hints, no option labels, no
/// Leichte Sprache (the props go out with the page).
fn slim(field: &Field) -> Field {
    let text = |localized: &Localized| Localized { de: localized.de.clone(), en: localized.en.clone(), ls: String::new() };
    let mut slim = field.clone();
    slim.label = text(&field.label);
    slim.hint = Localized::default();
    slim.limits.pattern_message = text(&field.limits.pattern_message);
    slim.options = field.options.iter().map(|option| Choice { value: option.value.clone(), label: Localized::default() }).collect();
    slim
}

#[island]
fn LiveChecksIsland(fields: PageFields, today: Day, lang: Lang, children: Children) -> impl IntoView {
    let root = NodeRef::<leptos::html::Div>::new();
    #[cfg(feature = "hydrate")]
    {
        let mut fields = Some(fields.0);
        Effect::new(move || {
            if let (Some(root), Some(fields)) = (root.get_untracked(), fields.take()) {
                browser::start(&root, fields, today, lang);
            }
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (fields, today, lang);
    view! {
        <div class="live-checks" node_ref=root>
            {children()}
            <div class="kern-sr-only live-checks__status" role="status"></div>
        </div>
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use crate::catalogue::model::Localized;
    use crate::i18n::Lang;
    use crate::requests::answers::{address_inputs, Answers, LIVE_CHECKS_INPUT};
    use crate::requests::date::Day;
    use crate::requests::form::{Field, FieldKind, FormPage};
    use crate::requests::validate::{check_field, message};
    use leptos::wasm_bindgen::closure::Closure;
    use leptos::wasm_bindgen::{JsCast, JsValue};
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;
    use web_sys::{Document, Element, Event, EventTarget, FocusEvent, FormData, HtmlElement, HtmlFormElement, HtmlInputElement, Node, SubmitEvent, XmlHttpRequest};

    /// The page's form and what the checks need.
    struct Live {
        /// The page's fields, for `Answers::from_pairs`.
        page: FormPage,
        today: Day,
        lang: Lang,
        document: Document,
        form: HtmlFormElement,
        /// The polite live region inside the island.
        status: Option<Element>,
        /// Fields the resident has typed in or changed: leaving one of them checks it.
        touched: RefCell<Vec<String>>,
        /// An upload is under way: other posts wait for it.
        uploading: Cell<bool>,
    }

    /// Wires the checks to the form around `root`.
    pub fn start(root: &HtmlElement, fields: Vec<Field>, today: Day, lang: Lang) {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        let Some(form) = root.closest("form").ok().flatten().and_then(|form| form.dyn_into::<HtmlFormElement>().ok()) else { return };
        let status = root.query_selector(".live-checks__status").ok().flatten();
        let page = FormPage { id: String::new(), title: Localized::default(), fields };
        let live = Rc::new(Live { page, today, lang, document, form, status, touched: RefCell::default(), uploading: Cell::new(false) });
        // An answer given while the bundle loaded (the first click on "Ja").
        live.apply_rules();
        live.mark_form();
        listen(root, "input", {
            let live = live.clone();
            move |event| live.on_input(&event)
        });
        listen(root, "change", {
            let live = live.clone();
            move |event| live.on_change(&event)
        });
        listen(root, "focusout", {
            let live = live.clone();
            move |event| live.on_focusout(&event)
        });
        if let Some(window) = web_sys::window() {
            let live = live.clone();
            listen(&window, "pageshow", move |_| live.upload_ended());
        }
        listen(&live.form.clone(), "submit", move |event| live.on_submit(&event));
    }

    /// Calls `handler` for every `kind` event at `target` for the rest of the page's life.
    fn listen(target: &EventTarget, kind: &str, handler: impl Fn(Event) + 'static) {
        let closure = Closure::<dyn Fn(Event)>::new(handler);
        let _ = target.add_event_listener_with_callback(kind, closure.as_ref().unchecked_ref());
        closure.forget();
    }

    /// The elements below `root` that match `selector`.
    fn select(root: &Element, selector: &str) -> Vec<Element> {
        let Ok(list) = root.query_selector_all(selector) else { return Vec::new() };
        (0..list.length()).filter_map(|index| list.item(index).and_then(|node| node.dyn_into::<Element>().ok())).collect()
    }

    fn set_class(element: &Element, class: &str, on: bool) {
        let _ = element.class_list().toggle_with_force(class, on);
    }

    impl Live {
        /// The field an event happened in (not file fields: those are checked on upload).
        fn field_of(&self, event: &Event) -> Option<&Field> {
            let target = event.target()?.dyn_into::<Element>().ok()?;
            let id = target.closest(".request-field").ok()??.get_attribute("data-field")?;
            self.page.fields.iter().find(|field| field.id == id && field.kind != FieldKind::File)
        }

        fn wrapper(&self, field_id: &str) -> Option<Element> {
            self.form.query_selector(&format!(".request-field[data-field=\"{field_id}\"]")).ok().flatten()
        }

        fn shows_error(&self, field: &Field) -> bool {
            self.document.get_element_by_id(&format!("{}-error", field.id)).is_some()
        }

        /// Whether another field's show-if rule depends on `field`.
        fn is_source(&self, field: &Field) -> bool {
            self.page.fields.iter().any(|other| other.show_if.as_ref().is_some_and(|rule| rule.field == field.id))
        }

        /// The page's answers as the server would read them from this form now.
        fn answers(&self) -> Answers {
            let Ok(data) = FormData::new_with_form(&self.form) else { return Answers::default() };
            let mut pairs = Vec::new();
            for field in &self.page.fields {
                let names = match field.kind {
                    FieldKind::File => continue,
                    FieldKind::Address => address_inputs(&field.id).to_vec(),
                    _ => vec![field.id.clone()],
                };
                for name in names {
                    pairs.extend(data.get_all(&name).iter().filter_map(|value| value.as_string()).map(|value| (name.clone(), value)));
                }
            }
            Answers::from_pairs(&self.page, &pairs)
        }

        fn touch(&self, field: &Field) {
            let mut touched = self.touched.borrow_mut();
            if !touched.contains(&field.id) {
                touched.push(field.id.clone());
            }
        }

        fn on_input(&self, event: &Event) {
            let Some(field) = self.field_of(event) else { return };
            self.touch(field);
            if self.is_source(field) {
                self.apply_rules();
            }
            // Corrections are confirmed as they are typed; a first answer is left alone.
            if self.shows_error(field) {
                self.check(field, false);
            }
        }

        fn on_change(&self, event: &Event) {
            let Some(field) = self.field_of(event) else { return };
            self.touch(field);
            if self.is_source(field) {
                self.apply_rules();
            }
            // Address parts, tick boxes and dates (whose year changes digit by digit) are checked
            // when the resident leaves the whole question.
            let complete = !matches!(field.kind, FieldKind::Address | FieldKind::MultipleChoice | FieldKind::Date);
            if complete || self.shows_error(field) {
                self.check(field, true);
            }
        }

        fn on_focusout(&self, event: &Event) {
            let Some(field) = self.field_of(event) else { return };
            let next = event.dyn_ref::<FocusEvent>().and_then(FocusEvent::related_target).and_then(|t| t.dyn_into::<Node>().ok());
            if let (Some(wrapper), Some(next)) = (self.wrapper(&field.id), next.as_ref()) {
                if wrapper.contains(Some(next)) {
                    return;
                }
            }
            // Leaving for a submit button: a message appearing now would move the button away
            // under the pointer and swallow the click; the server checks the post anyway.
            let to_submit = next.and_then(|node| node.dyn_into::<Element>().ok()).is_some_and(|element| {
                element.tag_name().eq_ignore_ascii_case("button") && element.get_attribute("type").as_deref() != Some("button")
            });
            if to_submit {
                return;
            }
            if self.touched.borrow().contains(&field.id) || self.shows_error(field) {
                self.check(field, true);
            }
        }

        /// Checks `field` with the server's code and shows or removes its message.
        fn check(&self, field: &Field, announce: bool) {
            if self.wrapper(&field.id).is_none_or(|wrapper| wrapper.has_attribute("hidden")) {
                return;
            }
            let answers = self.answers();
            let problem = check_field(field, answers.values(&field.id), self.today);
            let text = problem.map(|problem| message(field, &problem, self.lang));
            self.show_error(field, text.as_deref(), announce);
        }

        /// Shows `text` as the field's error message (the markup of `fields.rs`), or removes
        /// the message; `announce` says a new message in the live region as well.
        fn show_error(&self, field: &Field, text: Option<&str>, announce: bool) {
            let Some(wrapper) = self.wrapper(&field.id) else { return };
            let Some(container) = wrapper.first_element_child() else { return };
            let error_id = format!("{}-error", field.id);
            let hint_id = format!("{}-hint", field.id);
            let existing = self.document.get_element_by_id(&error_id);
            let fieldset = container.tag_name().eq_ignore_ascii_case("fieldset");
            match (text, existing) {
                (None, None) => return,
                (None, Some(error)) => error.remove(),
                (Some(text), existing) => {
                    let error = match existing {
                        Some(error) => {
                            let shown = error.last_child().and_then(|node| node.text_content()).unwrap_or_default();
                            if shown == text {
                                return;
                            }
                            error
                        }
                        None => {
                            let Ok(error) = self.document.create_element("p") else { return };
                            error.set_class_name("kern-error");
                            error.set_id(&error_id);
                            // After the hint, or after the label or legend.
                            let before = self.document.get_element_by_id(&hint_id).filter(|hint| container.contains(Some(hint))).or(container.first_element_child());
                            let next = before.and_then(|before| before.next_sibling());
                            let _ = container.insert_before(&error, next.as_ref());
                            error
                        }
                    };
                    let new = error.child_element_count() == 0;
                    error.set_text_content(None);
                    if let Ok(label) = self.document.create_element("span") {
                        label.set_class_name("kern-sr-only");
                        label.set_text_content(Some(self.lang.pick("Fehler: ", "Error: ")));
                        let _ = error.append_child(&label);
                    }
                    let _ = error.append_child(&self.document.create_text_node(text));
                    if announce && new {
                        self.announce(&format!("{}{text}", self.lang.pick("Fehler: ", "Error: ")));
                    }
                }
            }
            let has_error = text.is_some();
            set_class(&container, if fieldset { "kern-fieldset--error" } else { "kern-form-input--error" }, has_error);
            for input in select(&wrapper, "input, textarea") {
                for base in ["kern-form-check__radio", "kern-form-check__checkbox", "kern-form-input__input"] {
                    if input.class_list().contains(base) {
                        set_class(&input, &format!("{base}--error"), has_error);
                    }
                }
                let _ = if has_error { input.set_attribute("aria-invalid", "true") } else { input.remove_attribute("aria-invalid") };
            }
            // The hint and the message describe the fieldset, or the single input.
            let described = if fieldset { Some(container) } else { self.document.get_element_by_id(&field.id) };
            if let Some(described) = described {
                let hint = self.document.get_element_by_id(&hint_id).is_some().then_some(hint_id);
                let ids: Vec<String> = hint.into_iter().chain(has_error.then_some(error_id)).collect();
                let _ = if ids.is_empty() { described.remove_attribute("aria-describedby") } else { described.set_attribute("aria-describedby", &ids.join(" ")) };
            }
        }

        /// Shows and hides the questions whose show-if rule depends on an answer of this page
        /// (a question whose own source is hidden is hidden too); rules on answers of earlier
        /// pages stay as the server rendered them.
        fn apply_rules(&self) {
            let answers = self.answers();
            let mut shown: Vec<(&str, bool)> = Vec::new();
            for field in &self.page.fields {
                let Some(wrapper) = self.wrapper(&field.id) else { continue };
                let hidden = wrapper.has_attribute("hidden");
                let source = field.show_if.as_ref().and_then(|rule| shown.iter().find(|(id, _)| *id == rule.field));
                let visible = match source {
                    Some((_, source_shown)) => *source_shown && answers.shows(field),
                    None => !hidden,
                };
                if visible == hidden {
                    let _ = if visible { wrapper.remove_attribute("hidden") } else { wrapper.set_attribute("hidden", "") };
                }
                shown.push((&field.id, visible));
            }
        }

        fn announce(&self, text: &str) {
            if let Some(status) = &self.status {
                status.set_text_content(Some(text));
            }
        }

        /// Tells the server that questions were revealed as they were answered.
        fn mark_form(&self) {
            let Ok(input) = self.document.create_element("input") else { return };
            let _ = input.set_attribute("type", "hidden");
            let _ = input.set_attribute("name", LIVE_CHECKS_INPUT);
            let _ = input.set_attribute("value", "1");
            let _ = self.form.append_child(&input);
        }

        /// "Datei hochladen" with files chosen: the same post, sent with a progress bar.
        /// Every other post goes as it is (while an upload runs, it waits).
        fn on_submit(self: &Rc<Self>, event: &Event) {
            if self.uploading.get() {
                event.prevent_default();
                return;
            }
            let Some(button) = event.dyn_ref::<SubmitEvent>().and_then(SubmitEvent::submitter) else { return };
            let action = button.get_attribute("value").unwrap_or_default();
            let Some(field_id) = action.strip_prefix("hochladen:") else { return };
            if button.get_attribute("name").as_deref() != Some("_aktion") || !self.files_chosen() {
                return;
            }
            let Some(field) = self.page.fields.iter().find(|field| field.id == field_id) else { return };
            if self.upload(field, &action, &button).is_ok() {
                event.prevent_default();
            }
        }

        fn files_chosen(&self) -> bool {
            select(&self.form, "input[type=file]")
                .into_iter()
                .filter_map(|input| input.dyn_into::<HtmlInputElement>().ok())
                .any(|input| input.files().is_some_and(|files| files.length() > 0))
        }

        /// Posts the form with XMLHttpRequest, shows its progress below `field`'s button, and
        /// then opens the page the server redirected to (the file listed, or why it was refused).
        fn upload(self: &Rc<Self>, field: &Field, action: &str, button: &HtmlElement) -> Result<(), JsValue> {
            let data = FormData::new_with_form(&self.form)?;
            data.append_with_str("_aktion", action)?;
            let request = XmlHttpRequest::new()?;
            request.open("POST", &self.form.action())?;
            let progress = Progress::show(self, field, button)?;
            let on_progress = {
                let progress = progress.clone();
                Closure::<dyn Fn(web_sys::ProgressEvent)>::new(move |event: web_sys::ProgressEvent| {
                    let percent = event.length_computable().then(|| (event.loaded() / event.total().max(1.0) * 100.0).round().min(100.0) as u32);
                    progress.set(percent);
                })
            };
            request.upload()?.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
            on_progress.forget();
            let on_end = {
                let live = self.clone();
                let request = request.clone();
                let field = field.id.clone();
                Closure::<dyn Fn()>::new(move || live.uploaded(&request, &field, &progress))
            };
            request.set_onloadend(Some(on_end.as_ref().unchecked_ref()));
            on_end.forget();
            request.send_with_opt_form_data(Some(&data))?;
            self.uploading.set(true);
            let _ = button.set_attribute("aria-disabled", "true");
            self.announce(self.lang.pick("Hochladen gestartet.", "Upload started."));
            Ok(())
        }

        /// The upload ended: the server's page on success (it answers with a redirect, which the
        /// request followed), or a message at the field when the post was refused or failed.
        /// The button stays disabled while the next page loads.
        fn uploaded(&self, request: &XmlHttpRequest, field_id: &str, progress: &Progress) {
            let html = request.get_response_header("content-type").ok().flatten().is_some_and(|kind| kind.starts_with("text/html"));
            let url = request.response_url();
            if html && !url.is_empty() {
                progress.set(Some(100));
                self.announce(self.lang.pick("Hochladen abgeschlossen.", "Upload finished."));
                open(&url, field_id);
                return;
            }
            let status = request.status().unwrap_or(0);
            let text = if status == 413 {
                self.lang.pick(
                    "Die Dateien sind zusammen zu groß. Bitte laden Sie weniger oder kleinere Dateien auf einmal hoch.",
                    "The files are too large together. Upload fewer or smaller files at a time.",
                )
            } else {
                self.lang.pick("Das Hochladen hat nicht geklappt. Bitte versuchen Sie es noch einmal.", "The upload did not work. Please try again.")
            };
            self.upload_ended();
            if let Some(field) = self.page.fields.iter().find(|field| field.id == field_id) {
                self.show_error(field, Some(text), true);
            }
        }

        /// No upload under way (any more): the form posts again. Also when the page comes back
        /// from the browser's back-forward cache after an upload left it.
        fn upload_ended(&self) {
            self.uploading.set(false);
            for block in select(&self.form, ".upload-progress") {
                block.remove();
            }
            for button in select(&self.form, ".request-upload[aria-disabled]") {
                let _ = button.remove_attribute("aria-disabled");
            }
        }
    }

    /// Goes to the page at `url` (a GET after the post, so reloading it never posts twice), at
    /// `field` like the server's redirect. The same address as now is loaded again, not just
    /// scrolled to.
    fn open(url: &str, field: &str) {
        let Some(window) = web_sys::window() else { return };
        let location = window.location();
        let target = format!("{url}#{field}");
        let here = location.href().unwrap_or_default();
        let here = here.split('#').next().unwrap_or_default();
        if here == url {
            if let Ok(history) = window.history() {
                let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&target));
            }
            let _ = location.reload();
        } else {
            let _ = location.assign(&target);
        }
    }

    /// The progress bar below a file field's upload button, with its text as label.
    #[derive(Clone)]
    struct Progress {
        lang: Lang,
        label: Element,
        bar: Element,
    }

    impl Progress {
        fn show(live: &Live, field: &Field, button: &HtmlElement) -> Result<Progress, JsValue> {
            let document = &live.document;
            let bar_id = format!("{}-fortschritt", field.id);
            if let Some(old) = document.get_element_by_id(&format!("{bar_id}-block")) {
                old.remove();
            }
            let block = document.create_element("div")?;
            block.set_class_name("upload-progress");
            block.set_id(&format!("{bar_id}-block"));
            let label = document.create_element("label")?;
            label.set_class_name("kern-body upload-progress__label");
            label.set_attribute("for", &bar_id)?;
            let bar = document.create_element("progress")?;
            bar.set_id(&bar_id);
            bar.set_attribute("max", "100")?;
            block.append_child(&label)?;
            block.append_child(&bar)?;
            button.after_with_node_1(&block)?;
            let progress = Progress { lang: live.lang, label, bar };
            progress.set(Some(0));
            Ok(progress)
        }

        /// `None`: the size is not known (an indeterminate bar).
        fn set(&self, percent: Option<u32>) {
            let (text, value) = match percent {
                Some(percent) => (format!("{} {percent} %", self.lang.pick("Hochladen:", "Uploading:")), Some(percent.to_string())),
                None => (self.lang.pick("Hochladen …", "Uploading …").to_string(), None),
            };
            self.label.set_text_content(Some(&text));
            let _ = match value {
                Some(value) => self.bar.set_attribute("value", &value),
                None => self.bar.remove_attribute("value"),
            };
        }
    }
}
