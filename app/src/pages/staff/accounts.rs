//! `/verwaltung/konten`: accounts, roles, new accounts (administrators).

use super::frame::{staff_page, CsrfField, StaffFrame, TextField};
use crate::auth::Role;
use crate::staff::admin::{get_accounts, AccountRow, CreateAccount, ResetAccountSecondFactor, SetAccountDisabled, SetAccountRoles};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// Role checkboxes; `prefix` keeps their ids unique on the page.
#[component]
fn RoleChoice(#[prop(into)] prefix: String, roles: Vec<Role>) -> impl IntoView {
    view! {
        <fieldset class="kern-fieldset">
            <legend class="kern-label">"Rollen"</legend>
            <div class="kern-fieldset__body role-choice">
                {Role::ALL.into_iter().map(|role| {
                    let id = format!("{prefix}-{}", role.as_str());
                    view! {
                        <div class="kern-form-check">
                            <input class="kern-form-check__checkbox" type="checkbox" id=id.clone() name=format!("roles[{}]", role.as_str())
                                value="1" checked=roles.contains(&role)/>
                            <label class="kern-label" for=id>{role.label()}</label>
                        </div>
                    }
                }).collect_view()}
            </div>
        </fieldset>
    }
}

#[component]
fn AccountItem(account: AccountRow, csrf: String) -> impl IntoView {
    let prefix = format!("konto-{}", account.id);
    let status = match (account.disabled, account.totp_enabled) {
        (true, _) => "gesperrt",
        (false, true) => "aktiv, zweiter Faktor eingerichtet",
        (false, false) => "aktiv, ohne zweiten Faktor",
    };
    let name = if account.display_name.is_empty() { account.email.clone() } else { account.display_name.clone() };
    view! {
        <li class="card-list__item">
            <h3 class="kern-heading-small">{name}</h3>
            <p class="kern-body">{account.email.clone()}" · "{status}</p>
            <form method="post" action=SetAccountRoles::url() class="kern-stack">
                <CsrfField token=csrf.clone()/>
                <input type="hidden" name="id" value=account.id.to_string()/>
                <RoleChoice prefix=prefix roles=account.roles.clone()/>
                <div><button class="kern-btn kern-btn--secondary" type="submit"><span class="kern-label">{format!("Rollen von {} speichern", account.email)}</span></button></div>
            </form>
            <div class="button-row">
                <form method="post" action=SetAccountDisabled::url()>
                    <CsrfField token=csrf.clone()/>
                    <input type="hidden" name="id" value=account.id.to_string()/>
                    {account.disabled.then(|| view! { <input type="hidden" name="enable" value="1"/> })}
                    <button class="kern-btn kern-btn--tertiary" type="submit">
                        <span class="kern-label">{if account.disabled { format!("{} entsperren", account.email) } else { format!("{} sperren", account.email) }}</span>
                    </button>
                </form>
                {account.totp_enabled.then(|| view! {
                    <form method="post" action=ResetAccountSecondFactor::url()>
                        <CsrfField token=csrf.clone()/>
                        <input type="hidden" name="id" value=account.id.to_string()/>
                        <button class="kern-btn kern-btn--tertiary" type="submit"><span class="kern-label">{format!("Zweiten Faktor von {} zurücksetzen", account.email)}</span></button>
                    </form>
                })}
            </div>
        </li>
    }
}

/// The accounts page.
#[component]
pub fn AccountsPage() -> impl IntoView {
    staff_page(get_accounts(), |context, accounts| {
        let csrf = context.csrf.clone();
        view! {
            <StaffFrame title="Konten" context=context.clone()>
                <h2 class="kern-heading-medium">"Neues Konto"</h2>
                <form method="post" action=CreateAccount::url() class="kern-stack staff-form">
                    <CsrfField token=csrf.clone()/>
                    <TextField id="neu-email" name="email" label="E-Mail-Adresse" kind="email" autocomplete="off" required=true/>
                    <TextField id="neu-name" name="display_name" label="Name" autocomplete="off"/>
                    <RoleChoice prefix="neu" roles=vec![]/>
                    <p class="kern-hint">"Das Konto erhält ein Einmal-Passwort, das nach dem Anlegen einmal angezeigt wird. Freigabe und Administration richten bei der ersten Anmeldung einen zweiten Faktor ein."</p>
                    <div><button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">"Konto anlegen"</span></button></div>
                </form>
                <h2 class="kern-heading-medium">{format!("Alle Konten ({})", accounts.len())}</h2>
                <ul class="card-list">
                    {accounts.into_iter().map(|account| view! { <AccountItem account csrf=csrf.clone()/> }).collect_view()}
                </ul>
            </StaffFrame>
        }
    })
}
