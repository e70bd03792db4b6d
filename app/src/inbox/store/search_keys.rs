//! The inbox's search index (`request_search_keys`, migration 012): every request's folded name
//! from each word on and its reference's code from each group on, so that a search by the start
//! of any name or code group is one range of the primary key on SQLite and PostgreSQL alike.
//! The folding happens here, in Rust, because SQLite's `LOWER` folds ASCII only. Each key also
//! carries how much of its start it shares with the request's earlier keys (so that a search
//! counts a request once without `DISTINCT`) and its request's filter and sort columns
//! (migration 014: copied from the request row when written, kept in step by a trigger).

use crate::db::{Db, Row};
use crate::requests::store::RequestError;
use sqlx::AnyConnection;

/// Requests whose keys are filled per transaction at start-up.
const FILL_BATCH: i64 = 500;
/// Keys per `INSERT` (three parameters each, well below every backend's limit).
const KEYS_PER_STATEMENT: usize = 400;

/// `text` in Unicode lowercase with every run of characters other than letters and digits made
/// one space, trimmed: "  Müller-LÜDENSCHEIDT " gives "müller lüdenscheidt".
pub fn fold(text: &str) -> String {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    words.join(" ")
}

/// One search key of a request.
#[derive(Debug, PartialEq, Eq)]
pub struct SearchKey {
    pub text: String,
    /// How many characters `text` shares at its start with an earlier key of the same request
    /// (the most with any one of them; 0 for the first key). A search of N characters reaches a
    /// request through exactly one key with `shared_prefix < N`: the first of its keys that
    /// starts with the search.
    pub shared_prefix: i64,
}

/// The keys of a request: its folded name from each word on, its reference's code (without the
/// year) from each group on; without duplicates.
pub fn keys(applicant_name: &str, reference: &str) -> Vec<SearchKey> {
    let mut keys: Vec<SearchKey> = Vec::new();
    for text in [fold(applicant_name), fold(reference.split_once('-').map_or("", |(_, code)| code))] {
        let words: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
        for start in 0..words.len() {
            let text = words[start..].join(" ");
            if keys.iter().all(|key| key.text != text) {
                let shared_prefix = keys.iter().map(|key| common_prefix(&key.text, &text)).max().unwrap_or(0);
                keys.push(SearchKey { text, shared_prefix });
            }
        }
    }
    keys
}

/// How many characters `a` and `b` share at their start.
fn common_prefix(a: &str, b: &str) -> i64 {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count() as i64
}

/// The first string after every string that starts with `prefix` (in code point order, which
/// is the byte order of UTF-8): its last character moved one on; `None` when there is none.
pub fn prefix_end(prefix: &str) -> Option<String> {
    let mut chars: Vec<char> = prefix.chars().collect();
    while let Some(last) = chars.pop() {
        let next = (last as u32 + 1..=char::MAX as u32).find_map(char::from_u32);
        if let Some(next) = next {
            chars.push(next);
            return Some(chars.into_iter().collect());
        }
    }
    None
}

/// Writes the keys of request `request_id` (inside the transaction that inserts it).
pub async fn write_search_keys(conn: &mut AnyConnection, request_id: i64, applicant_name: &str, reference: &str) -> Result<(), RequestError> {
    write_keys_of(conn, &[(request_id, applicant_name.to_string(), reference.to_string())]).await
}

/// Writes the keys of many requests, given as (id, applicant name, reference), a few hundred
/// keys per statement, with the filter columns of the stored requests.
pub async fn write_keys_of(conn: &mut AnyConnection, requests: &[(i64, String, String)]) -> Result<(), RequestError> {
    let rows: Vec<(SearchKey, i64)> = requests.iter().flat_map(|(id, name, reference)| keys(name, reference).into_iter().map(move |key| (key, *id))).collect();
    for chunk in rows.chunks(KEYS_PER_STATEMENT) {
        let marks: Vec<String> = (0..chunk.len()).map(|n| format!("(${}, ${}, ${})", 3 * n + 1, 3 * n + 2, 3 * n + 3)).collect();
        let sql = format!(
            "INSERT INTO request_search_keys \
             (search_key, request_id, shared_prefix, service_id, office_slug, status, assignee, submitted_at, expected_day) \
             SELECT k.column1, r.id, k.column3, r.service_id, r.office_slug, r.status, r.assignee, r.submitted_at, r.expected_day \
             FROM (VALUES {}) AS k JOIN requests r ON r.id = k.column2",
            marks.join(", ")
        );
        let query = chunk.iter().fold(sqlx::query(&sql), |query, (key, id)| query.bind(key.text.as_str()).bind(*id).bind(key.shared_prefix));
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

/// Gives every request without search keys its keys (requests stored before migration 012);
/// returns how many. Cheap when there are none: one pass over the key index.
pub async fn fill_search_keys(db: &Db) -> Result<usize, RequestError> {
    let (mut filled, mut after) = (0, 0_i64);
    loop {
        let rows = sqlx::query(
            "SELECT id, applicant_name, reference FROM requests r \
             WHERE id > $1 AND NOT EXISTS (SELECT 1 FROM request_search_keys k WHERE k.request_id = r.id) ORDER BY id LIMIT $2",
        )
        .bind(after)
        .bind(FILL_BATCH)
        .fetch_all(db.pool())
        .await?;
        let Some(last) = rows.last() else { return Ok(filled) };
        after = last.try_get("id")?;
        let requests = rows
            .iter()
            .map(|row| Ok((row.try_get("id")?, row.try_get("applicant_name")?, row.try_get("reference")?)))
            .collect::<Result<Vec<(i64, String, String)>, sqlx::Error>>()?;
        let mut tx = db.begin_write().await?;
        write_keys_of(&mut tx, &requests).await?;
        tx.commit().await?;
        filled += requests.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_references_fold_to_keys_from_each_word() {
        assert_eq!(fold("  Anna MÜLLER-Lüdenscheidt "), "anna müller lüdenscheidt");
        assert_eq!(fold("Ömer Yılmaz"), "ömer yılmaz");
        assert_eq!(fold("--"), "");
        let texts = |name: &str, reference: &str| keys(name, reference).into_iter().map(|key| (key.text, key.shared_prefix)).collect::<Vec<_>>();
        assert_eq!(
            texts("Anna Müller-Lüdenscheidt", "2026-ABCD-EFGH"),
            [("anna müller lüdenscheidt".into(), 0), ("müller lüdenscheidt".into(), 0), ("lüdenscheidt".into(), 0), ("abcd efgh".into(), 1), ("efgh".into(), 0)]
        );
        assert_eq!(texts("Anna Anna", "2026-ABCD-ABCD"), [("anna anna".into(), 0), ("anna".into(), 4), ("abcd abcd".into(), 1), ("abcd".into(), 4)]);
        // "anna" (4 characters) reaches this request through its first key only, "annab" (5)
        // through its second; "ä" is one character.
        assert_eq!(texts("Anna Annabell Ärger", ""), [("anna annabell ärger".into(), 0), ("annabell ärger".into(), 4), ("ärger".into(), 0)]);
        assert_eq!(texts("Ärmel Ärger", "")[1], ("ärger".into(), 2));
        assert_eq!(keys("", ""), Vec::<SearchKey>::new());
    }

    #[test]
    fn a_prefix_range_ends_after_every_continuation() {
        assert_eq!(prefix_end("anna m").as_deref(), Some("anna n"));
        assert_eq!(prefix_end("mü").as_deref(), Some("mý"));
        assert_eq!(prefix_end("a\u{d7ff}").as_deref(), Some("a\u{e000}"), "surrogates are skipped");
        assert_eq!(prefix_end("a\u{10ffff}").as_deref(), Some("b"));
        assert_eq!(prefix_end(""), None);
        let end = prefix_end("müller").unwrap();
        for key in ["müller", "müller hans", "müllerin", "müller\u{10ffff}"] {
            assert!(key >= "müller" && key < end.as_str(), "{key}");
        }
        assert!("müllr" >= end.as_str());
    }
}
