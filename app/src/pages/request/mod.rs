//! The resident's request journey (GOV.UK pattern): start page, question pages, check your
//! answers, confirmation; resuming a draft and tracking a submitted request. Every page is a
//! plain HTML form posting to the server's request routes, so all of it works without
//! JavaScript.

mod check;
mod confirmation;
mod fields;
mod live_checks;
mod question;
mod resume;
mod start;
mod status;

pub(crate) use fields::{FieldContext, FormField};
pub use check::CheckPage;
pub use confirmation::ConfirmationPage;
pub use question::QuestionPage;
pub use resume::ResumePage;
pub use start::RequestStartPage;
pub use status::StatusPage;

use crate::i18n::Lang;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// A path parameter of the current route.
fn param(name: &'static str) -> String {
    use_params_map().read_untracked().get(name).unwrap_or_default()
}

/// A query parameter of the current address.
fn query(name: &'static str) -> String {
    use_query_map().read_untracked().get(name).unwrap_or_default()
}

/// The GOV.UK error summary: a heading and links to each field in error.
#[component]
fn ErrorSummary(lang: Lang, problems: Vec<(String, String)>) -> impl IntoView {
    (!problems.is_empty()).then(|| {
        let items = problems.into_iter().map(|(message, href)| view! { <li><a class="kern-link" href=href>{message}</a></li> }).collect_view();
        view! {
            <div class="kern-alert kern-alert--danger error-summary" role="alert" aria-labelledby="fehler-titel" tabindex="-1">
                <div class="kern-alert__header"><h2 id="fehler-titel" class="kern-title">{lang.pick("Bitte prüfen Sie Ihre Angaben", "There is a problem")}</h2></div>
                <div class="kern-alert__body"><ul class="kern-list">{items}</ul></div>
            </div>
        }
    })
}

/// "This request was not found": an unknown or expired resume code, or a request already sent.
#[component]
fn DraftMissing(lang: Lang) -> impl IntoView {
    crate::components::set_status(404);
    let title = lang.pick("Antrag nicht gefunden", "Request not found");
    view! {
        <leptos_meta::Title text=page_title(lang, title)/>
        <crate::components::Layout lang>
            <div class="kern-stack prose">
                <h1 class="kern-heading-x-large">{title}</h1>
                <p class="kern-body">{lang.pick(
                    "Diesen Antrag gibt es nicht (mehr). Begonnene Anträge werden nach einiger Zeit ohne Änderung gelöscht; abgeschickte Anträge finden Sie mit Vorgangsnummer und PIN.",
                    "This request does not exist (any more). Started requests are deleted after some time without changes; sent requests can be found with their reference number and PIN.",
                )}</p>
                <ul class="kern-list">
                    <li><a class="kern-link" href=crate::requests::paths::resume(lang)>{lang.pick("Begonnenen Antrag fortsetzen", "Continue a started request")}</a></li>
                    <li><a class="kern-link" href=crate::requests::paths::status(lang)>{lang.pick("Stand eines Antrags abfragen", "Check the status of a request")}</a></li>
                    <li><a class="kern-link" href=crate::i18n::localized("/leistungen", lang)>{lang.pick("Alle Leistungen", "All services")}</a></li>
                </ul>
            </div>
        </crate::components::Layout>
    }
}

/// Loads a journey page: the view when `data` finds something, [`DraftMissing`] otherwise.
fn journey_page<T, V>(
    lang: Lang,
    data: impl std::future::Future<Output = Result<Option<T>, crate::error::AppError>> + Send + 'static,
    render: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    V: IntoView + 'static,
{
    let data = OnceResource::new_blocking(data);
    view! {
        <Suspense>
            {move || {
                let render = render.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(Some(value)) => render(value).into_any(),
                        Ok(None) => view! { <DraftMissing lang/> }.into_any(),
                        Err(error) => view! { <crate::components::ServerErrorPage lang error/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// The page title with the city's name.
fn page_title(lang: Lang, title: &str) -> String {
    leptos_i18n::td_string!(lang.locale(), site.page_title, title = title)
}
