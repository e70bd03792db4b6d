//! `/verwaltung` (the staff home page) and `/verwaltung/konto` (my account).

use super::frame::{sections, staff_page, CsrfField, StaffFrame, TextField};
use crate::staff::account::{get_account, get_dashboard, ChangePassword};
use crate::staff::sign_in::SignOut;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// The staff home page: what waits, and the sections the person may open.
#[component]
pub fn StaffHomePage() -> impl IntoView {
    staff_page(get_dashboard(), |context, dashboard| {
        let links = sections(&context)
            .into_iter()
            .skip(1)
            .map(|(href, name)| view! { <li><a class="kern-link" href=href>{name}</a></li> })
            .collect_view();
        view! {
            <StaffFrame title="Übersicht" context=context.clone()>
                <p class="kern-body">{format!("Willkommen, {}.", context.name)}</p>
                <dl class="facts staff-counts">
                    <div class="facts__row"><dt>"Leistungen in Prüfung"</dt><dd>{dashboard.in_review}</dd></div>
                    <div class="facts__row"><dt>"Leistungen mit Entwurf"</dt><dd>{dashboard.drafts}</dd></div>
                    <div class="facts__row"><dt>"Rückmeldungen zur Barrierefreiheit"</dt><dd>{dashboard.feedback}</dd></div>
                </dl>
                <h2 class="kern-heading-medium">"Bereiche"</h2>
                <ul class="kern-list">{links}</ul>
            </StaffFrame>
        }
    })
}

/// My account: roles, second factor, sign out everywhere.
#[component]
pub fn AccountPage() -> impl IntoView {
    staff_page(get_account(), |context, account| {
        let roles = account.roles.iter().map(|r| r.label()).collect::<Vec<_>>().join(", ");
        let second_factor = if account.totp_enabled {
            format!("eingerichtet ({} Wiederherstellungscodes übrig)", account.recovery_codes_left)
        } else {
            "nicht eingerichtet".to_string()
        };
        view! {
            <StaffFrame title="Mein Konto" context=context.clone()>
                <dl class="facts">
                    <div class="facts__row"><dt>"Name"</dt><dd>{account.display_name.clone()}</dd></div>
                    <div class="facts__row"><dt>"E-Mail-Adresse"</dt><dd>{account.email.clone()}</dd></div>
                    <div class="facts__row"><dt>"Rollen"</dt><dd>{roles}</dd></div>
                    <div class="facts__row"><dt>"Zweiter Faktor"</dt><dd>{second_factor}</dd></div>
                </dl>
                <p class="kern-body">
                    <a class="kern-link" href="/verwaltung/anmelden/einrichten">
                        {if account.totp_enabled { "Zweiten Faktor neu einrichten (neue Wiederherstellungscodes)" } else { "Zweiten Faktor einrichten" }}
                    </a>
                </p>
                <h2 class="kern-heading-medium">"Passwort ändern"</h2>
                <form method="post" action=ChangePassword::url() class="kern-stack staff-form">
                    <CsrfField token=context.csrf.clone()/>
                    <TextField id="current" name="current" label="Bisheriges Passwort" kind="password" autocomplete="current-password" required=true/>
                    <TextField id="new" name="new" label="Neues Passwort" kind="password" autocomplete="new-password" required=true
                        hint="Mindestens 12 Zeichen, zum Beispiel ein Satz aus mehreren Wörtern. Einfügen aus einem Passwort-Manager ist möglich."/>
                    <TextField id="repeat" name="repeat" label="Neues Passwort wiederholen" kind="password" autocomplete="new-password" required=true/>
                    <div><button class="kern-btn kern-btn--secondary" type="submit"><span class="kern-label">"Passwort ändern"</span></button></div>
                </form>
                <h2 class="kern-heading-medium">"Überall abmelden"</h2>
                <p class="kern-body">"Beendet Ihre Sitzungen auf allen Geräten, zum Beispiel wenn Sie ein Gerät verloren haben."</p>
                <form method="post" action=SignOut::url()>
                    <CsrfField token=context.csrf.clone()/>
                    <input type="hidden" name="everywhere" value="1"/>
                    <button class="kern-btn kern-btn--secondary" type="submit"><span class="kern-label">"Auf allen Geräten abmelden"</span></button>
                </form>
            </StaffFrame>
        }
    })
}
