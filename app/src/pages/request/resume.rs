//! "Continue a started request": the resume code (typed, or from the resume link).

use super::{page_title, query};
use crate::components::Layout;
use crate::i18n::Lang;
use crate::requests::api::resume_request;
use crate::requests::paths;
use leptos::prelude::*;
use leptos_meta::Title;

/// `/antrag/fortsetzen` and `/en/request/resume`; with `?code=` it sends the resident on to
/// where they stopped.
#[component]
pub fn ResumePage(lang: Lang) -> impl IntoView {
    let code = query("code");
    let asked = !code.trim().is_empty();
    let target = OnceResource::new_blocking(resume_request(lang, code.clone()));
    let title = lang.pick("Antrag fortsetzen", "Continue a request");
    view! {
        <Title text=page_title(lang, title)/>
        <Layout lang>
            <Suspense>
                {move || {
                    let code = code.clone();
                    Suspend::new(async move {
                        let found = target.await.ok().flatten().is_some();
                        let error = (asked && !found).then(|| lang.pick(
                            "Zu diesem Code gibt es keinen begonnenen Antrag. Prüfen Sie den Code; nach längerer Zeit ohne Änderung werden begonnene Anträge gelöscht.",
                            "There is no started request with this code. Check the code; started requests are deleted after some time without changes.",
                        ));
                        view! {
                            <div class="request-journey kern-stack prose">
                                {error.map(|message| view! {
                                    <div class="kern-alert kern-alert--danger" role="alert" aria-labelledby="fehler-titel">
                                        <div class="kern-alert__header"><h2 id="fehler-titel" class="kern-title">{lang.pick("Nicht gefunden", "Not found")}</h2></div>
                                        <div class="kern-alert__body"><p class="kern-body"><a class="kern-link" href="#code">{message}</a></p></div>
                                    </div>
                                })}
                                <h1 class="kern-heading-x-large">{title}</h1>
                                <form method="get" action=paths::resume(lang) class="kern-stack">
                                    <div class=if error.is_some() { "kern-form-input kern-form-input--error" } else { "kern-form-input" }>
                                        <label class="kern-label" for="code">{lang.pick("Code zum Fortsetzen", "Code to continue")}</label>
                                        <div class="kern-hint" id="code-hint">{lang.pick("16 Zeichen, zum Beispiel ABCD-EFGH-JKLM-NPQR.", "16 characters, for example ABCD-EFGH-JKLM-NPQR.")}</div>
                                        <input class="kern-form-input__input" id="code" name="code" type="text" value=code autocomplete="off" spellcheck="false"
                                            aria-describedby="code-hint" aria-invalid=error.is_some().then_some("true")/>
                                    </div>
                                    <div><button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">{lang.pick("Fortsetzen", "Continue")}</span></button></div>
                                </form>
                            </div>
                        }
                    })
                }}
            </Suspense>
        </Layout>
    }
}
