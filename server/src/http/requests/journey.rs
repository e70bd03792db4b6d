//! The journey's posts: start a draft, save a question page (with uploads), submit. Every post
//! answers with a redirect (303), so reloading never posts twice and everything works without
//! JavaScript.

use super::posted::{read, Posted};
use super::{client, mails, redirect, UPLOAD_ERROR_PARAM};
use crate::http::AppState;
use app::i18n::Lang;
use app::requests::answers::{Answers, LIVE_CHECKS_INPUT};
use app::requests::api::ssr::{first_incomplete, visible_pages};
use app::requests::form::FieldKind;
use app::requests::limits::Limit;
use app::requests::paths;
use app::requests::store::{self, SubmitOutcome, Submission};
use app::requests::validate::check_page;
use axum::extract::{Path, Request, State};
use axum::response::{IntoResponse, Response};

fn lang_of(request: &Request) -> Lang {
    Lang::from_path(request.uri().path())
}

fn internal(error: impl std::fmt::Display) -> Response {
    tracing::error!(%error, "request journey failed");
    axum::http::StatusCode::INTERNAL_SERVER_ERROR.into_response()
}

/// `POST /antrag/neu`: starts a draft of the service's live form and opens its first page.
pub async fn begin(State(state): State<AppState>, request: Request) -> Response {
    let lang = lang_of(&request);
    let address = client(&request);
    let posted = match read(request).await {
        Ok(posted) => posted,
        Err(unreadable) => return unreadable.into_response(),
    };
    let slug = posted.value("service").to_string();
    let Some(service) = state.catalogue.get().service(&slug).cloned() else {
        return redirect(app::i18n::localized("/leistungen", lang));
    };
    let start = paths::start(lang, &service.slug_de, &service.slug_en);
    if !posted.value("website").is_empty() {
        return redirect(&start);
    }
    if !state.request_limits.allow(Limit::Submissions, address) {
        return super::too_many(lang);
    }
    let form = match store::live_form_by_slug(&state.db, &service.slug_de).await {
        Ok(Some(form)) => form,
        Ok(None) => return redirect(&start),
        Err(error) => return internal(error),
    };
    let Some(first) = form.definition.pages.first().map(|page| page.id.clone()) else { return redirect(&start) };
    match store::start_draft(&state.db, form.id, lang, state.config.requests.keep_days).await {
        Ok(code) => redirect(&paths::question(lang, &code, &first)),
        Err(error) => internal(error),
    }
}

/// `POST /antrag/:code/frage/:page`: saves the page's answers, then uploads or removes a file,
/// or checks the page and goes on.
pub async fn save_page(State(state): State<AppState>, Path((code, page_id)): Path<(String, String)>, request: Request) -> Response {
    let lang = lang_of(&request);
    let posted = match read(request).await {
        Ok(posted) => posted,
        Err(unreadable) => return unreadable.into_response(),
    };
    let here = paths::question(lang, &code, &page_id);
    let draft = match store::load_draft(&state.db, &code).await {
        Ok(Some(draft)) if draft.submitted.is_none() => draft,
        Ok(_) => return redirect(&here),
        Err(error) => return internal(error),
    };
    let code = draft.code.clone();
    let here = paths::question(lang, &code, &page_id);
    let from_check = posted.value("_von") == "pruefen";
    let back_here = |anchor: &str| {
        let query = if from_check { "?von=pruefen" } else { "" };
        format!("{here}{query}{anchor}")
    };
    if !posted.value("website").is_empty() {
        return redirect(&here);
    }
    let Some((_, page)) = draft.form.definition.page(&page_id) else { return redirect(&here) };
    if posted.value("_version") != draft.form.id.to_string() {
        // A page of another form version (an old tab): show the current page, nothing saved.
        return redirect(&here);
    }
    let before = draft.answers.clone();
    let mut answers = draft.answers.clone();
    answers.replace_page(page, Answers::from_pairs(page, &posted.pairs));
    let keep_days = state.config.requests.keep_days;
    match store::save_answers(&state.db, &code, &answers, keep_days).await {
        Ok(true) => {}
        Ok(false) => return redirect(&here),
        Err(error) => return internal(error),
    }
    let action = posted.value("_aktion").to_string();
    // Files chosen on the page go up with any button, so "continue" does not lose them.
    for field in page.fields.iter().filter(|field| field.kind == FieldKind::File) {
        for upload in posted.files_of(&field.id) {
            match store::add_draft_file(&state.db, &code, field, &upload).await {
                Ok(Ok(_)) => {}
                Ok(Err(refusal)) => {
                    let message = format!("{}:{}", field.id, refusal.message(lang));
                    let query = url::form_urlencoded::Serializer::new(String::new()).append_pair(UPLOAD_ERROR_PARAM, &message).finish();
                    let from = if from_check { "&von=pruefen" } else { "" };
                    return redirect(&format!("{here}?{query}{from}#{}", field.id));
                }
                Err(error) => return internal(error),
            }
        }
    }
    if let Some(file_id) = action.strip_prefix("entfernen:") {
        if let Err(error) = store::remove_draft_file(&state.db, &code, file_id).await {
            return internal(error);
        }
        let field = draft.files.iter().find(|f| f.id == file_id).map(|f| format!("#{}", f.field)).unwrap_or_default();
        return redirect(&back_here(&field));
    }
    if let Some(field) = action.strip_prefix("hochladen:") {
        return redirect(&back_here(&format!("#{field}")));
    }
    // "Continue": check the page with the files it has now.
    let draft = match store::load_draft(&state.db, &code).await {
        Ok(Some(draft)) => draft,
        Ok(None) => return redirect(&here),
        Err(error) => return internal(error),
    };
    let files = |field: &str| draft.files.iter().filter(|f| f.field == field).count();
    let today = app::requests::date::Day::from_unix(app::db::now());
    // An answer that reveals a question on this page shows the page again with it, without
    // calling the new question an error, unless the resident saw it already: it was answered,
    // or the browser's live checks ran and revealed it the moment "Ja" was chosen.
    let live = posted.value(LIVE_CHECKS_INPUT) == "1";
    let revealed: Vec<&str> =
        page.fields
            .iter()
            .filter(|field| field.show_if.is_some() && answers.shows(field) && !before.shows(field) && !answers.is_answered(&field.id) && !live)
            .map(|field| field.id.as_str())
            .collect();
    if check_page(page, &answers, &files, today, lang).iter().any(|problem| !revealed.contains(&problem.field.as_str())) {
        let from = if from_check { "&von=pruefen" } else { "" };
        return redirect(&format!("{here}?fehler=1{from}"));
    }
    if !revealed.is_empty() {
        return redirect(&back_here(&format!("#{}", revealed[0])));
    }
    let pages: Vec<_> = visible_pages(&draft.form.definition, &answers).collect();
    let next = pages.iter().position(|p| p.id == page_id).and_then(|i| pages.get(i + 1));
    match next {
        Some(next) if !from_check => redirect(&paths::question(lang, &code, &next.id)),
        _ => redirect(&paths::check(lang, &code)),
    }
}

/// `POST /antrag/:code/absenden`: submits the draft once everything is answered and the
/// declaration is ticked.
pub async fn submit(State(state): State<AppState>, Path(code): Path<String>, request: Request) -> Response {
    let lang = lang_of(&request);
    let address = client(&request);
    let origin = crate::http::seo::public_origin(&state.config, request.headers());
    let posted: Posted = match read(request).await {
        Ok(posted) => posted,
        Err(unreadable) => return unreadable.into_response(),
    };
    let draft = match store::load_draft(&state.db, &code).await {
        Ok(Some(draft)) => draft,
        Ok(None) => return redirect(&paths::resume_link(lang, &code)),
        Err(error) => return internal(error),
    };
    let code = draft.code.clone();
    if draft.submitted.is_some() {
        return redirect(&paths::confirmation(lang, &code));
    }
    if posted.value("erklaerung") != "ja" {
        return redirect(&format!("{}?erklaerung=fehlt#erklaerung", paths::check(lang, &code)));
    }
    if first_incomplete(&draft, lang).is_some() {
        return redirect(&paths::check(lang, &code));
    }
    if !state.request_limits.allow(Limit::Submissions, address) {
        return super::too_many(lang);
    }
    let Some(service) = state.catalogue.get().service(&draft.form.service_slug).cloned() else {
        return redirect(&paths::check(lang, &code));
    };
    let answers = draft.answers.without_hidden(&draft.form.definition);
    let office_slug = service.content.offices.first().cloned().unwrap_or_default();
    let title = app::requests::views::local(&service.content.title, draft.lang);
    let compose = mails::on_submission(&state, &origin, &draft, &service);
    let submission = Submission {
        code: &code,
        submit_key: posted.value("schluessel"),
        service_title: &title,
        office_slug: &office_slug,
        processing_days: service.content.processing_time.days,
        answers: &answers,
        mails: &compose,
    };
    match store::submit(&state.db, &submission).await {
        Ok(SubmitOutcome::Submitted(_) | SubmitOutcome::AlreadySubmitted { .. }) => {
            app::mail::wake();
            redirect(&paths::confirmation(lang, &code))
        }
        Ok(SubmitOutcome::WrongKey) => redirect(&paths::check(lang, &code)),
        Ok(SubmitOutcome::NoDraft) => redirect(&paths::resume_link(lang, &code)),
        Err(error) => internal(error),
    }
}
