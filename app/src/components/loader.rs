//! Rendering a page from data a server function returns: the page, the 404 page when the data
//! does not exist, or an error page. Catalogue routes use `SsrMode::Async`, so the status code
//! is set before the response starts.

use crate::components::{set_status, Layout};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::pages::NotFoundPage;
use leptos::prelude::*;
use leptos_i18n::td_string;
use leptos_meta::Title;
use serde::{de::DeserializeOwned, Serialize};
use std::future::Future;

/// Awaits `data` and renders it with `render`.
pub fn load_page<T, V>(
    lang: Lang,
    data: impl Future<Output = Result<Option<T>, AppError>> + Send + 'static,
    render: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
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
                        Ok(None) => view! { <NotFoundPage lang/> }.into_any(),
                        Err(error) => view! { <ServerErrorPage lang error/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// "Technical error" inside the site frame, with the request id, status 500.
#[component]
pub fn ServerErrorPage(lang: Lang, error: AppError) -> impl IntoView {
    set_status(500);
    let reference = match error {
        AppError::Internal(id) => id,
        _ => "-".into(),
    };
    let title = td_string!(lang.locale(), server_error.title);
    view! {
        <Title text=td_string!(lang.locale(), site.page_title, title)/>
        <Layout lang>
            <div class="kern-stack prose">
                <h1 class="kern-heading-x-large">{title}</h1>
                <p class="kern-body">{td_string!(lang.locale(), server_error.body)}</p>
                <p class="kern-body">{td_string!(lang.locale(), server_error.reference)}<code>{reference}</code></p>
            </div>
        </Layout>
    }
}
