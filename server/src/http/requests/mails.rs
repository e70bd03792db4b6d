//! The mails a request sends: to the resident (when they gave an address) on submission and
//! on every status change, and to the responsible office on a new request. They are queued in
//! the same transaction as the change (see `app::mail`), so none is lost.

use crate::http::AppState;
use app::catalogue::PublishedService;
use app::i18n::Lang;
use app::mail::templates::{new_request_to_office, status_changed_to_resident, submitted_to_resident, RequestMail};
use app::mail::OutgoingMail;
use app::requests::paths;
use app::requests::status::RequestStatus;
use app::requests::store::{Draft, Receipt, Tracked};
use app::requests::views::local;

fn date(day: app::requests::date::Day, lang: Lang) -> String {
    lang.pick(day.german(), day.iso())
}

/// Only well-formed mails are queued; a bad address must not cost the resident their request.
fn keep(mail: OutgoingMail) -> Option<OutgoingMail> {
    match mail.checked() {
        Ok(mail) => Some(mail),
        Err(error) => {
            tracing::warn!(%error, "a request mail is not sent");
            None
        }
    }
}

/// The mails of a new request, once its reference and PIN are known.
pub fn on_submission<'a>(state: &'a AppState, origin: &'a str, draft: &'a Draft, service: &'a PublishedService) -> impl Fn(&Receipt) -> Vec<OutgoingMail> + Sync + 'a {
    let lang = draft.lang;
    let snapshot = state.catalogue.get();
    let office = service.content.offices.first().and_then(|slug| snapshot.office(slug)).cloned();
    move |receipt: &Receipt| {
        let data = |lang: Lang| RequestMail {
            reference: receipt.reference.clone(),
            service_title: local(&service.content.title, lang),
            status: RequestStatus::Received.label(lang).to_string(),
            message: String::new(),
            expected: date(receipt.expected, lang),
            tracking_url: format!("{origin}{}", paths::status_link(lang, &receipt.reference, &receipt.pin)),
            staff_url: format!("{origin}/verwaltung"),
            office_name: office.as_ref().map(|o| local(&o.name, lang)).unwrap_or_default(),
        };
        let mut mails = Vec::new();
        if !receipt.email.is_empty() {
            mails.extend(keep(submitted_to_resident(lang, &receipt.email, &data(lang))));
        }
        if let Some(office) = office.as_ref().filter(|o| !o.email.is_empty()) {
            mails.extend(keep(new_request_to_office(&office.email, &data(Lang::De))));
        }
        mails
    }
}

/// The resident's mail after withdrawing (a status change like any other).
pub fn on_withdrawal(origin: &str, tracked: &Tracked, pin: &str) -> Vec<OutgoingMail> {
    if tracked.email.is_empty() {
        return Vec::new();
    }
    let lang = tracked.lang;
    let data = RequestMail {
        reference: tracked.request.reference.clone(),
        service_title: tracked.request.service_title.clone(),
        status: RequestStatus::Withdrawn.label(lang).to_string(),
        message: String::new(),
        expected: String::new(),
        tracking_url: format!("{origin}{}", paths::status_link(lang, &tracked.request.reference, pin)),
        staff_url: String::new(),
        office_name: String::new(),
    };
    keep(status_changed_to_resident(lang, &tracked.email, &data)).into_iter().collect()
}
