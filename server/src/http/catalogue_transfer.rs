//! Catalogue export and import for administrators in the staff area. Plain axum routes: the
//! export is a file download, and the import a multipart upload, which server_fn's multipart
//! codec would not parse safely.

use super::AppState;
use app::auth::{AuthSession, Role, StaffUser};
use app::staff::guard::{csrf_matches, notify_session, signed_in_user};
use axum::extract::{Multipart, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};

/// Where the export and import form lives.
pub const TRANSFER_PAGE: &str = "/verwaltung/katalog";
/// The export download.
pub const EXPORT_PATH: &str = "/verwaltung/katalog/export";
/// The import upload.
pub const IMPORT_PATH: &str = "/verwaltung/katalog/import";
/// Largest catalogue file accepted.
pub const IMPORT_LIMIT: usize = 64 * 1024 * 1024;

fn refused(status: StatusCode, text: &'static str) -> Response {
    (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], text).into_response()
}

async fn administrator(auth: &mut AuthSession) -> Result<StaffUser, Response> {
    match signed_in_user(auth).await {
        Ok(Some(user)) if user.has_any(&[Role::Administrator]) => Ok(user),
        Ok(Some(_)) => Err(refused(StatusCode::FORBIDDEN, "Kein Zugriff: nur für die Administration.")),
        Ok(None) => Err(Redirect::to(app::staff::SIGN_IN_PATH).into_response()),
        Err(_) => Err(refused(StatusCode::INTERNAL_SERVER_ERROR, "Technischer Fehler.")),
    }
}

/// `GET /verwaltung/katalog/export`: the whole catalogue as the lossless JSON of `rathaus export`.
pub async fn export(State(state): State<AppState>, mut auth: AuthSession) -> Response {
    let user = match administrator(&mut auth).await {
        Ok(user) => user,
        Err(response) => return response,
    };
    let catalogue = match app::catalogue::export_catalogue(&state.db).await {
        Ok(catalogue) => catalogue,
        Err(error) => {
            tracing::error!(%error, "catalogue export failed");
            return refused(StatusCode::INTERNAL_SERVER_ERROR, "Der Export ist fehlgeschlagen. Bitte versuchen Sie es erneut.");
        }
    };
    let Ok(json) = serde_json::to_vec_pretty(&catalogue) else {
        return refused(StatusCode::INTERNAL_SERVER_ERROR, "Der Export ist fehlgeschlagen.");
    };
    let summary = format!("{} Leistungen", catalogue.services.len());
    if let Err(error) = app::staff::audit::record(&state.db, user.actor(), "catalogue.export", "Katalog", &summary).await {
        tracing::error!(%error, "audit entry failed; export refused");
        return refused(StatusCode::INTERNAL_SERVER_ERROR, "Der Export ist fehlgeschlagen.");
    }
    let (date, _, _) = app::catalogue::hours::berlin_local(app::db::now());
    let disposition = format!("attachment; filename=\"rathaus-katalog-{date}.json\"");
    let mut response = (StatusCode::OK, json).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

/// The form's fields.
#[derive(Default)]
struct ImportForm {
    csrf: String,
    file: Option<Vec<u8>>,
}

async fn read_form(mut multipart: Multipart) -> Result<ImportForm, String> {
    let mut form = ImportForm::default();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => return Ok(form),
            Err(error) => return Err(format!("Die Übertragung war unvollständig oder fehlerhaft ({}).", error.status())),
        };
        match field.name() {
            Some("csrf") => form.csrf = field.text().await.map_err(|_| "Das Formular war fehlerhaft.".to_string())?,
            Some("file") => {
                let bytes = field.bytes().await.map_err(|e| {
                    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                        format!("Die Datei ist größer als {} MB.", IMPORT_LIMIT / 1024 / 1024)
                    } else {
                        "Die Datei kam nicht vollständig an.".to_string()
                    }
                })?;
                form.file = Some(bytes.to_vec());
            }
            _ => {}
        }
    }
}

/// `POST /verwaltung/katalog/import`: replaces the catalogue with an uploaded export, in one
/// transaction; the outcome is shown on the transfer page.
pub async fn import(State(state): State<AppState>, mut auth: AuthSession, multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>) -> Response {
    let user = match administrator(&mut auth).await {
        Ok(user) => user,
        Err(response) => return response,
    };
    let session = auth.session.clone();
    let form = match multipart {
        Ok(multipart) => read_form(multipart).await,
        Err(_) => Err("Bitte wählen Sie eine Datei und senden Sie das Formular erneut.".to_string()),
    };
    let outcome = match form {
        Ok(form) if !csrf_matches(&session, &form.csrf).await.unwrap_or(false) => {
            return refused(StatusCode::FORBIDDEN, "Das Formular ist abgelaufen. Bitte laden Sie die Seite neu.");
        }
        Ok(form) => import_file(&state, &user, form.file).await,
        Err(message) => Err(message),
    };
    let _ = match outcome {
        Ok(message) => notify_session(&session, true, message).await,
        Err(message) => notify_session(&session, false, message).await,
    };
    Redirect::to(TRANSFER_PAGE).into_response()
}

async fn import_file(state: &AppState, user: &StaffUser, file: Option<Vec<u8>>) -> Result<String, String> {
    let Some(bytes) = file.filter(|b| !b.is_empty()) else {
        return Err("Bitte wählen Sie eine Katalog-Datei (JSON) aus.".into());
    };
    let catalogue: app::catalogue::Catalogue = serde_json::from_slice(&bytes).map_err(|e| {
        format!("Die Datei ist kein Rathaus-Katalog (JSON aus dem Export). Fehler in Zeile {}, Spalte {}.", e.line(), e.column())
    })?;
    let summary = app::catalogue::import_catalogue(&state.db, &catalogue).await.map_err(|error| match error {
        app::catalogue::CatalogueError::Invalid(problem) => format!("Der Katalog wurde nicht importiert, weil er fehlerhaft ist: {problem}"),
        other => {
            tracing::error!(error = %other, "catalogue import failed");
            "Der Import ist fehlgeschlagen; der bisherige Katalog ist unverändert.".to_string()
        }
    })?;
    if let Err(error) = state.catalogue.refresh_if_changed(&state.db).await {
        tracing::warn!(%error, "reloading the catalogue after the import failed; the 2 s check will retry");
    }
    let text = format!("{summary}");
    app::staff::audit::record(&state.db, user.actor(), "catalogue.import", "Katalog", &text)
        .await
        .map_err(|_| "Der Katalog wurde importiert, der Protokolleintrag ist fehlgeschlagen.".to_string())?;
    Ok(format!("Katalog importiert: {text}."))
}
