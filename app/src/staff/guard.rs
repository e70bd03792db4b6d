//! The checks every staff server function makes itself: a valid session (idle and absolute
//! timeouts), the right role, and for changes the session's CSRF token.

use super::model::{Notice, StaffContext, StaffPage, SIGN_IN_PATH};
use crate::auth::{AuthSession, Role, StaffUser};
use crate::error::AppError;
use tower_sessions::Session;

/// Session key of the CSRF token.
const CSRF: &str = "csrf";
/// Session key of the sign-in time (Unix seconds).
const SIGNED_IN_AT: &str = "signed_in_at";
/// Session key of the one-time notice.
const NOTICE: &str = "notice";
/// Longest a session lasts, however active: a working day.
pub const ABSOLUTE_TIMEOUT_SECONDS: i64 = 10 * 3600;
/// A session ends after this long without a request.
pub const IDLE_TIMEOUT_MINUTES: i64 = 30;

/// The request's auth session (the layer is installed on every route).
pub async fn auth_session() -> Result<AuthSession, AppError> {
    leptos_axum::extract::<AuthSession>().await.map_err(AppError::internal)
}

/// The request's raw session.
pub async fn session() -> Result<Session, AppError> {
    Ok(auth_session().await?.session)
}

/// The signed-in person, if the session is valid and younger than the absolute timeout.
pub async fn current_user() -> Result<Option<StaffUser>, AppError> {
    signed_in_user(&mut auth_session().await?).await
}

/// [`current_user`] for handlers outside Leptos, which extract the session themselves.
pub async fn signed_in_user(auth: &mut AuthSession) -> Result<Option<StaffUser>, AppError> {
    let Some(user) = auth.user.clone() else { return Ok(None) };
    let signed_in_at: i64 = auth.session.get(SIGNED_IN_AT).await.map_err(AppError::internal)?.unwrap_or(0);
    if crate::db::now() - signed_in_at > ABSOLUTE_TIMEOUT_SECONDS {
        auth.logout().await.map_err(AppError::internal)?;
        return Ok(None);
    }
    Ok(Some(user))
}

/// Sends the browser to the sign-in page (and back to `next` afterwards, when it is a page).
fn send_to_sign_in() {
    let next = leptos::prelude::use_context::<http::request::Parts>()
        .filter(|parts| parts.method == http::Method::GET)
        .map(|parts| parts.uri.path_and_query().map(|p| p.as_str().to_string()).unwrap_or_default())
        .filter(|path| path.starts_with(super::model::STAFF_ROOT));
    let target = match next {
        Some(next) => format!("{SIGN_IN_PATH}?weiter={}", url::form_urlencoded::byte_serialize(next.as_bytes()).collect::<String>()),
        None => SIGN_IN_PATH.to_string(),
    };
    leptos_axum::redirect(&target);
}

fn forbid() -> AppError {
    crate::components::set_status(403);
    AppError::Forbidden
}

/// The signed-in person when they hold one of `roles` (any role when empty). Without a valid
/// session the browser is sent to the sign-in page.
pub async fn require(roles: &[Role]) -> Result<StaffUser, AppError> {
    match current_user().await? {
        None => {
            // Browsers (pages and plain form posts) go to the sign-in page; other callers get 401.
            let browser = leptos::prelude::use_context::<http::request::Parts>()
                .and_then(|parts| parts.headers.get(http::header::ACCEPT).and_then(|v| v.to_str().ok()).map(|v| v.contains("text/html")))
                .unwrap_or(false);
            if browser {
                send_to_sign_in();
            } else {
                crate::components::set_status(401);
            }
            Err(AppError::SignInRequired)
        }
        Some(user) if roles.is_empty() || user.has_any(roles) => Ok(user),
        Some(_) => Err(forbid()),
    }
}

/// [`require`] plus the CSRF token every state-changing form sends.
pub async fn require_change(roles: &[Role], csrf: &str) -> Result<StaffUser, AppError> {
    let user = require(roles).await?;
    if csrf_matches(&session().await?, csrf).await? {
        Ok(user)
    } else {
        tracing::warn!(user = user.email, "staff change refused: CSRF token missing or wrong");
        Err(forbid())
    }
}

/// Whether `csrf` is the session's token.
pub async fn csrf_matches(session: &Session, csrf: &str) -> Result<bool, AppError> {
    let expected: Option<String> = session.get(CSRF).await.map_err(AppError::internal)?;
    Ok(expected.is_some_and(|expected| !csrf.is_empty() && constant_time_eq(expected.as_bytes(), csrf.as_bytes())))
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The session's CSRF token, made on first use.
pub async fn csrf_token(session: &Session) -> Result<String, AppError> {
    if let Some(token) = session.get::<String>(CSRF).await.map_err(AppError::internal)? {
        return Ok(token);
    }
    let token = crate::db::random_token();
    session.insert(CSRF, &token).await.map_err(AppError::internal)?;
    Ok(token)
}

/// Marks the session as freshly signed in for `user` (new session id, new CSRF token).
pub async fn complete_sign_in(auth: &mut AuthSession, user: &StaffUser) -> Result<(), AppError> {
    auth.login(user).await.map_err(AppError::internal)?;
    auth.session.insert(SIGNED_IN_AT, crate::db::now()).await.map_err(AppError::internal)?;
    auth.session.insert(CSRF, crate::db::random_token()).await.map_err(AppError::internal)?;
    Ok(())
}

/// Leaves a message for the next page the person sees.
pub async fn notify(success: bool, text: impl Into<String>) -> Result<(), AppError> {
    notify_session(&session().await?, success, text).await
}

/// [`notify`] on a given session.
pub async fn notify_session(session: &Session, success: bool, text: impl Into<String>) -> Result<(), AppError> {
    session.insert(NOTICE, Notice { success, text: text.into() }).await.map_err(AppError::internal)
}

/// The frame's context for `user`, taking the one-time notice.
pub async fn context(user: &StaffUser) -> Result<StaffContext, AppError> {
    let session = session().await?;
    let notice: Option<Notice> = session.remove(NOTICE).await.map_err(AppError::internal)?;
    Ok(StaffContext {
        name: if user.display_name.trim().is_empty() { user.email.clone() } else { user.display_name.clone() },
        email: user.email.clone(),
        roles: user.roles.clone(),
        csrf: csrf_token(&session).await?,
        notice,
    })
}

/// Wraps a page's `data` with the frame's context for `user`.
pub async fn page<T>(user: &StaffUser, data: T) -> Result<StaffPage<T>, AppError> {
    Ok(StaffPage { context: context(user).await?, data })
}

/// The database from the server function's context.
pub fn db() -> Result<crate::db::Db, AppError> {
    leptos::prelude::use_context::<crate::db::Db>().ok_or_else(|| AppError::internal("no database in context"))
}

/// Appends to the audit log; a failure is logged and the action is refused.
pub async fn audit(user: &StaffUser, action: &str, subject: &str, summary: &str) -> Result<(), AppError> {
    super::audit::record(&db()?, user.actor(), action, subject, summary).await.map_err(AppError::internal)
}
