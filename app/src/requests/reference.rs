//! Reference numbers, PINs and resume codes: short, unambiguous (no 0/O, 1/I), in groups of
//! four, and random, so none can be guessed from another.

/// The 32 characters codes are written with: digits 2–9 and letters without I and O.
pub const ALPHABET: &[u8; 32] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/// Random characters from [`ALPHABET`] (5 bits each).
#[cfg(feature = "ssr")]
pub fn random_code(length: usize) -> String {
    use rand::Rng;
    let mut rng = rand::rngs::OsRng;
    (0..length).map(|_| char::from(ALPHABET[rng.gen_range(0..ALPHABET.len())])).collect()
}

/// A new reference number: the year and eight random characters (40 bits), `2026-K7M4-Q9XP`.
#[cfg(feature = "ssr")]
pub fn new_reference(year: i64) -> String {
    format!("{year}-{}", group(&random_code(8)))
}

/// A new PIN for tracking: eight random characters (40 bits), `7KQM-4XPA`.
#[cfg(feature = "ssr")]
pub fn new_pin() -> String {
    group(&random_code(8))
}

/// A new resume code of a draft: sixteen random characters (80 bits).
#[cfg(feature = "ssr")]
pub fn new_resume_code() -> String {
    group(&random_code(16))
}

/// Writes a code in groups of four separated by `-`.
pub fn group(code: &str) -> String {
    code.as_bytes().chunks(4).map(|chunk| String::from_utf8_lossy(chunk).into_owned()).collect::<Vec<_>>().join("-")
}

/// Reads a code however it was typed: any case, with or without spaces and dashes. `None`
/// when it has other characters or the wrong length.
pub fn normalise_code(typed: &str, length: usize) -> Option<String> {
    let code: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    (code.chars().count() == length && code.bytes().all(|b| ALPHABET.contains(&b))).then(|| group(&code))
}

/// Reads a reference number as typed (`2026 k7m4 q9xp`); `None` when it cannot be one.
pub fn normalise_reference(typed: &str) -> Option<String> {
    let typed = typed.trim();
    let year: String = typed.chars().take(4).collect();
    if year.len() != 4 || !year.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let rest: String = typed.chars().skip(4).collect();
    normalise_code(&rest, 8).map(|code| format!("{year}-{code}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_grouped_unambiguous_and_forgiving() {
        let reference = new_reference(2026);
        assert_eq!(reference.len(), "2026-XXXX-XXXX".len());
        assert!(!reference[5..].contains(['0', 'O', '1', 'I']));
        assert_eq!(normalise_reference(&reference.to_lowercase().replace('-', " ")), Some(reference.clone()));
        assert_eq!(normalise_reference("2026-ABCD-EFG"), None);
        assert_eq!(normalise_reference("abcd-ABCD-EFGH"), None);
        assert_eq!(normalise_code("abcd efgh", 8).as_deref(), Some("ABCD-EFGH"));
        assert_eq!(new_resume_code().len(), 19);
        assert_ne!(new_pin(), new_pin());
    }
}
