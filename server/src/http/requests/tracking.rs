//! The tracking page's posts: the resident answers (message and files) or withdraws. Both need
//! the reference number and PIN again, and count towards the tracking rate limit.

use super::posted::read;
use super::{client, mails, redirect};
use crate::http::AppState;
use app::i18n::Lang;
use app::requests::limits::Limit;
use app::requests::paths;
use app::requests::reference::{normalise_code, normalise_reference};
use app::requests::store::{self, Tracked};
use axum::extract::{Request, State};
use axum::response::{IntoResponse, Response};

fn status_page(lang: Lang, reference: &str, pin: &str, extra: &str) -> String {
    let query = url::form_urlencoded::Serializer::new(String::new()).append_pair("nummer", reference).append_pair("pin", pin).finish();
    format!("{}?{query}{extra}", paths::status(lang))
}

async fn find(state: &AppState, reference: &str, pin: &str) -> Result<Option<Tracked>, Response> {
    let (Some(reference), Some(pin)) = (normalise_reference(reference), normalise_code(pin, 8)) else { return Ok(None) };
    store::track(&state.db, &reference, &pin).await.map_err(|error| {
        tracing::error!(%error, "tracking failed");
        axum::http::StatusCode::INTERNAL_SERVER_ERROR.into_response()
    })
}

/// `POST /antrag/status/antworten`: a message and files from the resident.
pub async fn reply(State(state): State<AppState>, request: Request) -> Response {
    let lang = Lang::from_path(request.uri().path());
    let address = client(&request);
    let posted = match read(request).await {
        Ok(posted) => posted,
        Err(unreadable) => return unreadable.into_response(),
    };
    let (reference, pin) = (posted.value("nummer").to_string(), posted.value("pin").to_string());
    if !state.request_limits.allow(Limit::Tracking, address) {
        return super::too_many(lang);
    }
    let tracked = match find(&state, &reference, &pin).await {
        Ok(Some(tracked)) => tracked,
        Ok(None) => return redirect(&status_page(lang, &reference, &pin, "")),
        Err(response) => return response,
    };
    let message: String = posted.value("nachricht").chars().filter(|c| !c.is_control() || *c == '\n').take(5000).collect();
    let message = message.trim().to_string();
    let uploads = posted.files_of("dateien");
    if message.is_empty() && uploads.is_empty() {
        let text = lang.pick("Bitte schreiben Sie eine Nachricht oder wählen Sie eine Datei aus.", "Write a message or choose a file.");
        let extra = url::form_urlencoded::Serializer::new(String::new()).append_pair("datei", text).finish();
        return redirect(&status_page(lang, &tracked.request.reference, &pin, &format!("&{extra}#antworten")));
    }
    match store::reply(&state.db, tracked.id, &message, &uploads, &[]).await {
        Ok(Ok(())) => {
            redirect(&status_page(lang, &tracked.request.reference, &pin, "&hinweis=antwort"))
        }
        Ok(Err(refusal)) => {
            let extra = url::form_urlencoded::Serializer::new(String::new()).append_pair("datei", &refusal.message(lang)).finish();
            redirect(&status_page(lang, &tracked.request.reference, &pin, &format!("&{extra}#antworten")))
        }
        Err(error) => {
            tracing::error!(%error, "reply failed");
            axum::http::StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// `POST /antrag/status/zurueckziehen`: the resident withdraws the request (after ticking the
/// confirmation).
pub async fn withdraw(State(state): State<AppState>, request: Request) -> Response {
    let lang = Lang::from_path(request.uri().path());
    let origin = crate::http::seo::public_origin(&state.config, request.headers());
    let address = client(&request);
    let posted = match read(request).await {
        Ok(posted) => posted,
        Err(unreadable) => return unreadable.into_response(),
    };
    let (reference, pin) = (posted.value("nummer").to_string(), posted.value("pin").to_string());
    if !state.request_limits.allow(Limit::Tracking, address) {
        return super::too_many(lang);
    }
    let tracked = match find(&state, &reference, &pin).await {
        Ok(Some(tracked)) => tracked,
        Ok(None) => return redirect(&status_page(lang, &reference, &pin, "")),
        Err(response) => return response,
    };
    if posted.value("bestaetigt") != "ja" {
        let text = lang.pick("Bitte bestätigen Sie, dass Sie den Antrag zurückziehen möchten.", "Confirm that you want to withdraw the request.");
        let extra = url::form_urlencoded::Serializer::new(String::new()).append_pair("datei", text).finish();
        return redirect(&status_page(lang, &tracked.request.reference, &pin, &format!("&{extra}")));
    }
    let outgoing = mails::on_withdrawal(&origin, &tracked, &normalise_code(&pin, 8).unwrap_or_default());
    match store::withdraw(&state.db, tracked.id, "", &outgoing).await {
        Ok(_) => {
            app::mail::wake();
            redirect(&status_page(lang, &tracked.request.reference, &pin, "&hinweis=zurueckgezogen"))
        }
        Err(error) => {
            tracing::error!(%error, "withdrawal failed");
            axum::http::StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
