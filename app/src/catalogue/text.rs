//! Sorting and grouping titles the way German readers expect (Ä with A, ß with s).

/// The key titles are sorted by: lower case, umlauts folded to their base letter.
pub fn sort_key(title: &str) -> String {
    title.chars().flat_map(char::to_lowercase).map(fold).collect()
}

/// The letter a title is filed under in the A–Z ("Ärztlicher …" under A; digits under #).
pub fn initial(title: &str) -> char {
    match title.chars().flat_map(char::to_uppercase).map(fold).find(|c| c.is_alphanumeric()) {
        Some(c) if c.is_ascii_alphabetic() => c,
        _ => '#',
    }
}

fn fold(c: char) -> char {
    match c {
        'ä' => 'a',
        'ö' => 'o',
        'ü' => 'u',
        'ß' => 's',
        'Ä' => 'A',
        'Ö' => 'O',
        'Ü' => 'U',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn umlauts_sort_and_file_with_their_base_letter() {
        assert_eq!(initial("Änderung des Namens"), 'A');
        assert_eq!(initial("115-Service"), '#');
        let mut titles = vec!["Zulassung", "Ärztliche Bescheinigung", "Abmeldung"];
        titles.sort_by_key(|t| sort_key(t));
        assert_eq!(titles, ["Abmeldung", "Ärztliche Bescheinigung", "Zulassung"]);
    }
}
