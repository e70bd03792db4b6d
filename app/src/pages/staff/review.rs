//! The workflow buttons that listings and request forms share: one-button forms posting the
//! item's slug, and the publisher's decision on a version in review under the four-eyes rule.

use super::frame::{CsrfField, TextArea};
use leptos::prelude::*;

/// A form with one button that posts `slug` to `action`.
pub fn slug_button(action: &'static str, csrf: &str, slug: &str, label: &'static str, class: &'static str) -> impl IntoView {
    view! {
        <form method="post" action=action>
            <CsrfField token=csrf.to_string()/>
            <input type="hidden" name="slug" value=slug.to_string()/>
            <button class=class type="submit"><span class="kern-label">{label}</span></button>
        </form>
    }
}

/// For a publisher looking at a version in review: why they may not decide (they edited it
/// last), or the buttons to publish it or return it with a note.
pub fn review_decision(own_work: bool, publish: &'static str, give_back: &'static str, csrf: &str, slug: &str) -> AnyView {
    if own_work {
        return view! { <p class="kern-body">"Vier-Augen-Prinzip: Sie haben diese Version zuletzt bearbeitet, deshalb gibt sie eine andere Person frei."</p> }.into_any();
    }
    view! {
        <div class="kern-stack">
            {slug_button(publish, csrf, slug, "Veröffentlichen", "kern-btn kern-btn--primary")}
            <form method="post" action=give_back class="kern-stack staff-form">
                <CsrfField token=csrf.to_string()/>
                <input type="hidden" name="slug" value=slug.to_string()/>
                <TextArea id="note" name="note" label="Hinweis an die Redaktion" rows=3/>
                <div><button class="kern-btn kern-btn--secondary" type="submit"><span class="kern-label">"Zur Überarbeitung zurückgeben"</span></button></div>
            </form>
        </div>
    }
    .into_any()
}
