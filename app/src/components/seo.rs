//! Canonical and language-alternate links with absolute URLs, as search engines require.

use crate::i18n::Lang;
use leptos::prelude::*;
use leptos_meta::{Link, Meta};

/// The site's public origin (`https://service.wolfsburg.de`), provided by the server for each
/// request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SiteOrigin(pub String);

/// `rel=canonical`, `hreflang` alternates for German and English, and `og:url`. `href` is this
/// page's path, `alternate` the path of the same page in the other language.
#[component]
pub fn LanguageLinks(lang: Lang, #[prop(into)] href: String, #[prop(into)] alternate: String) -> impl IntoView {
    let origin = use_context::<SiteOrigin>().map(|o| o.0).unwrap_or_default();
    let (de, en) = match lang {
        Lang::De => (href.clone(), alternate),
        Lang::En => (alternate, href.clone()),
    };
    let canonical = format!("{origin}{href}");
    view! {
        <Link rel="canonical" href=canonical.clone()/>
        <Link rel="alternate" hreflang="de" href=format!("{origin}{de}")/>
        <Link rel="alternate" hreflang="en" href=format!("{origin}{en}")/>
        <Meta property="og:url" content=canonical/>
    }
}
