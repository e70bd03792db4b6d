//! Uploaded files: checked by content (magic bytes) and size, kept in the database (never in
//! the web root), named safely.

use super::RequestError;
use crate::db::{now, random_token, sha256_hex, Db, Row};
use crate::i18n::Lang;
use crate::requests::form::{Field, FieldKind, FileType};
use crate::requests::status::{file_size, FileInfo};

/// A file as it arrived.
#[derive(Clone, Debug)]
pub struct Upload {
    /// The name the browser sent (not trusted).
    pub name: String,
    /// The content.
    pub bytes: Vec<u8>,
}

/// Why an upload was not taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileRefusal {
    /// The file is empty (or no file was chosen).
    Empty,
    /// Larger than the field allows.
    TooBig(u64),
    /// Not one of the field's types.
    WrongType(Vec<FileType>),
    /// The field has its most files already.
    TooMany(u32),
    /// The field does not take files, or the draft is gone or submitted.
    NotAccepted,
}

impl FileRefusal {
    /// What to tell the resident.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            FileRefusal::Empty => lang.pick("Bitte wählen Sie eine Datei aus. Die Datei darf nicht leer sein.", "Choose a file. The file must not be empty.").into(),
            FileRefusal::TooBig(max) => {
                let size = file_size(*max as i64, lang);
                lang.pick(format!("Die Datei ist zu groß. Sie darf höchstens {size} groß sein."), format!("The file is too big. It must be {size} or smaller."))
            }
            FileRefusal::WrongType(types) => {
                let names = types.iter().map(|t| t.name()).collect::<Vec<_>>().join(", ");
                lang.pick(format!("Diese Datei können wir nicht annehmen. Erlaubt sind: {names}."), format!("We cannot accept this file. Allowed types: {names}."))
            }
            FileRefusal::TooMany(max) => lang.pick(format!("Sie können hier höchstens {max} Dateien hochladen."), format!("You can upload up to {max} files here.")),
            FileRefusal::NotAccepted => lang.pick("Diese Datei konnte nicht gespeichert werden.", "This file could not be saved.").into(),
        }
    }
}

/// Checks an upload against a file field; the type recognised from its content when it fits.
pub fn check_upload(field: &Field, upload: &Upload, already: usize) -> Result<FileType, FileRefusal> {
    if field.kind != FieldKind::File {
        return Err(FileRefusal::NotAccepted);
    }
    if upload.bytes.is_empty() {
        return Err(FileRefusal::Empty);
    }
    if already >= field.max_files() as usize {
        return Err(FileRefusal::TooMany(field.max_files()));
    }
    if upload.bytes.len() as u64 > field.max_file_bytes() {
        return Err(FileRefusal::TooBig(field.max_file_bytes()));
    }
    FileType::sniff(&upload.bytes).filter(|found| field.file_types().contains(found)).ok_or_else(|| FileRefusal::WrongType(field.file_types().to_vec()))
}

/// A file name safe to show and to send in `Content-Disposition`: the last path part, letters,
/// digits, umlauts and `._- ` only, at most 100 characters, with the extension of its real type.
pub fn sanitise_file_name(name: &str, file_type: FileType) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let stem = base.rsplit_once('.').map_or(base, |(stem, _)| stem);
    let clean: String = stem
        .chars()
        .map(|c| if c.is_alphanumeric() || matches!(c, '-' | '_' | ' ') { c } else { '_' })
        .take(100)
        .collect::<String>()
        .trim()
        .trim_matches('_')
        .to_string();
    let stem = if clean.is_empty() { "Datei".to_string() } else { clean };
    let extension = match file_type {
        FileType::Pdf => "pdf",
        FileType::Jpeg => "jpg",
        FileType::Png => "png",
    };
    format!("{stem}.{extension}")
}

pub(crate) fn read_info(row: &sqlx::any::AnyRow) -> Result<FileInfo, RequestError> {
    Ok(FileInfo {
        id: row.try_get("public_id")?,
        field: row.try_get("field_id")?,
        name: row.try_get("file_name")?,
        media_type: row.try_get("media_type")?,
        size: row.try_get("size")?,
    })
}

/// Adds an upload to a draft's file field, after the checks of [`check_upload`]. The count
/// check and the insert share one write transaction, so parallel uploads cannot pass the limit.
pub async fn add_draft_file(db: &Db, code: &str, field: &Field, upload: &Upload) -> Result<Result<FileInfo, FileRefusal>, RequestError> {
    let hash = sha256_hex(code);
    let mut tx = db.begin_write().await?;
    let open = sqlx::query("SELECT COUNT(*) AS n FROM request_drafts WHERE token_hash = $1 AND request_id IS NULL AND expires_at > $2")
        .bind(&hash)
        .bind(now())
        .fetch_one(&mut *tx)
        .await?
        .try_get::<i64, _>("n")?;
    if open == 0 {
        return Ok(Err(FileRefusal::NotAccepted));
    }
    let already: i64 = sqlx::query("SELECT COUNT(*) AS n FROM request_files WHERE draft_token_hash = $1 AND field_id = $2")
        .bind(&hash)
        .bind(&field.id)
        .fetch_one(&mut *tx)
        .await?
        .try_get("n")?;
    let file_type = match check_upload(field, upload, already as usize) {
        Ok(file_type) => file_type,
        Err(refusal) => return Ok(Err(refusal)),
    };
    let info = FileInfo {
        id: random_token(),
        field: field.id.clone(),
        name: sanitise_file_name(&upload.name, file_type),
        media_type: file_type.media_type().to_string(),
        size: upload.bytes.len() as i64,
    };
    sqlx::query(
        "INSERT INTO request_files (public_id, draft_token_hash, field_id, file_name, media_type, size, content, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&info.id)
    .bind(&hash)
    .bind(&info.field)
    .bind(&info.name)
    .bind(&info.media_type)
    .bind(info.size)
    .bind(upload.bytes.clone())
    .bind(now())
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Ok(info))
}

/// Removes an upload from a draft that is not submitted; false when there was none.
pub async fn remove_draft_file(db: &Db, code: &str, file_id: &str) -> Result<bool, RequestError> {
    let result = sqlx::query(
        "DELETE FROM request_files WHERE public_id = $1 AND draft_token_hash = $2 \
         AND draft_token_hash IN (SELECT token_hash FROM request_drafts WHERE request_id IS NULL)",
    )
    .bind(file_id)
    .bind(sha256_hex(code))
    .execute(db.pool())
    .await?;
    Ok(result.rows_affected() == 1)
}
