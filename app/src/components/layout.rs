//! The page frame: skip link, city header with language switch, main landmark and footer.

use crate::catalogue::paths::PageKind;
use crate::components::SearchBox;
use crate::i18n::{localized, translated_path, Lang};
use leptos::prelude::*;
use leptos_meta::Html;
use leptos_router::hooks::use_location;

/// The frame around every page. `lang` is the page's language; `alternate` the same page in
/// the other language (by default looked up in the table of fixed pages). Pages with a search
/// form of their own set `own_search` to leave it out of the header.
#[component]
pub fn Layout(
    lang: Lang,
    #[prop(optional, into)] alternate: Option<String>,
    #[prop(optional)] own_search: bool,
    children: Children,
) -> impl IntoView {
    let alternate = alternate.unwrap_or_else(|| translated_path(&use_location().pathname.get_untracked(), lang.other()).into());
    view! {
        <Html attr:lang=lang.code()/>
        <SkipLink lang/>
        <SiteHeader lang alternate search=!own_search/>
        <main id="inhalt" tabindex="-1">
            <div class="kern-container">{children()}</div>
        </main>
        <SiteFooter lang/>
    }
}

/// "Skip to content", the first focusable element of every page.
#[component]
pub fn SkipLink(lang: Lang) -> impl IntoView {
    view! {
        <a class="skip-link kern-link" href="#inhalt">
            {lang.pick("Zum Inhalt springen", "Skip to main content")}
        </a>
    }
}

/// The city's header: crest and name linking home, main navigation, the language switch to
/// `alternate`, and the search form when `search`.
#[component]
pub fn SiteHeader(lang: Lang, alternate: String, search: bool) -> impl IntoView {
    let other = lang.other();
    view! {
        <header class="site-header">
            <div class="kern-container site-header__bar">
                <a class="site-header__brand" href=localized("/", lang)>
                    <svg class="site-header__crest" width="40" height="40" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
                        <rect width="32" height="32" rx="6" fill="#1a52a6"></rect>
                        <path d="M6 26V14l10-7 10 7v12h-7v-7h-6v7z" fill="#fff"></path>
                    </svg>
                    <span>
                        <span class="site-header__name">{lang.pick("Stadt Wolfsburg", "City of Wolfsburg")}</span>
                        <span class="site-header__tagline">{lang.pick("Digitales Rathaus", "Digital town hall")}</span>
                    </span>
                </a>
                <nav class="site-nav" aria-label=lang.pick("Hauptnavigation", "Main navigation")>
                    <ul>
                        <li><a class="kern-link" href=PageKind::Service.prefix(lang)>{lang.pick("Leistungen A–Z", "Services A–Z")}</a></li>
                        <li><a class="kern-link" href=PageKind::Topic.prefix(lang)>{lang.pick("Themen", "Topics")}</a></li>
                        <li><a class="kern-link" href=PageKind::LifeSituation.prefix(lang)>{lang.pick("Lebenslagen", "Life situations")}</a></li>
                        <li><a class="kern-link" href=PageKind::Office.prefix(lang)>{lang.pick("Dienststellen", "Offices")}</a></li>
                    </ul>
                </nav>
                <nav class="lang-switch" aria-label=lang.pick("Sprache", "Language")>
                    <a class="kern-link" href=alternate hreflang=other.code() lang=other.code()>
                        {other.endonym()}
                    </a>
                </nav>
            </div>
            {search.then(|| view! { <div class="kern-container site-header__search"><SearchBox lang id="kopfsuche".to_string() prominent=false/></div> })}
        </header>
    }
}

/// The footer with the city's phone service and the legal pages.
#[component]
pub fn SiteFooter(lang: Lang) -> impl IntoView {
    view! {
        <footer class="site-footer">
            <div class="kern-container">
                <nav aria-label=lang.pick("Rechtliches", "Legal")>
                    <ul>
                        <li><a class="kern-link" href=localized("/barrierefreiheit", lang)>
                            {lang.pick("Erklärung zur Barrierefreiheit", "Accessibility statement")}
                        </a></li>
                        <li><a class="kern-link" href=localized("/leichte-sprache", lang)>{lang.pick("Leichte Sprache", "Easy read")}</a></li>
                        <li><a class="kern-link" href=localized("/impressum", lang)>{lang.pick("Impressum", "Imprint")}</a></li>
                        <li><a class="kern-link" href=localized("/datenschutz", lang)>{lang.pick("Datenschutz", "Privacy")}</a></li>
                    </ul>
                </nav>
                <p class="kern-body kern-body--small">
                    {lang.pick(
                        "Stadt Wolfsburg · Porschestraße 49 · 38440 Wolfsburg · Behördennummer 115",
                        "City of Wolfsburg · Porschestraße 49 · 38440 Wolfsburg · Public service number 115",
                    )}
                </p>
            </div>
        </footer>
    }
}
