//! The TOTP second factor (RFC 6238, 6 digits, 30 s, SHA-1: what every authenticator app
//! speaks) with totp-rs, its QR code with the qrcode crate, and one-time recovery codes.

use crate::db::{Db, DbError};
use sha2::{Digest, Sha256};
use totp_rs::{Secret, Totp};

/// Shown as the issuer in authenticator apps.
pub const ISSUER: &str = "Rathaus Wolfsburg";
/// How many recovery codes a person gets.
pub const RECOVERY_CODES: usize = 10;

/// A fresh random secret, Base32 as authenticator apps take it.
pub fn new_secret() -> String {
    Secret::generate().to_base32()
}

fn totp(secret: &str, account: &str) -> Option<Totp> {
    let secret = Secret::try_from_base32(secret).ok()?;
    totp_rs::Builder::new()
        .with_secret(secret)
        .with_skew(1)
        .with_issuer(Some(ISSUER))
        .with_account_name(account)
        .build()
        .ok()
}

/// The `otpauth://` address an authenticator app reads from the QR code.
pub fn setup_url(secret: &str, account: &str) -> Option<String> {
    totp(secret, account)?.to_url().ok()
}

/// The QR code of `url` as an SVG document (dark modules on white, with the quiet zone).
pub fn qr_svg(url: &str) -> Option<String> {
    let code = qrcode::QrCode::new(url.as_bytes()).ok()?;
    Some(
        code.render::<qrcode::render::svg::Color<'_>>()
            .min_dimensions(200, 200)
            .dark_color(qrcode::render::svg::Color("#000000"))
            .light_color(qrcode::render::svg::Color("#ffffff"))
            .build(),
    )
}

/// The time step `code` is valid for now (one step of clock drift allowed either way).
pub fn check_code(secret: &str, code: &str) -> Option<u64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    totp(secret, "check")?.check_current(&code)
}

/// Accepts a code for account `user_id` once: a code whose step is not later than the last
/// accepted one is refused (replay). The step is recorded in the same statement.
pub async fn accept_code(db: &Db, user_id: i64, secret: &str, code: &str) -> Result<bool, DbError> {
    let Some(step) = check_code(secret, code) else { return Ok(false) };
    let step = i64::try_from(step).unwrap_or(i64::MAX);
    let updated = sqlx::query("UPDATE users SET totp_last_step = $1 WHERE id = $2 AND totp_last_step < $1")
        .bind(step)
        .bind(user_id)
        .execute(db.pool())
        .await?;
    Ok(updated.rows_affected() == 1)
}

/// The current code for `secret`, for tests and the command line.
pub fn current_code(secret: &str) -> Option<String> {
    Some(totp(secret, "now")?.generate_current().to_string())
}

/// Ten codes like `k7mq-x4tp`, from an alphabet without look-alikes.
pub fn new_recovery_codes() -> Vec<String> {
    use rand::Rng;
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut rng = rand::rngs::OsRng;
    let mut part = || (0..4).map(|_| char::from(ALPHABET[rng.gen_range(0..ALPHABET.len())])).collect::<String>();
    (0..RECOVERY_CODES).map(|_| format!("{}-{}", part(), part())).collect()
}

/// How recovery codes are stored: SHA-256 of the code without spaces or dashes, lower case.
/// The codes carry 39 random bits and every guess goes through the sign-in back-off; whoever
/// could read the hashes could read the TOTP secret beside them, so a slow hash would add nothing.
pub fn recovery_code_hash(code: &str) -> String {
    let normalized: String = code.chars().filter(|c| c.is_ascii_alphanumeric()).collect::<String>().to_lowercase();
    Sha256::digest(normalized.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_of_the_current_step_pass_and_garbage_fails() {
        let secret = new_secret();
        let code = current_code(&secret).unwrap();
        assert!(check_code(&secret, &code).is_some());
        assert!(check_code(&secret, &format!("{} {}", &code[..3], &code[3..])).is_some());
        assert!(check_code(&secret, "12345").is_none());
        assert!(check_code(&secret, "abcdef").is_none());
        assert!(check_code("not base32!", "123456").is_none());
    }

    #[test]
    fn setup_url_and_qr_code_name_the_issuer() {
        let secret = new_secret();
        let url = setup_url(&secret, "anna@wolfsburg.de").unwrap();
        assert!(url.starts_with("otpauth://totp/"), "{url}");
        assert!(url.contains("Rathaus"), "{url}");
        assert!(qr_svg(&url).unwrap().contains("<svg"));
    }

    #[test]
    fn recovery_codes_are_distinct_and_hash_the_same_however_typed() {
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODES);
        assert_eq!(codes.iter().collect::<std::collections::HashSet<_>>().len(), RECOVERY_CODES);
        assert_eq!(recovery_code_hash("abcd-efgh"), recovery_code_hash(" ABCD EFGH "));
    }
}
