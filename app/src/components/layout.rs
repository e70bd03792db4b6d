//! The page frame: skip link, city header with language switch, main landmark and footer.

use crate::catalogue::paths::PageKind;
use crate::components::SearchBox;
use crate::i18n::{language_choice_href, localized, translated_path, Lang};
use leptos::prelude::*;
use leptos_i18n::td_string;
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
            {td_string!(lang.locale(), layout.skip_link)}
        </a>
    }
}

/// The city's header: crest and name linking home, main navigation, the language switch to
/// `alternate` (through the address that remembers the choice), and the search form when
/// `search`.
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
                        <span class="site-header__name">{td_string!(lang.locale(), site.city)}</span>
                        <span class="site-header__tagline">{td_string!(lang.locale(), site.name)}</span>
                    </span>
                </a>
                <nav class="site-nav" aria-label=td_string!(lang.locale(), layout.main_nav)>
                    <ul>
                        <li><a class="kern-link" href=PageKind::Service.prefix(lang)>{td_string!(lang.locale(), nav.services)}</a></li>
                        <li><a class="kern-link" href=PageKind::Topic.prefix(lang)>{td_string!(lang.locale(), nav.topics)}</a></li>
                        <li><a class="kern-link" href=PageKind::LifeSituation.prefix(lang)>{td_string!(lang.locale(), nav.life_situations)}</a></li>
                        <li><a class="kern-link" href=PageKind::Office.prefix(lang)>{td_string!(lang.locale(), nav.offices)}</a></li>
                    </ul>
                </nav>
                <nav class="lang-switch" aria-label=td_string!(lang.locale(), layout.language_nav)>
                    <a class="kern-link" href=language_choice_href(other, &alternate) hreflang=other.code() lang=other.code()>
                        {td_string!(other.locale(), layout.language_name)}
                    </a>
                </nav>
            </div>
            {search.then(|| view! { <div class="kern-container site-header__search"><SearchBox lang id="kopfsuche" prominent=false/></div> })}
        </header>
    }
}

/// The footer with the city's phone service and the legal pages.
#[component]
pub fn SiteFooter(lang: Lang) -> impl IntoView {
    view! {
        <footer class="site-footer">
            <div class="kern-container">
                <nav aria-label=td_string!(lang.locale(), layout.legal_nav)>
                    <ul>
                        <li><a class="kern-link" href=localized("/barrierefreiheit", lang)>
                            {td_string!(lang.locale(), nav.accessibility)}
                        </a></li>
                        <li><a class="kern-link" href=localized("/leichte-sprache", lang)>{td_string!(lang.locale(), nav.easy_read)}</a></li>
                        <li><a class="kern-link" href=localized("/impressum", lang)>{td_string!(lang.locale(), nav.imprint)}</a></li>
                        <li><a class="kern-link" href=localized("/datenschutz", lang)>{td_string!(lang.locale(), nav.privacy)}</a></li>
                    </ul>
                </nav>
                <p class="kern-body kern-body--small">
                    {td_string!(lang.locale(), layout.footer_address)}
                </p>
            </div>
        </footer>
    }
}
