//! The URLs of catalogue pages in each language.

use crate::i18n::Lang;

/// The kinds of catalogue page and their path prefixes in German and English.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageKind {
    /// A service page.
    Service,
    /// A topic page.
    Topic,
    /// A life-situation page.
    LifeSituation,
    /// An office page.
    Office,
}

impl PageKind {
    /// The path prefix, e.g. `/leistungen` or `/en/services`.
    pub fn prefix(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (PageKind::Service, Lang::De) => "/leistungen",
            (PageKind::Service, Lang::En) => "/en/services",
            (PageKind::Topic, Lang::De) => "/themen",
            (PageKind::Topic, Lang::En) => "/en/topics",
            (PageKind::LifeSituation, Lang::De) => "/lebenslagen",
            (PageKind::LifeSituation, Lang::En) => "/en/life-situations",
            (PageKind::Office, Lang::De) => "/dienststellen",
            (PageKind::Office, Lang::En) => "/en/offices",
        }
    }

    /// The page's path for the slug of that language.
    pub fn href(self, lang: Lang, slug_de: &str, slug_en: &str) -> String {
        format!("{}/{}", self.prefix(lang), lang.pick(slug_de, slug_en))
    }
}

/// The path of a service's Leichte Sprache version.
pub fn easy_read_href(slug_de: &str) -> String {
    format!("/leistungen/{slug_de}/leichte-sprache")
}
