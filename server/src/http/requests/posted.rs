//! Reading a posted form, URL-encoded or multipart, into name/value pairs and files. The
//! multipart parser is axum's (multer); a malformed body is an error for the resident, never a
//! panic.

use app::requests::store::Upload;
use axum::body::Bytes;
use axum::extract::{FromRequest, Multipart, Request};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

/// Everything a form posted.
#[derive(Debug, Default)]
pub struct Posted {
    /// Text fields in order, repeated names kept (checkboxes).
    pub pairs: Vec<(String, String)>,
    /// Chosen files by field name; inputs left empty are not listed.
    pub files: Vec<(String, Upload)>,
}

impl Posted {
    /// The first value posted under `name`, or "".
    pub fn value(&self, name: &str) -> &str {
        self.pairs.iter().find(|(key, _)| key == name).map(|(_, value)| value.as_str()).unwrap_or("")
    }

    /// The files posted under `name`.
    pub fn files_of(&self, name: &str) -> Vec<Upload> {
        self.files.iter().filter(|(key, _)| key == name).map(|(_, upload)| upload.clone()).collect()
    }
}

/// Why a post could not be read.
pub struct Unreadable(StatusCode);

impl IntoResponse for Unreadable {
    fn into_response(self) -> Response {
        let text = if self.0 == StatusCode::PAYLOAD_TOO_LARGE {
            "Die Dateien sind zusammen zu groß. Bitte laden Sie weniger oder kleinere Dateien auf einmal hoch und gehen Sie im Browser zurück.\n\nThe files are too large together. Upload fewer or smaller files at a time, and go back in your browser."
        } else {
            "Das Formular kam nicht vollständig an. Bitte gehen Sie im Browser zurück und senden Sie es noch einmal.\n\nThe form did not arrive complete. Go back in your browser and send it again."
        };
        (self.0, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], text).into_response()
    }
}

fn transport_status(status: StatusCode) -> Unreadable {
    Unreadable(if status == StatusCode::PAYLOAD_TOO_LARGE { status } else { StatusCode::BAD_REQUEST })
}

/// Reads the body of `request` as a form.
pub async fn read(request: Request) -> Result<Posted, Unreadable> {
    let multipart = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    if !multipart {
        let bytes = Bytes::from_request(request, &()).await.map_err(|e| transport_status(e.status()))?;
        let pairs = url::form_urlencoded::parse(&bytes).into_owned().collect();
        return Ok(Posted { pairs, files: Vec::new() });
    }
    let mut multipart = Multipart::from_request(request, &()).await.map_err(|e| transport_status(e.status()))?;
    let mut posted = Posted::default();
    while let Some(field) = multipart.next_field().await.map_err(|e| transport_status(e.status()))? {
        let name = field.name().unwrap_or_default().to_string();
        match field.file_name().map(str::to_string) {
            Some(file_name) => {
                let bytes = field.bytes().await.map_err(|e| transport_status(e.status()))?;
                if !(bytes.is_empty() && file_name.is_empty()) {
                    posted.files.push((name, Upload { name: file_name, bytes: bytes.to_vec() }));
                }
            }
            None => {
                let text = field.text().await.map_err(|e| transport_status(e.status()))?;
                posted.pairs.push((name, text));
            }
        }
    }
    Ok(posted)
}
