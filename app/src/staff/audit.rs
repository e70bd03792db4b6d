//! The audit log: an append-only record of every staff action and sign-in event (who, what,
//! when, and a summary of before and after). The database refuses changes and deletes.

use serde::{Deserialize, Serialize};

/// One entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// Running number.
    pub id: i64,
    /// When (Unix seconds).
    pub at: i64,
    /// Who: the staff member's email, or the address typed at a failed sign-in.
    pub actor: String,
    /// What, as a stable key such as `sign_in` or `service.publish`.
    pub action: String,
    /// On what, e.g. a service slug or an account.
    pub subject: String,
    /// Before and after, in words.
    pub summary: String,
}

/// Which entries to show.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditFilter {
    /// Part of the actor's email.
    pub actor: String,
    /// Exact action key, empty for all.
    pub action: String,
    /// Part of the subject.
    pub subject: String,
    /// Page, from 1.
    pub page: usize,
}

/// Entries per page.
pub const AUDIT_PAGE_SIZE: usize = 50;

/// The German description of an action key.
pub fn action_label(action: &str) -> &str {
    match action {
        "sign_in" => "Angemeldet",
        "sign_in_failed" => "Anmeldung fehlgeschlagen",
        "sign_out" => "Abgemeldet",
        "sign_out_everywhere" => "Überall abgemeldet",
        "second_factor.enabled" => "Zweiten Faktor eingerichtet",
        "recovery_code.used" => "Wiederherstellungscode benutzt",
        "second_factor.reset" => "Zweiten Faktor zurückgesetzt",
        "user.create" => "Konto angelegt",
        "user.password" => "Passwort geändert",
        "user.roles" => "Rollen geändert",
        "user.disable" => "Konto gesperrt",
        "user.enable" => "Konto entsperrt",
        "service.create" => "Leistung angelegt",
        "service.save" => "Entwurf gespeichert",
        "service.submit" => "Zur Prüfung gegeben",
        "service.return" => "Zur Überarbeitung zurückgegeben",
        "service.publish" => "Veröffentlicht",
        "service.archive" => "Offline genommen",
        "service.restore" => "Alte Version wiederhergestellt",
        "topic.save" => "Thema gespeichert",
        "topic.delete" => "Thema gelöscht",
        "life_situation.save" => "Lebenslage gespeichert",
        "life_situation.delete" => "Lebenslage gelöscht",
        "office.save" => "Dienststelle gespeichert",
        "office.delete" => "Dienststelle gelöscht",
        "synonyms.save" => "Synonyme gespeichert",
        "featured.save" => "Startseite gespeichert",
        "catalogue.import" => "Katalog importiert",
        "catalogue.export" => "Katalog exportiert",
        "request.assign" => "Antrag zugewiesen",
        "request.status" => "Antragsstand geändert",
        "request.ask" => "Nachfrage an Antragsteller/in",
        "request.note" => "Interne Notiz zum Antrag",
        "request.file" => "Datei eines Antrags geladen",
        "requests.export" => "Antragsliste exportiert",
        "canned_reply.save" => "Antwortvorlage gespeichert",
        "canned_reply.delete" => "Antwortvorlage gelöscht",
        other => other,
    }
}

#[cfg(feature = "ssr")]
pub use db::*;

#[cfg(feature = "ssr")]
mod db {
    use super::*;
    use crate::db::{now, Db, DbError, Row};

    /// Appends an entry. Summaries are cut to 4,000 characters.
    pub async fn record(db: &Db, actor: &str, action: &str, subject: &str, summary: &str) -> Result<(), DbError> {
        let summary: String = summary.chars().take(4000).collect();
        sqlx::query("INSERT INTO audit_log (at, actor, action, subject, summary) VALUES ($1, $2, $3, $4, $5)")
            .bind(now())
            .bind(actor.chars().take(254).collect::<String>())
            .bind(action)
            .bind(subject.chars().take(500).collect::<String>())
            .bind(summary)
            .execute(db.pool())
            .await?;
        Ok(())
    }

    /// A page of entries, newest first, and how many match in all.
    pub async fn list(db: &Db, filter: &AuditFilter) -> Result<(Vec<AuditEntry>, i64), DbError> {
        let actor = format!("%{}%", escape_like(&filter.actor.to_lowercase()));
        let subject = format!("%{}%", escape_like(&filter.subject));
        let condition = "LOWER(actor) LIKE $1 ESCAPE '\\' AND subject LIKE $2 ESCAPE '\\' AND ($3 = '' OR action = $3)";
        let total: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM audit_log WHERE {condition}"))
            .bind(&actor)
            .bind(&subject)
            .bind(&filter.action)
            .fetch_one(db.pool())
            .await?;
        let offset = (filter.page.max(1) - 1) * AUDIT_PAGE_SIZE;
        let rows = sqlx::query(&format!(
            "SELECT id, at, actor, action, subject, summary FROM audit_log WHERE {condition} ORDER BY id DESC LIMIT {AUDIT_PAGE_SIZE} OFFSET {offset}"
        ))
        .bind(&actor)
        .bind(&subject)
        .bind(&filter.action)
        .fetch_all(db.pool())
        .await?;
        let entries = rows
            .iter()
            .map(|row| {
                Ok(AuditEntry {
                    id: row.try_get("id")?,
                    at: row.try_get("at")?,
                    actor: row.try_get("actor")?,
                    action: row.try_get("action")?,
                    subject: row.try_get("subject")?,
                    summary: row.try_get("summary")?,
                })
            })
            .collect::<Result<Vec<_>, sqlx::Error>>()?;
        Ok((entries, total))
    }

    /// `text` with LIKE's wildcards taken literally.
    pub fn escape_like(text: &str) -> String {
        text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
    }
}
