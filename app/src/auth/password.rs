//! Password rules and hashing with Argon2id (OWASP parameters: 19 MiB, 2 passes, 1 lane).

use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use rand::Rng;

/// The shortest password accepted. Length is the only composition rule (NIST SP 800-63B).
pub const MIN_PASSWORD_LEN: usize = 12;

/// Passwords that are too common to protect anything, checked case-insensitively.
const COMMON_PASSWORDS: &[&str] = &[
    "123456789012", "1234567890123", "passwort1234", "password1234", "qwertzuiopas",
    "qwertyuiopas", "hallo1234567", "wolfsburg123", "wolfsburg1234", "sommer202612",
    "passwortpasswort", "passwordpassword", "aaaaaaaaaaaa", "111111111111", "000000000000",
    "iloveyou1234", "administrator", "administrator1", "willkommen123", "welcome12345",
];

/// Why a password was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PasswordError {
    /// Shorter than [`MIN_PASSWORD_LEN`] characters.
    #[error("the password must have at least {MIN_PASSWORD_LEN} characters")]
    TooShort,
    /// On the list of common passwords.
    #[error("this password is too common; choose another")]
    TooCommon,
    /// The hashing library failed (should not happen with valid parameters).
    #[error("the password could not be hashed")]
    Hashing,
}

fn argon2() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Checks the rules and returns the PHC-format Argon2id hash of `password`.
/// Slow on purpose (tens of milliseconds): call it from `spawn_blocking` in request handlers.
pub fn hash_password(password: &str) -> Result<String, PasswordError> {
    if password.chars().count() < MIN_PASSWORD_LEN {
        return Err(PasswordError::TooShort);
    }
    let lowered = password.to_lowercase();
    if COMMON_PASSWORDS.contains(&lowered.as_str()) {
        return Err(PasswordError::TooCommon);
    }
    let salt = SaltString::generate(&mut OsRng);
    argon2()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|_| PasswordError::Hashing)
}

/// Whether `password` matches a hash made by [`hash_password`].
pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| argon2().verify_password(password.as_bytes(), &parsed).is_ok())
        .unwrap_or(false)
}

/// A random password of 20 characters from an alphabet without look-alikes (no 0/O, 1/l/I).
pub fn generate_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::rngs::OsRng;
    (0..20).map(|_| char::from(ALPHABET[rng.gen_range(0..ALPHABET.len())])).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_and_wrong_passwords_fail() {
        let hash = hash_password("korrekt pferd batterie").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("korrekt pferd batterie", &hash));
        assert!(!verify_password("korrekt pferd batteri", &hash));
        assert!(!verify_password("anything", "not a hash"));
    }

    #[test]
    fn short_and_common_passwords_are_refused() {
        assert_eq!(hash_password("kurz"), Err(PasswordError::TooShort));
        assert_eq!(hash_password("Wolfsburg123"), Err(PasswordError::TooCommon));
    }

    #[test]
    fn generated_passwords_meet_the_rules() {
        let password = generate_password();
        assert_eq!(password.len(), 20);
        assert!(hash_password(&password).is_ok());
    }
}
