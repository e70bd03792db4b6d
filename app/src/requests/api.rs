//! The server functions behind the journey's pages. Changes arrive as plain form posts at the
//! server's request routes (they take files); these functions only read.

use super::views::{CheckView, ConfirmationView, QuestionView, StartView, TrackingView};
use crate::error::AppError;
use crate::i18n::Lang;
use leptos::prelude::*;

/// The start page of the service with German or English slug `slug`; `None` when it has no
/// online form.
#[server(endpoint = "request/start")]
pub async fn get_request_start(lang: Lang, slug: String) -> Result<Option<StartView>, AppError> {
    ssr::start(lang, &slug).await.map_err(AppError::internal)
}

/// A question page of the draft with resume code `code`. `problems` shows what is wrong with
/// the stored answers (after a "continue" that failed); `upload` names a refused upload as
/// `field:reason`.
#[server(endpoint = "request/question")]
pub async fn get_request_question(
    lang: Lang,
    code: String,
    page: String,
    problems: bool,
    from_check: bool,
) -> Result<Option<QuestionView>, AppError> {
    ssr::question(lang, &code, &page, problems, from_check).await.map_err(AppError::internal)
}

/// "Check your answers" of a draft; issues the key its submit button posts.
#[server(endpoint = "request/check")]
pub async fn get_request_check(lang: Lang, code: String, declaration_missing: bool) -> Result<Option<CheckView>, AppError> {
    ssr::check(lang, &code, declaration_missing).await.map_err(AppError::internal)
}

/// The confirmation of a submitted draft.
#[server(endpoint = "request/confirmation")]
pub async fn get_request_confirmation(lang: Lang, code: String) -> Result<Option<ConfirmationView>, AppError> {
    ssr::confirmation(lang, &code).await.map_err(AppError::internal)
}

/// The tracking page for a reference number and PIN (both empty: the form).
#[server(endpoint = "request/status")]
pub async fn get_request_status(reference: String, pin: String) -> Result<TrackingView, AppError> {
    ssr::tracking(&reference, &pin).await.map_err(AppError::internal)
}

/// Where the draft with resume code `code` continues (and a redirect there); `None` when
/// there is no such draft.
#[server(endpoint = "request/resume")]
pub async fn resume_request(lang: Lang, code: String) -> Result<Option<String>, AppError> {
    if code.trim().is_empty() {
        return Ok(None);
    }
    let target = ssr::resume(lang, &code).await.map_err(AppError::internal)?;
    if let Some(target) = &target {
        leptos_axum::redirect(target);
    }
    Ok(target)
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::super::answers::Answers;
    use super::super::date::Day;
    use super::super::form::{Field, FieldKind, FormDefinition};
    use super::super::paths;
    use super::super::reference::{normalise_code, normalise_reference};
    use super::super::settings::RequestSettings;
    use super::super::status::FileInfo;
    use super::super::store::{self, Draft, RequestError};
    use super::super::validate::check_page;
    use super::super::views::*;
    use crate::catalogue::api::ssr::snapshot;
    use crate::catalogue::PublishedService;
    use crate::db::{now, Db};
    use crate::i18n::Lang;
    use leptos::prelude::*;

    fn db() -> Result<Db, RequestError> {
        use_context::<Db>().ok_or_else(|| RequestError::Corrupt("no database in context".into()))
    }

    fn settings() -> RequestSettings {
        use_context::<RequestSettings>().unwrap_or_default()
    }

    fn today() -> Day {
        Day::from_unix(now())
    }

    /// The published service of a form, by its German slug.
    pub fn service_of(slug: &str) -> Option<PublishedService> {
        snapshot().ok()?.service(slug).cloned()
    }

    /// The name of the service's first responsible office.
    pub fn office_name(service: &PublishedService, lang: Lang) -> (String, String) {
        let Some(slug) = service.content.offices.first() else { return (String::new(), String::new()) };
        let name = snapshot().ok().and_then(|s| s.office(slug).map(|office| local(&office.name, lang))).unwrap_or_default();
        (slug.to_string(), name)
    }

    pub(super) async fn start(lang: Lang, slug: &str) -> Result<Option<StartView>, RequestError> {
        let Some(service) = service_of(slug) else { return Ok(None) };
        let Some(form) = store::live_form_by_slug(&db()?, &service.slug_de).await? else { return Ok(None) };
        let content = &service.content;
        Ok(Some(StartView {
            slug: service.slug_de.clone(),
            title: local(&content.title, lang),
            teaser: local(&content.teaser, lang),
            service_href: crate::catalogue::paths::PageKind::Service.href(lang, &service.slug_de, &service.slug_en),
            alternate_href: paths::start(lang.other(), &service.slug_de, &service.slug_en),
            documents: content.documents.iter().map(|d| local(d, lang)).collect(),
            processing_days: content.processing_time.days,
            office: office_name(&service, lang).1,
            page_count: form.definition.pages.len(),
            keep_days: settings().keep_days,
        }))
    }

    /// The pages a resident goes through, given the answers (pages whose fields are all hidden
    /// are skipped).
    pub fn visible_pages<'a>(form: &'a FormDefinition, answers: &'a Answers) -> impl Iterator<Item = &'a super::super::form::FormPage> {
        form.pages.iter().filter(move |page| page.fields.iter().any(|field| answers.shows(field)))
    }

    /// The first page (in order) whose shown fields have problems, with the problem count.
    pub fn first_incomplete(draft: &Draft, lang: Lang) -> Option<(String, usize)> {
        let files = |field: &str| draft.files.iter().filter(|f| f.field == field).count();
        visible_pages(&draft.form.definition, &draft.answers).find_map(|page| {
            let problems = check_page(page, &draft.answers, &files, today(), lang);
            (!problems.is_empty()).then(|| (page.id.clone(), problems.len()))
        })
    }

    pub(super) async fn question(lang: Lang, code: &str, page_id: &str, problems: bool, from_check: bool) -> Result<Option<QuestionView>, RequestError> {
        let Some(draft) = store::load_draft(&db()?, code).await? else { return Ok(None) };
        if draft.submitted.is_some() {
            return Ok(None);
        }
        let form = &draft.form.definition;
        let pages: Vec<_> = visible_pages(form, &draft.answers).collect();
        let Some(index) = pages.iter().position(|page| page.id == page_id) else { return Ok(None) };
        let page = pages[index].clone();
        let service = service_of(&draft.form.service_slug);
        let back_href = if from_check {
            paths::check(lang, &draft.code)
        } else if index == 0 {
            service.as_ref().map(|s| paths::start(lang, &s.slug_de, &s.slug_en)).unwrap_or_else(|| "/".into())
        } else {
            paths::question(lang, &draft.code, &pages[index - 1].id)
        };
        let files: Vec<FileInfo> = draft.files.iter().filter(|file| page.fields.iter().any(|field| field.id == file.field)).cloned().collect();
        let problems = if problems {
            let count = |field: &str| draft.files.iter().filter(|f| f.field == field).count();
            check_page(&page, &draft.answers, &count, today(), lang)
        } else {
            Vec::new()
        };
        Ok(Some(QuestionView {
            service_title: service.map(|s| local(&s.content.title, lang)).unwrap_or_default(),
            code: draft.code.clone(),
            form_version: draft.form.id,
            number: index + 1,
            count: pages.len(),
            page,
            answers: draft.answers.clone(),
            files,
            problems,
            back_href,
            from_check,
            today: today(),
            expires: Day::from_unix(draft.expires_at),
        }))
    }

    /// An answer as lines of text for the check page and mails.
    pub fn display_answer(field: &Field, answers: &Answers, files: &[FileInfo], lang: Lang) -> Vec<String> {
        let values = answers.values(&field.id);
        match field.kind {
            FieldKind::File => files.iter().filter(|file| file.field == field.id).map(|file| file.name.clone()).collect(),
            FieldKind::YesNo => values.iter().map(|value| yes_no(value, lang).to_string()).collect(),
            FieldKind::SingleChoice | FieldKind::MultipleChoice => values
                .iter()
                .map(|value| field.options.iter().find(|o| o.value == *value).map(|o| local(&o.label, lang)).unwrap_or_else(|| value.clone()))
                .collect(),
            FieldKind::Date => values.iter().map(|value| Day::parse(value).map(|d| lang.pick(d.german(), d.iso())).unwrap_or_else(|| value.clone())).collect(),
            FieldKind::Address if values.len() == 3 => vec![values[0].clone(), format!("{} {}", values[1], values[2])],
            FieldKind::LongText => values.iter().flat_map(|value| value.lines().map(str::to_string).collect::<Vec<_>>()).collect(),
            _ => values.to_vec(),
        }
    }

    pub(super) async fn check(lang: Lang, code: &str, declaration_missing: bool) -> Result<Option<CheckView>, RequestError> {
        let db = db()?;
        let Some(draft) = store::load_draft(&db, code).await? else { return Ok(None) };
        if draft.submitted.is_some() {
            return Ok(None);
        }
        let Some(submit_key) = store::issue_submit_key(&db, &draft.code).await? else { return Ok(None) };
        let form = &draft.form.definition;
        let pages: Vec<_> = visible_pages(form, &draft.answers).collect();
        let sections = pages
            .iter()
            .map(|page| CheckSection {
                title: local(&page.title, lang),
                rows: page
                    .fields
                    .iter()
                    .filter(|field| draft.answers.shows(field))
                    .map(|field| CheckRow {
                        label: local(&field.label, lang),
                        answer: display_answer(field, &draft.answers, &draft.files, lang),
                        change_href: format!("{}?von=pruefen#{}", paths::question(lang, &draft.code, &page.id), field.id),
                        field: field.id.clone(),
                    })
                    .collect(),
            })
            .collect();
        let files = |field: &str| draft.files.iter().filter(|f| f.field == field).count();
        let missing = pages
            .iter()
            .flat_map(|page| {
                check_page(page, &draft.answers, &files, today(), lang)
                    .into_iter()
                    .map(|problem| (problem.message, format!("{}?fehler=1#{}", paths::question(lang, &draft.code, &page.id), problem.field)))
            })
            .collect();
        let service = service_of(&draft.form.service_slug);
        Ok(Some(CheckView {
            service_title: service.map(|s| local(&s.content.title, lang)).unwrap_or_default(),
            code: draft.code.clone(),
            sections,
            missing,
            submit_key,
            back_href: pages.last().map(|page| paths::question(lang, &draft.code, &page.id)).unwrap_or_else(|| "/".into()),
            declaration_missing,
        }))
    }

    pub(super) async fn confirmation(lang: Lang, code: &str) -> Result<Option<ConfirmationView>, RequestError> {
        let db = db()?;
        let Some(draft) = store::load_draft(&db, code).await? else { return Ok(None) };
        let Some((reference, pin)) = draft.submitted.clone() else { return Ok(None) };
        let Some(tracked) = store::track(&db, &reference, &pin).await? else { return Ok(None) };
        let service = service_of(&draft.form.service_slug);
        Ok(Some(ConfirmationView {
            service_title: tracked.request.service_title.clone(),
            status_href: paths::status_link(lang, &reference, &pin),
            reference,
            pin,
            expected: tracked.request.expected,
            office: service.map(|s| office_name(&s, lang).1).unwrap_or_default(),
            mailed: !tracked.email.is_empty(),
        }))
    }

    pub(super) async fn resume(lang: Lang, code: &str) -> Result<Option<String>, RequestError> {
        let Some(draft) = store::load_draft(&db()?, code).await? else { return Ok(None) };
        Ok(Some(if draft.submitted.is_some() {
            paths::confirmation(lang, &draft.code)
        } else if let Some((page, _)) = first_incomplete(&draft, lang).filter(|_| !draft.answers.0.is_empty() || !draft.files.is_empty()) {
            paths::question(lang, &draft.code, &page)
        } else if draft.answers.0.is_empty() && draft.files.is_empty() {
            visible_pages(&draft.form.definition, &draft.answers).next().map(|page| paths::question(lang, &draft.code, &page.id)).unwrap_or_default()
        } else {
            paths::check(lang, &draft.code)
        }))
    }

    pub(super) async fn tracking(reference: &str, pin: &str) -> Result<TrackingView, RequestError> {
        if reference.trim().is_empty() && pin.trim().is_empty() {
            return Ok(TrackingView::Form);
        }
        if !super::super::limits::allow_tracking() {
            return Ok(TrackingView::TooMany);
        }
        let (Some(reference), Some(pin)) = (normalise_reference(reference), normalise_code(pin, 8)) else {
            return Ok(TrackingView::NoMatch);
        };
        Ok(match store::track(&db()?, &reference, &pin).await? {
            Some(tracked) => TrackingView::Found { request: tracked.request, pin },
            None => TrackingView::NoMatch,
        })
    }
}
