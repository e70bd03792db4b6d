//! The staff area's page frame, its loader, and the form pieces every staff form uses.

use crate::auth::Role;
use crate::components::{set_status, textarea_content};
use crate::error::AppError;
use crate::staff::sign_in::SignOut;
use crate::staff::{StaffContext, StaffPage};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::{Html, Meta, Title};
use leptos_router::hooks::use_location;
use serde::{de::DeserializeOwned, Serialize};
use std::future::Future;

/// The sections of the staff area, with the roles that see them.
const SECTIONS: &[(&str, &str, &[Role])] = &[
    ("/verwaltung", "Übersicht", &[]),
    ("/verwaltung/dashboard", "Lagebild", crate::dashboard::DASHBOARD_ROLES),
    ("/verwaltung/antraege", "Anträge", &[Role::Caseworker, Role::Administrator]),
    ("/verwaltung/leistungen", "Leistungen", &[Role::Editor, Role::Publisher, Role::Administrator]),
    ("/verwaltung/formulare", "Antragsformulare", &[Role::Editor, Role::Publisher, Role::Administrator]),
    ("/verwaltung/themen", "Themen und Lebenslagen", &[Role::Publisher, Role::Administrator]),
    ("/verwaltung/dienststellen", "Dienststellen", &[Role::Publisher, Role::Administrator]),
    ("/verwaltung/synonyme", "Synonyme", &[Role::Publisher, Role::Administrator]),
    ("/verwaltung/rueckmeldungen", "Rückmeldungen", &[Role::Editor, Role::Publisher, Role::Administrator]),
    ("/verwaltung/suchstatistik", "Suchstatistik", &[Role::Editor, Role::Publisher, Role::Administrator]),
    ("/verwaltung/konten", "Konten", &[Role::Administrator]),
    ("/verwaltung/katalog", "Export und Import", &[Role::Administrator]),
    ("/verwaltung/protokoll", "Protokoll", &[Role::Administrator]),
];

/// The sections `context` may open, as (path, name).
pub fn sections(context: &StaffContext) -> Vec<(&'static str, &'static str)> {
    SECTIONS.iter().filter(|(_, _, roles)| roles.is_empty() || context.has_any(roles)).map(|(p, n, _)| (*p, *n)).collect()
}

/// The frame of every staff page: skip link, header with the sections and sign-out (when
/// signed in), the heading, the one-time notice, then the page.
#[component]
pub fn StaffFrame(#[prop(into)] title: String, #[prop(optional)] context: Option<StaffContext>, children: Children) -> impl IntoView {
    let path = use_location().pathname.get_untracked();
    let nav = context.clone().map(|context| {
        let links = sections(&context)
            .into_iter()
            .map(|(href, name)| {
                let current = path == href || (href != "/verwaltung" && path.starts_with(&format!("{href}/")));
                view! { <li><a class="kern-link" href=href aria-current=current.then_some("page")>{name}</a></li> }
            })
            .collect_view();
        view! {
            <nav class="staff-nav" aria-label="Verwaltung">
                <ul>{links}</ul>
            </nav>
            <div class="staff-user">
                <a class="kern-link" href="/verwaltung/konto">{context.name.clone()}</a>
                <form method="post" action=SignOut::url()>
                    <input type="hidden" name="csrf" value=context.csrf.clone()/>
                    <button class="kern-btn kern-btn--secondary kern-btn--small" type="submit"><span class="kern-label">"Abmelden"</span></button>
                </form>
            </div>
        }
    });
    let notice = context.as_ref().and_then(|c| c.notice.clone()).map(|notice| {
        let class = if notice.success { "kern-alert kern-alert--success" } else { "kern-alert kern-alert--danger" };
        view! {
            <div class=class role=if notice.success { "status" } else { "alert" }>
                <div class="kern-alert__body"><p class="kern-body">{notice.text}</p></div>
            </div>
        }
    });
    view! {
        <Html attr:lang="de"/>
        <Title text=format!("{title} – Verwaltung – Rathaus Wolfsburg")/>
        <Meta name="robots" content="noindex, nofollow"/>
        <a class="skip-link kern-link" href="#inhalt">"Zum Inhalt springen"</a>
        <header class="site-header staff-header">
            <div class="kern-container site-header__bar">
                <a class="site-header__brand" href="/verwaltung">
                    <span>
                        <span class="site-header__name">"Rathaus Wolfsburg"</span>
                        <span class="site-header__tagline">"Verwaltung"</span>
                    </span>
                </a>
                {nav}
            </div>
        </header>
        <main id="inhalt" tabindex="-1">
            <div class="kern-container kern-stack staff-main">
                <h1 class="kern-heading-x-large">{title}</h1>
                {notice}
                {children()}
            </div>
        </main>
    }
}

/// Awaits a staff page's data and renders it; without a session the server has set a redirect
/// to the sign-in page, and a missing role shows "no access" with status 403.
pub fn staff_page<T, V>(
    data: impl Future<Output = Result<StaffPage<T>, AppError>> + Send + 'static,
    render: impl Fn(StaffContext, T) -> V + Clone + Send + Sync + 'static,
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
                        Ok(page) => render(page.context, page.data).into_any(),
                        Err(error) => view! { <StaffProblem error/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// The page instead of the content when a staff page cannot be shown.
#[component]
pub fn StaffProblem(error: AppError) -> impl IntoView {
    let (title, text) = match &error {
        AppError::SignInRequired => ("Anmeldung erforderlich", "Bitte melden Sie sich an, um diese Seite zu sehen.".to_string()),
        AppError::Forbidden => ("Kein Zugriff", "Ihre Rollen erlauben diese Seite nicht. Wenden Sie sich an die Administration, wenn Sie sie brauchen.".to_string()),
        AppError::NotFound => {
            set_status(404);
            ("Nicht gefunden", "Diesen Eintrag gibt es nicht (mehr).".to_string())
        }
        AppError::Invalid(message) => {
            set_status(400);
            ("Ungültige Eingabe", message.clone())
        }
        AppError::Internal(id) => {
            set_status(500);
            ("Technischer Fehler", format!("Bitte versuchen Sie es später erneut. Fehlernummer: {id}"))
        }
        AppError::Transport(_) => {
            set_status(400);
            ("Technischer Fehler", "Die Anfrage konnte nicht gelesen werden.".to_string())
        }
    };
    view! {
        <StaffFrame title=title>
            <p class="kern-body">{text}</p>
            <p class="kern-body"><a class="kern-link" href="/verwaltung">"Zur Übersicht der Verwaltung"</a></p>
        </StaffFrame>
    }
}

/// The hidden CSRF field of every state-changing form.
#[component]
pub fn CsrfField(#[prop(into)] token: String) -> impl IntoView {
    view! { <input type="hidden" name="csrf" value=token/> }
}

/// A labelled text input with hint and error, KERN style.
#[component]
pub fn TextField(
    #[prop(into)] id: String,
    #[prop(into)] name: String,
    #[prop(into)] label: String,
    #[prop(into, optional)] value: String,
    #[prop(into, optional)] hint: Option<String>,
    #[prop(optional_no_strip)] error: Option<String>,
    #[prop(into, optional)] kind: Option<String>,
    #[prop(into, optional)] autocomplete: Option<String>,
    #[prop(into, optional)] lang: Option<String>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let described = described_by(&id, hint.is_some(), error.is_some());
    let input_class = if error.is_some() { "kern-form-input__input kern-form-input__input--error" } else { "kern-form-input__input" };
    view! {
        <div class=if error.is_some() { "kern-form-input kern-form-input--error" } else { "kern-form-input" }>
            <label class="kern-label" for=id.clone()>{label}{(!required).then_some(" (optional)")}</label>
            {hint.map(|hint| view! { <div class="kern-hint" id=format!("{id}-hint")>{hint}</div> })}
            {error.clone().map(|e| view! { <p class="kern-error" id=format!("{id}-error")>{e}</p> })}
            <input class=input_class id=id.clone() name=name type=kind.unwrap_or_else(|| "text".into()) value=value
                autocomplete=autocomplete lang=lang required=required
                aria-describedby=described aria-invalid=error.is_some().then_some("true")/>
        </div>
    }
    // Erased, so forms with many fields keep small types (and test binaries small debug info).
    .into_any()
}

/// A labelled textarea with hint and error.
#[component]
pub fn TextArea(
    #[prop(into)] id: String,
    #[prop(into)] name: String,
    #[prop(into)] label: String,
    #[prop(into, optional)] value: String,
    #[prop(into, optional)] hint: Option<String>,
    #[prop(optional_no_strip)] error: Option<String>,
    #[prop(into, optional)] lang: Option<String>,
    #[prop(optional)] rows: Option<u32>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let described = described_by(&id, hint.is_some(), error.is_some());
    let input_class = if error.is_some() { "kern-form-input__input kern-form-input__input--error" } else { "kern-form-input__input" };
    view! {
        <div class=if error.is_some() { "kern-form-input kern-form-input--error" } else { "kern-form-input" }>
            <label class="kern-label" for=id.clone()>{label}{(!required).then_some(" (optional)")}</label>
            {hint.map(|hint| view! { <div class="kern-hint" id=format!("{id}-hint")>{hint}</div> })}
            {error.clone().map(|e| view! { <p class="kern-error" id=format!("{id}-error")>{e}</p> })}
            <textarea class=input_class id=id name=name rows=rows.unwrap_or(4).to_string() lang=lang required=required
                aria-describedby=described aria-invalid=error.is_some().then_some("true")>{textarea_content(&value)}</textarea>
        </div>
    }
    .into_any()
}

fn described_by(id: &str, hint: bool, error: bool) -> Option<String> {
    let ids: Vec<String> = [hint.then(|| format!("{id}-hint")), error.then(|| format!("{id}-error"))].into_iter().flatten().collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// The GOV.UK error summary: what is wrong, each linking to its field.
#[component]
pub fn ErrorSummary(errors: Vec<(String, String)>) -> impl IntoView {
    (!errors.is_empty()).then(|| {
        view! {
            <div class="kern-alert kern-alert--danger" role="alert" aria-labelledby="fehler-titel" tabindex="-1">
                <div class="kern-alert__header"><h2 id="fehler-titel" class="kern-title">"Bitte korrigieren Sie Folgendes"</h2></div>
                <div class="kern-alert__body">
                    <ul class="kern-list">
                        {errors.into_iter().map(|(field, message)| view! { <li><a class="kern-link" href=format!("#{field}")>{message}</a></li> }).collect_view()}
                    </ul>
                </div>
            </div>
        }
    })
}

/// A date and time in Wolfsburg, e.g. "26.11.2026, 14:05".
pub fn date_time(unix: i64) -> String {
    crate::catalogue::hours::german_date_time(unix)
}
