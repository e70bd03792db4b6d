//! The addresses of the request journey. German pages live under `/antrag`, English ones under
//! `/en/request`; the resume code is part of the address and is the only key to a draft.

use crate::i18n::Lang;

/// The start page of a service's online request.
pub fn start(lang: Lang, slug_de: &str, slug_en: &str) -> String {
    match lang {
        Lang::De => format!("/leistungen/{slug_de}/antrag"),
        Lang::En => format!("/en/services/{slug_en}/request"),
    }
}

/// Where the start button posts to (creates the draft).
pub fn begin(lang: Lang) -> &'static str {
    lang.pick("/antrag/neu", "/en/request/new")
}

fn base(lang: Lang, code: &str) -> String {
    format!("{}/{code}", lang.pick("/antrag", "/en/request"))
}

/// A question page; posts go to the same address.
pub fn question(lang: Lang, code: &str, page_id: &str) -> String {
    format!("{}/{}/{page_id}", base(lang, code), lang.pick("frage", "question"))
}

/// "Check your answers".
pub fn check(lang: Lang, code: &str) -> String {
    format!("{}/{}", base(lang, code), lang.pick("pruefen", "check"))
}

/// Where the check page's submit button posts to.
pub fn submit(lang: Lang, code: &str) -> String {
    format!("{}/{}", base(lang, code), lang.pick("absenden", "submit"))
}

/// The confirmation with the reference number.
pub fn confirmation(lang: Lang, code: &str) -> String {
    format!("{}/{}", base(lang, code), lang.pick("bestaetigung", "confirmation"))
}

/// "Continue a started request": takes the resume code (`?code=`), also the resume link.
pub fn resume(lang: Lang) -> &'static str {
    lang.pick("/antrag/fortsetzen", "/en/request/resume")
}

/// The resume link of a draft.
pub fn resume_link(lang: Lang, code: &str) -> String {
    format!("{}?code={code}", resume(lang))
}

/// Tracking: reference and PIN (`?nummer=&pin=`).
pub fn status(lang: Lang) -> &'static str {
    lang.pick("/antrag/status", "/en/request/status")
}

/// The tracking link sent by mail and shown on the confirmation.
pub fn status_link(lang: Lang, reference: &str, pin: &str) -> String {
    format!("{}?nummer={reference}&pin={pin}", status(lang))
}

/// Where the tracking page's reply form posts to (multipart).
pub fn reply(lang: Lang) -> &'static str {
    lang.pick("/antrag/status/antworten", "/en/request/status/reply")
}

/// Where the tracking page's withdraw form posts to.
pub fn withdraw(lang: Lang) -> &'static str {
    lang.pick("/antrag/status/zurueckziehen", "/en/request/status/withdraw")
}
