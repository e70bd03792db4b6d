//! The sign-in pages: password, code, setting up the authenticator app, recovery codes.

use super::frame::{ErrorSummary, StaffFrame, StaffProblem, TextField};
use crate::staff::sign_in::{
    fresh_recovery_codes, get_code_form, get_second_factor_setup, get_sign_in_form, SetUpSecondFactor, SignIn, VerifySecondFactor,
};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

/// `/verwaltung/anmelden`: email and password.
#[component]
pub fn SignInPage() -> impl IntoView {
    let query = use_query_map().read_untracked();
    let next = query.get("weiter").unwrap_or_default();
    let signed_out = query.get("abgemeldet").is_some();
    let form = OnceResource::new_blocking(get_sign_in_form(next));
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match form.await {
                    Ok(Some(form)) => {
                        let errors: Vec<(String, String)> = form.error.iter().map(|e| ("email".to_string(), e.clone())).collect();
                        view! {
                            <StaffFrame title="Anmeldung">
                                {(signed_out && form.error.is_none()).then(|| view! {
                                    <div class="kern-alert kern-alert--success" role="status">
                                        <div class="kern-alert__body"><p class="kern-body">"Sie sind abgemeldet."</p></div>
                                    </div>
                                })}
                                <ErrorSummary errors/>
                                <p class="kern-body">"Für Mitarbeitende der Stadt Wolfsburg. Konten legt die Administration an."</p>
                                <form method="post" action=SignIn::url() class="kern-stack staff-form">
                                    <input type="hidden" name="next" value=form.next.clone()/>
                                    <TextField id="email" name="email" label="E-Mail-Adresse" kind="email" autocomplete="username" value=form.email.clone() required=true/>
                                    <TextField id="password" name="password" label="Passwort" kind="password" autocomplete="current-password" required=true/>
                                    <div><button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">"Anmelden"</span></button></div>
                                </form>
                            </StaffFrame>
                        }.into_any()
                    }
                    Ok(None) => view! { <StaffFrame title="Weiterleitung"><p class="kern-body"><a class="kern-link" href="/verwaltung">"Zur Verwaltung"</a></p></StaffFrame> }.into_any(),
                    Err(error) => view! { <StaffProblem error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// `/verwaltung/anmelden/code`: the code from the app, or a recovery code.
#[component]
pub fn SecondFactorPage() -> impl IntoView {
    let form = OnceResource::new_blocking(get_code_form());
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match form.await {
                    Ok(Some(form)) => {
                        let errors: Vec<(String, String)> = form.error.iter().map(|e| ("code".to_string(), e.clone())).collect();
                        view! {
                            <StaffFrame title="Bestätigungscode">
                                <ErrorSummary errors/>
                                <form method="post" action=VerifySecondFactor::url() class="kern-stack staff-form">
                                    <TextField id="code" name="code" label="Code aus Ihrer Authenticator-App" autocomplete="one-time-code" required=true
                                        hint="Sechs Ziffern. Haben Sie Ihr Telefon nicht zur Hand, geben Sie einen Ihrer Wiederherstellungscodes ein."
                                        error=form.error.clone()/>
                                    <div><button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">"Bestätigen"</span></button></div>
                                </form>
                                <p class="kern-body"><a class="kern-link" href="/verwaltung/anmelden">"Neu anmelden"</a></p>
                            </StaffFrame>
                        }.into_any()
                    }
                    Ok(None) => view! { <StaffFrame title="Weiterleitung"><p class="kern-body"><a class="kern-link" href="/verwaltung/anmelden">"Zur Anmeldung"</a></p></StaffFrame> }.into_any(),
                    Err(error) => view! { <StaffProblem error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// `/verwaltung/anmelden/einrichten`: setting up the authenticator app.
#[component]
pub fn SecondFactorSetupPage() -> impl IntoView {
    let form = OnceResource::new_blocking(get_second_factor_setup());
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match form.await {
                    Ok(Some(setup)) => {
                        let errors: Vec<(String, String)> = setup.error.iter().map(|e| ("code".to_string(), e.clone())).collect();
                        view! {
                            <StaffFrame title="Zweiten Faktor einrichten">
                                <ErrorSummary errors/>
                                <p class="kern-body">{if setup.signed_in {
                                    "Mit einem zweiten Faktor schützt ein Code aus Ihrem Telefon Ihr Konto, auch wenn jemand Ihr Passwort kennt."
                                } else {
                                    "Ihre Rolle verlangt einen zweiten Faktor. Richten Sie ihn jetzt einmalig ein."
                                }}</p>
                                <ol class="kern-list kern-list--numbered staff-steps">
                                    <li>"Öffnen Sie eine Authenticator-App auf Ihrem Telefon (zum Beispiel FreeOTP, Aegis, Google oder Microsoft Authenticator)."</li>
                                    <li>
                                        "Scannen Sie den QR-Code oder geben Sie den Schlüssel von Hand ein."
                                        <div class="qr-code" role="img" aria-label="QR-Code mit dem Schlüssel für die Authenticator-App" inner_html=setup.qr_svg.clone()></div>
                                        <p class="kern-body">"Schlüssel: "<code class="totp-secret" id="totp-secret">{setup.secret.clone()}</code></p>
                                    </li>
                                    <li>"Geben Sie den sechsstelligen Code ein, den die App jetzt zeigt."</li>
                                </ol>
                                <form method="post" action=SetUpSecondFactor::url() class="kern-stack staff-form">
                                    <input type="hidden" name="csrf" value=setup.csrf.clone()/>
                                    <TextField id="code" name="code" label="Code aus der App" autocomplete="one-time-code" required=true error=setup.error.clone()/>
                                    <div><button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">"Einrichten"</span></button></div>
                                </form>
                            </StaffFrame>
                        }.into_any()
                    }
                    Ok(None) => view! { <StaffFrame title="Weiterleitung"><p class="kern-body"><a class="kern-link" href="/verwaltung/anmelden">"Zur Anmeldung"</a></p></StaffFrame> }.into_any(),
                    Err(error) => view! { <StaffProblem error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// `/verwaltung/anmelden/wiederherstellungscodes`: the fresh recovery codes, shown once.
#[component]
pub fn RecoveryCodesPage() -> impl IntoView {
    let codes = OnceResource::new_blocking(fresh_recovery_codes());
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match codes.await {
                    Ok(codes) => view! {
                        <StaffFrame title="Wiederherstellungscodes">
                            {if codes.is_empty() {
                                view! { <p class="kern-body">"Die Codes wurden bereits angezeigt. Neue Codes erhalten Sie, wenn Sie den zweiten Faktor neu einrichten."</p> }.into_any()
                            } else {
                                view! {
                                    <p class="kern-body">"Der zweite Faktor ist eingerichtet. Schreiben Sie diese Codes jetzt auf und bewahren Sie sie sicher auf: Jeder Code ersetzt einmal den Code aus der App, wenn Sie Ihr Telefon verlieren. Sie werden nur dieses eine Mal angezeigt."</p>
                                    <ul class="recovery-codes" aria-label="Wiederherstellungscodes">
                                        {codes.into_iter().map(|code| view! { <li><code>{code}</code></li> }).collect_view()}
                                    </ul>
                                }.into_any()
                            }}
                            <p class="kern-body"><a class="kern-btn kern-btn--primary" href="/verwaltung"><span class="kern-label">"Weiter zur Verwaltung"</span></a></p>
                        </StaffFrame>
                    }.into_any(),
                    Err(error) => view! { <StaffProblem error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
