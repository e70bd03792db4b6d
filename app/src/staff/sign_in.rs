//! Signing in (password, then the TOTP second factor or its set-up), and signing out. Plain
//! form posts that answer with a redirect, so they work without JavaScript.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What the sign-in page shows: the address typed last time and what went wrong.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignInForm {
    /// Email as typed.
    pub email: String,
    /// The problem, in German.
    pub error: Option<String>,
    /// Where to go after signing in.
    pub next: String,
}

/// What the set-up page of the second factor shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecondFactorSetup {
    /// The secret, Base32, grouped by four for typing.
    pub secret: String,
    /// The QR code as SVG markup.
    pub qr_svg: String,
    /// The problem with the last code, in German.
    pub error: Option<String>,
    /// Whether the person is signed in already (optional set-up) or half-way through sign-in.
    pub signed_in: bool,
    /// The signed-in person's CSRF token (empty during sign-in).
    pub csrf: String,
}

/// A page of the sign-in flow after the password: its error message.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeForm {
    /// The problem with the last code, in German.
    pub error: Option<String>,
}

#[cfg(feature = "ssr")]
mod flow {
    use super::*;
    use crate::auth::accounts::{account_by_id, enable_second_factor, end_all_sessions, use_recovery_code};
    use crate::auth::second_factor::{accept_code, check_code, new_recovery_codes, new_secret, qr_svg, setup_url};
    use crate::auth::throttle::{self, Throttle};
    use crate::auth::{AuthSession, Credentials, StaffUser};
    use crate::staff::guard::{self, db};
    use crate::staff::model::{SIGN_IN_PATH, STAFF_ROOT};
    use tower_sessions::Session;

    /// Session key of a sign-in that passed the password and waits for the second factor.
    pub const PENDING: &str = "pending_sign_in";
    /// Session key of the sign-in form's last input and error.
    pub const FORM: &str = "sign_in_form";
    /// Session key of the error of the last code typed.
    pub const CODE_ERROR: &str = "code_error";
    /// Session key of a secret being set up.
    pub const SETUP: &str = "totp_setup";
    /// Session key of fresh recovery codes, shown once.
    pub const RECOVERY: &str = "recovery_codes";
    /// How long the second step may take after the password.
    const PENDING_SECONDS: i64 = 300;

    /// Half-way through sign-in.
    #[derive(Clone, Debug, Serialize, Deserialize)]
    pub struct Pending {
        pub user_id: i64,
        pub at: i64,
        pub next: String,
    }

    pub fn internal(e: impl std::fmt::Display) -> AppError {
        AppError::internal(e)
    }

    pub fn client_address() -> String {
        use_context::<http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<crate::auth::throttle::ClientAddress>().map(|c| c.0.to_string()))
            .unwrap_or_else(|| "unknown".into())
    }

    /// A local staff path to continue to, or the dashboard.
    pub fn safe_next(next: &str) -> String {
        let local = next.starts_with(STAFF_ROOT) && !next.starts_with("//") && !next.contains('\\') && next.len() < 1000;
        if local && !next.starts_with(SIGN_IN_PATH) { next.to_string() } else { STAFF_ROOT.to_string() }
    }

    pub async fn pending(session: &Session) -> Result<Option<Pending>, AppError> {
        let pending: Option<Pending> = session.get(PENDING).await.map_err(internal)?;
        Ok(pending.filter(|p| crate::db::now() - p.at <= PENDING_SECONDS))
    }

    /// Signs `user` in, records it, and sends the browser to `target`.
    pub async fn finish(auth: &mut AuthSession, user: &StaffUser, target: &str, how: &str) -> Result<(), AppError> {
        auth.session.remove::<Pending>(PENDING).await.map_err(internal)?;
        guard::complete_sign_in(auth, user).await?;
        crate::staff::audit::record(&db()?, user.actor(), "sign_in", &user.email, how).await.map_err(internal)?;
        leptos_axum::redirect(target);
        Ok(())
    }

    pub async fn fail_form(session: &Session, email: &str, next: &str, error: String) -> Result<(), AppError> {
        session.insert(FORM, SignInForm { email: email.to_string(), error: Some(error), next: next.to_string() }).await.map_err(internal)?;
        leptos_axum::redirect(&format!("{SIGN_IN_PATH}?weiter={}", url::form_urlencoded::byte_serialize(next.as_bytes()).collect::<String>()));
        Ok(())
    }

    /// Whether `text` has the shape of an email address (and so is no mistyped password).
    pub fn looks_like_email(text: &str) -> bool {
        text.split_once('@').is_some_and(|(local, domain)| !local.is_empty() && domain.contains('.') && !text.contains(char::is_whitespace))
    }

    pub fn wait_message(seconds: i64) -> String {
        format!("Zu viele Fehlversuche. Bitte warten Sie {seconds} Sekunden und versuchen Sie es dann erneut.")
    }

    pub async fn password_step(email: String, password: String, next: String) -> Result<(), AppError> {
        let db = db()?;
        let mut auth = guard::auth_session().await?;
        let email = email.trim().chars().take(254).collect::<String>();
        let address = client_address();
        let counters = [Throttle::Account(&email), Throttle::Address(&address)];
        let wait = throttle::seconds_to_wait(&db, &counters).await.map_err(internal)?;
        if wait > 0 {
            return fail_form(&auth.session, &email, &next, wait_message(wait)).await;
        }
        if email.is_empty() || password.is_empty() {
            return fail_form(&auth.session, &email, &next, "Bitte geben Sie E-Mail-Adresse und Passwort ein.".into()).await;
        }
        let user = auth.authenticate(Credentials { email: email.clone(), password }).await.map_err(internal)?;
        let Some(user) = user else {
            throttle::record_failure(&db, &counters).await.map_err(internal)?;
            // What was typed goes into the log only when it looks like an address: people
            // sometimes type their password into the wrong field.
            let typed = if looks_like_email(&email) { email.as_str() } else { "(keine E-Mail-Adresse eingegeben)" };
            crate::staff::audit::record(&db, typed, "sign_in_failed", typed, "Passwort falsch oder Konto unbekannt").await.map_err(internal)?;
            return fail_form(&auth.session, &email, &next, "E-Mail-Adresse oder Passwort ist falsch.".into()).await;
        };
        throttle::clear(&db, Throttle::Account(&email)).await.map_err(internal)?;
        auth.session.remove::<SignInForm>(FORM).await.map_err(internal)?;
        if user.totp_enabled || user.needs_second_factor() {
            auth.session.insert(PENDING, Pending { user_id: user.id, at: crate::db::now(), next }).await.map_err(internal)?;
            let step = if user.totp_enabled { "code" } else { "einrichten" };
            leptos_axum::redirect(&format!("{SIGN_IN_PATH}/{step}"));
            return Ok(());
        }
        finish(&mut auth, &user, &safe_next(&next), "Passwort").await
    }

    pub async fn code_step(code: String) -> Result<(), AppError> {
        let db = db()?;
        let mut auth = guard::auth_session().await?;
        let Some(pending) = pending(&auth.session).await? else {
            leptos_axum::redirect(SIGN_IN_PATH);
            return Ok(());
        };
        let Some(account) = account_by_id(&db, pending.user_id).await.map_err(internal)? else {
            leptos_axum::redirect(SIGN_IN_PATH);
            return Ok(());
        };
        let address = client_address();
        let counters = [Throttle::Account(&account.user.email), Throttle::Address(&address)];
        let wait = throttle::seconds_to_wait(&db, &counters).await.map_err(internal)?;
        let fail = |message: String| {
            let session = auth.session.clone();
            async move {
                session.insert(CODE_ERROR, message).await.map_err(internal)?;
                leptos_axum::redirect(&format!("{SIGN_IN_PATH}/code"));
                Ok::<(), AppError>(())
            }
        };
        if wait > 0 {
            return fail(wait_message(wait)).await;
        }
        let secret = account.totp_secret.clone().unwrap_or_default();
        let trimmed = code.trim();
        let (ok, how) = if trimmed.chars().filter(char::is_ascii_digit).count() == 6 && trimmed.len() <= 8 {
            (accept_code(&db, account.user.id, &secret, trimmed).await.map_err(internal)?, "Passwort und Code")
        } else {
            (use_recovery_code(&db, account.user.id, trimmed).await.map_err(internal)?, "Passwort und Wiederherstellungscode")
        };
        if !ok {
            throttle::record_failure(&db, &counters).await.map_err(internal)?;
            crate::staff::audit::record(&db, account.user.actor(), "sign_in_failed", &account.user.email, "zweiter Faktor falsch").await.map_err(internal)?;
            return fail("Der Code stimmt nicht. Bitte geben Sie den aktuellen Code aus Ihrer App ein.".into()).await;
        }
        throttle::clear(&db, Throttle::Account(&account.user.email)).await.map_err(internal)?;
        if how.contains("Wiederherstellung") {
            crate::staff::audit::record(&db, account.user.actor(), "recovery_code.used", &account.user.email, "").await.map_err(internal)?;
        }
        auth.session.remove::<String>(CODE_ERROR).await.map_err(internal)?;
        finish(&mut auth, &account.user, &safe_next(&pending.next), how).await
    }

    /// The secret being set up in this session, made on first use.
    pub async fn setup_secret(session: &Session) -> Result<String, AppError> {
        if let Some(secret) = session.get::<String>(SETUP).await.map_err(internal)? {
            return Ok(secret);
        }
        let secret = new_secret();
        session.insert(SETUP, &secret).await.map_err(internal)?;
        Ok(secret)
    }

    /// Who is setting up a second factor: the signed-in person, or the one half-way through
    /// sign-in, with where to go afterwards.
    pub async fn setup_subject(auth: &AuthSession) -> Result<Option<(StaffUser, bool, String)>, AppError> {
        if let Some(user) = guard::current_user().await? {
            return Ok(Some((user, true, STAFF_ROOT.to_string())));
        }
        let Some(pending) = pending(&auth.session).await? else { return Ok(None) };
        let account = account_by_id(&db()?, pending.user_id).await.map_err(internal)?;
        Ok(account.filter(|a| a.totp_secret.is_none()).map(|a| (a.user, false, pending.next)))
    }

    pub async fn setup_page() -> Result<Option<SecondFactorSetup>, AppError> {
        let auth = guard::auth_session().await?;
        let Some((user, signed_in, _)) = setup_subject(&auth).await? else { return Ok(None) };
        let secret = setup_secret(&auth.session).await?;
        let url = setup_url(&secret, &user.email).ok_or_else(|| internal("TOTP set-up URL"))?;
        let grouped = secret.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(" ");
        Ok(Some(SecondFactorSetup {
            secret: grouped,
            qr_svg: qr_svg(&url).unwrap_or_default(),
            error: auth.session.remove(CODE_ERROR).await.map_err(internal)?,
            signed_in,
            csrf: if signed_in { guard::csrf_token(&auth.session).await? } else { String::new() },
        }))
    }

    pub async fn setup_step(code: String, csrf: String) -> Result<(), AppError> {
        let db = db()?;
        let mut auth = guard::auth_session().await?;
        let Some((user, signed_in, _)) = setup_subject(&auth).await? else {
            leptos_axum::redirect(SIGN_IN_PATH);
            return Ok(());
        };
        if signed_in {
            guard::require_change(&[], &csrf).await?;
        }
        let secret = setup_secret(&auth.session).await?;
        let Some(step) = check_code(&secret, &code) else {
            auth.session.insert(CODE_ERROR, "Der Code stimmt nicht. Prüfen Sie die Uhrzeit Ihres Telefons und geben Sie den aktuellen Code ein.").await.map_err(internal)?;
            leptos_axum::redirect(&format!("{SIGN_IN_PATH}/einrichten"));
            return Ok(());
        };
        let codes = new_recovery_codes();
        enable_second_factor(&db, user.id, &secret, &codes).await.map_err(internal)?;
        sqlx::query("UPDATE users SET totp_last_step = $1 WHERE id = $2")
            .bind(i64::try_from(step).unwrap_or(i64::MAX))
            .bind(user.id)
            .execute(db.pool())
            .await
            .map_err(internal)?;
        auth.session.remove::<String>(SETUP).await.map_err(internal)?;
        auth.session.insert(RECOVERY, &codes).await.map_err(internal)?;
        crate::staff::audit::record(&db, user.actor(), "second_factor.enabled", &user.email, "App und 10 Wiederherstellungscodes").await.map_err(internal)?;
        if signed_in {
            leptos_axum::redirect(&format!("{SIGN_IN_PATH}/wiederherstellungscodes"));
            return Ok(());
        }
        // The account's auth hash is unchanged, so finishing now keeps the new session valid.
        let user = account_by_id(&db, user.id).await.map_err(internal)?.map(|a| a.user).ok_or(AppError::NotFound)?;
        finish(&mut auth, &user, &format!("{SIGN_IN_PATH}/wiederherstellungscodes"), "Passwort und neu eingerichteter Code").await
    }

    pub async fn sign_out(csrf: String, everywhere: bool) -> Result<(), AppError> {
        let user = guard::require_change(&[], &csrf).await?;
        let db = db()?;
        if everywhere {
            end_all_sessions(&db, user.id).await.map_err(internal)?;
        }
        let mut auth = guard::auth_session().await?;
        auth.logout().await.map_err(internal)?;
        let action = if everywhere { "sign_out_everywhere" } else { "sign_out" };
        crate::staff::audit::record(&db, user.actor(), action, &user.email, "").await.map_err(internal)?;
        leptos_axum::redirect(&format!("{SIGN_IN_PATH}?abgemeldet=1"));
        Ok(())
    }
}

/// Step 1: email and password.
#[server(endpoint = "staff/sign-in")]
pub async fn sign_in(email: String, password: String, #[server(default)] next: String) -> Result<(), AppError> {
    flow::password_step(email, password, next).await
}

/// Step 2: the code from the authenticator app, or a recovery code.
#[server(endpoint = "staff/sign-in/code")]
pub async fn verify_second_factor(code: String) -> Result<(), AppError> {
    flow::code_step(code).await
}

/// Setting up the authenticator app: the first code proves it works.
#[server(endpoint = "staff/second-factor")]
pub async fn set_up_second_factor(code: String, #[server(default)] csrf: String) -> Result<(), AppError> {
    flow::setup_step(code, csrf).await
}

/// Signs out of this session, or of every session of the account.
#[server(endpoint = "staff/sign-out")]
pub async fn sign_out(csrf: String, #[server(default)] everywhere: String) -> Result<(), AppError> {
    flow::sign_out(csrf, !everywhere.is_empty()).await
}

/// The sign-in form's last input and error; `None` when already signed in.
#[server(endpoint = "staff/sign-in-form")]
pub async fn get_sign_in_form(next: String) -> Result<Option<SignInForm>, AppError> {
    if crate::staff::guard::current_user().await?.is_some() {
        leptos_axum::redirect(&flow::safe_next(&next));
        return Ok(None);
    }
    let session = crate::staff::guard::session().await?;
    let form: Option<SignInForm> = session.remove(flow::FORM).await.map_err(flow::internal)?;
    Ok(Some(form.unwrap_or(SignInForm { next, ..Default::default() })))
}

/// The code page's error; `None` when no sign-in is half-way (the page sends to step 1).
#[server(endpoint = "staff/code-form")]
pub async fn get_code_form() -> Result<Option<CodeForm>, AppError> {
    let session = crate::staff::guard::session().await?;
    if flow::pending(&session).await?.is_none() {
        leptos_axum::redirect(crate::staff::model::SIGN_IN_PATH);
        return Ok(None);
    }
    Ok(Some(CodeForm { error: session.remove(flow::CODE_ERROR).await.map_err(flow::internal)? }))
}

/// The set-up page's secret and QR code; `None` when there is nobody to set up for.
#[server(endpoint = "staff/second-factor-form")]
pub async fn get_second_factor_setup() -> Result<Option<SecondFactorSetup>, AppError> {
    let page = flow::setup_page().await?;
    if page.is_none() {
        leptos_axum::redirect(crate::staff::model::SIGN_IN_PATH);
    }
    Ok(page)
}

/// The fresh recovery codes, once; empty when they were shown already.
#[server(endpoint = "staff/recovery-codes")]
pub async fn fresh_recovery_codes() -> Result<Vec<String>, AppError> {
    crate::staff::guard::require(&[]).await?;
    let session = crate::staff::guard::session().await?;
    Ok(session.remove::<Vec<String>>(flow::RECOVERY).await.map_err(flow::internal)?.unwrap_or_default())
}
