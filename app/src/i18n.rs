//! The site's languages and how a URL says which one a page is in.
//!
//! German pages live at the root (`/impressum`), English pages under `/en` (`/en/imprint`).
//! The language is part of the URL, so it works without JavaScript and cookies, is shareable,
//! and search engines can index both versions.
//!
//! UI strings live in `locales/de.json` and `locales/en.json`. The build script turns them into
//! the [`locales`] module; pages read them with leptos_i18n's context-free macros and the
//! page's language, e.g. `td_string!(lang.locale(), layout.skip_link)`. There is no i18n
//! context: it would be an island and hydrate the whole page.

use serde::{Deserialize, Serialize};

/// The UI strings of every language (module `i18n`), generated from the locale files by
/// `build.rs`. Its context API (`use_i18n`, `I18nContextProvider`, …) stays unused.
#[allow(dead_code, unused_imports)]
mod locales {
    include!(concat!(env!("OUT_DIR"), "/locales/mod.rs"));
}

pub use locales::i18n::Locale;

/// A language the portal is written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// German, the default.
    #[default]
    De,
    /// English.
    En,
}

impl Lang {
    /// Every language, German first.
    pub const ALL: [Lang; 2] = [Lang::De, Lang::En];

    /// The BCP 47 tag, as used in `lang` and `hreflang` attributes.
    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    /// The locale holding this language's UI strings.
    pub fn locale(self) -> Locale {
        match self {
            Lang::De => Locale::de,
            Lang::En => Locale::en,
        }
    }

    /// The language with this BCP 47 tag (`de`, `en`).
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }

    /// The language a path belongs to.
    pub fn from_path(path: &str) -> Lang {
        if path == "/en" || path.starts_with("/en/") {
            Lang::En
        } else {
            Lang::De
        }
    }

    /// The other language, for the switch between German and English.
    pub fn other(self) -> Lang {
        match self {
            Lang::De => Lang::En,
            Lang::En => Lang::De,
        }
    }

    /// Picks the German or the English value of something that is not UI text, such as a
    /// path or a slug (UI text comes from the locale files).
    pub fn pick<T>(self, de: T, en: T) -> T {
        match self {
            Lang::De => de,
            Lang::En => en,
        }
    }
}

/// Pages that exist in both languages under different paths: (German, English).
const PAGE_PAIRS: &[(&str, &str)] = &[
    ("/", "/en"),
    ("/barrierefreiheit", "/en/accessibility"),
    ("/leichte-sprache", "/en/easy-read"),
    ("/impressum", "/en/imprint"),
    ("/datenschutz", "/en/privacy"),
    ("/leistungen", "/en/services"),
    ("/themen", "/en/topics"),
    ("/lebenslagen", "/en/life-situations"),
    ("/dienststellen", "/en/offices"),
];

/// The path of the same page in `target`, or that language's home page when the page has no
/// known counterpart.
pub fn translated_path(path: &str, target: Lang) -> &'static str {
    let path = if path.len() > 1 { path.trim_end_matches('/') } else { path };
    PAGE_PAIRS
        .iter()
        .find(|(de, en)| *de == path || *en == path)
        .map(|(de, en)| target.pick(*de, *en))
        .unwrap_or_else(|| target.pick("/", "/en"))
}

/// The path of a page pair in the given language, by its German path.
pub fn localized(de_path: &'static str, lang: Lang) -> &'static str {
    translated_path(de_path, lang)
}

/// The address that remembers a language choice (in a cookie, see the server's
/// `http::language`) and then redirects to the page in that language.
pub const LANGUAGE_CHOICE_PATH: &str = "/sprache";

/// The language switch's link: choose `target` and continue at `path`, the page in `target`.
pub fn language_choice_href(target: Lang, path: &str) -> String {
    format!("{LANGUAGE_CHOICE_PATH}?zu={}&weiter={}", target.code(), query_value(path))
}

/// Percent-encodes a query value; slashes stay readable.
fn query_value(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => char::from(b).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_comes_from_the_path_prefix() {
        assert_eq!(Lang::from_path("/"), Lang::De);
        assert_eq!(Lang::from_path("/impressum"), Lang::De);
        assert_eq!(Lang::from_path("/en"), Lang::En);
        assert_eq!(Lang::from_path("/en/imprint"), Lang::En);
        assert_eq!(Lang::from_path("/entsorgung"), Lang::De);
    }

    #[test]
    fn pages_map_to_their_counterpart() {
        assert_eq!(translated_path("/impressum", Lang::En), "/en/imprint");
        assert_eq!(translated_path("/en/imprint/", Lang::De), "/impressum");
        assert_eq!(translated_path("/en", Lang::De), "/");
        assert_eq!(translated_path("/unbekannt", Lang::En), "/en");
    }

    #[test]
    fn the_language_switch_names_the_choice_and_the_page() {
        assert_eq!(language_choice_href(Lang::En, "/en/imprint"), "/sprache?zu=en&weiter=/en/imprint");
        assert_eq!(language_choice_href(Lang::De, "/a b&c"), "/sprache?zu=de&weiter=/a%20b%26c");
        assert_eq!(Lang::from_code("en"), Some(Lang::En));
        assert_eq!(Lang::from_code("fr"), None);
    }
}
