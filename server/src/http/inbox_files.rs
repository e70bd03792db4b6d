//! The inbox's downloads for caseworkers and administrators: the CSV export of a filtered list
//! and a request's files. Plain axum routes under `/verwaltung/antraege/...`, so the staff
//! session layer applies; each checks the signed-in person's role itself.
//!
//! The CSV is what German Excel opens without an import dialog: UTF-8 with a byte order mark,
//! `;` between cells, CRLF between rows. Cells that a spreadsheet would read as a formula
//! (starting with `=`, `+`, `-`, `@`, tab or CR) get a leading `'`.

use super::AppState;
use app::auth::{AuthSession, StaffUser};
use app::inbox::api::INBOX_ROLES;
use app::inbox::model::{status_label, InboxQuery, InboxRow};
use app::inbox::store::EXPORT_LIMIT;
use app::staff::guard::signed_in_user;
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};

/// The CSV export (same query as the list page).
pub const EXPORT_ROUTE: &str = "/verwaltung/antraege/export.csv";
/// A request's file.
pub const FILE_ROUTE: &str = "/verwaltung/antraege/{reference}/dateien/{file}";

fn refused(status: StatusCode, text: &'static str) -> Response {
    (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8"), (header::CACHE_CONTROL, "private, no-store")], text).into_response()
}

async fn caseworker(auth: &mut AuthSession) -> Result<StaffUser, Response> {
    match signed_in_user(auth).await {
        Ok(Some(user)) if user.has_any(INBOX_ROLES) => Ok(user),
        Ok(Some(_)) => Err(refused(StatusCode::FORBIDDEN, "Kein Zugriff: nur für die Sachbearbeitung.")),
        Ok(None) => Err(Redirect::to(app::staff::SIGN_IN_PATH).into_response()),
        Err(_) => Err(refused(StatusCode::INTERNAL_SERVER_ERROR, "Technischer Fehler.")),
    }
}

/// A cell as German Excel reads it, never as a formula.
pub fn csv_cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_string() };
    if text.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

fn csv(rows: &[InboxRow]) -> Vec<u8> {
    let mut out = String::from("\u{feff}Vorgangsnummer;Leistung;Name;Stand;Zugewiesen an;Eingang;Entscheidung erwartet bis;Überfällig\r\n");
    for row in rows {
        let cells = [
            row.reference.clone(),
            row.service_title.clone(),
            row.applicant_name.clone(),
            status_label(row.status).to_string(),
            row.assignee.clone().unwrap_or_default(),
            app::catalogue::hours::german_date_time(row.submitted_at),
            row.expected.german(),
            if row.overdue { "ja" } else { "nein" }.to_string(),
        ];
        out.push_str(&cells.iter().map(|c| csv_cell(c)).collect::<Vec<_>>().join(";"));
        out.push_str("\r\n");
    }
    out.into_bytes()
}

/// `GET /verwaltung/antraege/export.csv?…`: the filtered list (every page, at most 50,000 rows).
pub async fn export(State(state): State<AppState>, mut auth: AuthSession, RawQuery(query): RawQuery) -> Response {
    let user = match caseworker(&mut auth).await {
        Ok(user) => user,
        Err(response) => return response,
    };
    let (filter, _) = InboxQuery::from_query_string(query.as_deref().unwrap_or("")).parse();
    let (rows, more) = match app::inbox::store::export(&state.db, &filter, user.actor()).await {
        Ok(found) => found,
        Err(error) => {
            tracing::error!(%error, "inbox export failed");
            return refused(StatusCode::INTERNAL_SERVER_ERROR, "Der Export ist fehlgeschlagen. Bitte versuchen Sie es erneut.");
        }
    };
    let summary = format!("{} Anträge{}; Filter: {}", rows.len(), if more { format!(" (gekürzt auf {EXPORT_LIMIT})") } else { String::new() }, filter.query_string(None));
    if let Err(error) = app::staff::audit::record(&state.db, user.actor(), "requests.export", "Anträge", &summary).await {
        tracing::error!(%error, "audit entry failed; export refused");
        return refused(StatusCode::INTERNAL_SERVER_ERROR, "Der Export ist fehlgeschlagen.");
    }
    let (date, _, _) = app::catalogue::hours::berlin_local(app::db::now());
    let mut response = (StatusCode::OK, csv(&rows)).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"antraege-{date}.csv\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    if more {
        headers.insert("x-rathaus-truncated", HeaderValue::from_static("1"));
    }
    response
}

/// `attachment; filename="ascii"; filename*=UTF-8''percent-encoded`: the ASCII fallback keeps
/// letters, digits, `.`, `-` and `_` (others become `_`), so no quote or line break gets in.
pub fn content_disposition(name: &str) -> String {
    let ascii: String = name.chars().map(|c| if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') { c } else { '_' }).collect();
    let encoded: String = name
        .bytes()
        .map(|b| if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') { char::from(b).to_string() } else { format!("%{b:02X}") })
        .collect();
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

/// `GET /verwaltung/antraege/{reference}/dateien/{file}`: a file of the request, as an attachment.
pub async fn download(State(state): State<AppState>, mut auth: AuthSession, Path((reference, file_id)): Path<(String, String)>) -> Response {
    let user = match caseworker(&mut auth).await {
        Ok(user) => user,
        Err(response) => return response,
    };
    let Some(reference) = app::requests::reference::normalise_reference(&reference) else {
        return refused(StatusCode::NOT_FOUND, "Diese Datei gibt es nicht.");
    };
    let file = match app::inbox::store::file(&state.db, &reference, &file_id).await {
        Ok(Some(file)) => file,
        Ok(None) => return refused(StatusCode::NOT_FOUND, "Diese Datei gibt es nicht."),
        Err(error) => {
            tracing::error!(%error, "file download failed");
            return refused(StatusCode::INTERNAL_SERVER_ERROR, "Technischer Fehler.");
        }
    };
    if let Err(error) = app::staff::audit::record(&state.db, user.actor(), "request.file", &reference, &file.info.name).await {
        tracing::error!(%error, "audit entry failed; download refused");
        return refused(StatusCode::INTERNAL_SERVER_ERROR, "Technischer Fehler.");
    }
    let mut response = (StatusCode::OK, file.content).into_response();
    let headers = response.headers_mut();
    let media_type = HeaderValue::from_str(&file.info.media_type).unwrap_or(HeaderValue::from_static("application/octet-stream"));
    headers.insert(header::CONTENT_TYPE, media_type);
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static("sandbox; default-src 'none'; frame-ancestors 'none'"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    if let Ok(value) = HeaderValue::from_str(&content_disposition(&file.info.name)) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_never_become_formulas_and_names_stay_in_their_quotes() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("+49 5361"), "'+49 5361");
        assert_eq!(csv_cell("-1"), "'-1");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("Müller; Anna"), "\"Müller; Anna\"");
        assert_eq!(csv_cell("Anna"), "Anna");
        let header = content_disposition("Bescheid \"Ä\"\r\n.pdf");
        assert!(header.starts_with("attachment; filename=\"Bescheid______.pdf\"; filename*=UTF-8''Bescheid%20%22%C3%84%22%0D%0A.pdf"), "{header}");
    }
}
