//! Generated requests for benchmarks and a living demo inbox: spread over the services with a
//! published form, the offices, every status and a year of submission dates, inserted in
//! batches inside one transaction.

use crate::db::{now, random_token, sha256_hex, Db, Row};
use crate::requests::date::Day;
use crate::requests::reference::new_reference;
use crate::requests::store::RequestError;

const FIRST: [&str; 12] = ["Anna", "Ben", "Clara", "Deniz", "Emil", "Fatma", "Greta", "Hannes", "Ida", "Jonas", "Leyla", "Mats"];
const LAST: [&str; 10] = ["Müller", "Schmidt", "Yılmaz", "Wagner", "Becker", "Hoffmann", "Kowalski", "Schulz", "Nguyen", "Richter"];
const STATUSES: [&str; 8] = ["received", "in_progress", "waiting", "completed", "completed", "rejected", "withdrawn", "in_progress"];
const BATCH: usize = 400;

fn title_of(slug: &str) -> String {
    let words = slug.replace('-', " ");
    let mut chars = words.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// Adds `count` generated requests (each with its "submitted" event); returns how many.
pub async fn seed_synthetic_requests(db: &Db, count: usize) -> Result<usize, RequestError> {
    let forms: Vec<(i64, i64, String)> = sqlx::query(
        "SELECT f.id, f.service_id, s.slug_de FROM form_versions f JOIN services s ON s.id = f.service_id WHERE f.status = 'published' ORDER BY f.id",
    )
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(|row| Ok((row.try_get("id")?, row.try_get("service_id")?, row.try_get("slug_de")?)))
    .collect::<Result<_, sqlx::Error>>()?;
    if forms.is_empty() || count == 0 {
        return Ok(0);
    }
    let offices: Vec<String> = sqlx::query("SELECT slug_de FROM offices ORDER BY id").fetch_all(db.pool()).await?.iter().map(|r| r.try_get("slug_de")).collect::<Result<_, _>>()?;
    let run = random_token();
    let started = now();
    let mut tx = db.begin_write().await?;
    for chunk in (0..count).collect::<Vec<_>>().chunks(BATCH) {
        let mut sql = String::from(
            "INSERT INTO requests (reference, pin_hash, idempotency_key, service_id, service_title, office_slug, form_version_id, lang, answers, \
             applicant_name, email, status, assignee, submitted_at, expected_day, updated_at) VALUES ",
        );
        let columns = 16;
        for (n, _) in chunk.iter().enumerate() {
            let base = n * columns;
            let marks: Vec<String> = (1..=columns).map(|k| format!("${}", base + k)).collect();
            sql.push_str(if n == 0 { "(" } else { ", (" });
            sql.push_str(&marks.join(", "));
            sql.push(')');
        }
        sql.push_str(" RETURNING id, applicant_name, reference");
        let mut query = sqlx::query(&sql);
        for &i in chunk {
            let (form_id, service_id, slug) = &forms[i % forms.len()];
            let submitted_at = started - ((i as i64 * 7919) % 365) * 86_400 - (i as i64 * 3631) % 86_400 - 60;
            let name = format!("{} {}", FIRST[i % FIRST.len()], LAST[(i / FIRST.len()) % LAST.len()]);
            let status = STATUSES[(i * 31 + i / 7) % STATUSES.len()];
            query = query
                .bind(new_reference(2026))
                .bind(sha256_hex(&random_token()))
                .bind(format!("synthetic-{run}-{i}"))
                .bind(*service_id)
                .bind(title_of(slug))
                .bind(offices.get(i % offices.len().max(1)).cloned().unwrap_or_default())
                .bind(*form_id)
                .bind(if i % 5 == 0 { "en" } else { "de" })
                .bind("{}")
                .bind(name)
                .bind("")
                .bind(status)
                .bind(None::<String>)
                .bind(submitted_at)
                .bind(Day::from_unix(submitted_at).plus(14).0)
                .bind(submitted_at);
        }
        let inserted = query
            .fetch_all(&mut *tx)
            .await?
            .iter()
            .map(|row| Ok((row.try_get("id")?, row.try_get("applicant_name")?, row.try_get("reference")?)))
            .collect::<Result<Vec<(i64, String, String)>, sqlx::Error>>()?;
        super::write_keys_of(&mut tx, &inserted).await?;
    }
    sqlx::query(
        "INSERT INTO request_events (request_id, at, kind, status, actor, message, internal) \
         SELECT id, submitted_at, 'submitted', 'received', 'resident', '', 0 FROM requests WHERE idempotency_key LIKE $1",
    )
    .bind(format!("synthetic-{run}-%"))
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(count)
}
