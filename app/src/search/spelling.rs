//! Typo budgets and "did you mean": the words residents see in titles, synonyms and teasers,
//! and the nearest of them to a word the index does not know.

use super::analysis::folded_words;
use crate::catalogue::{PublishedService, Variant};
use crate::i18n::Lang;
use std::collections::HashMap;

/// How many edits a word of `chars` letters may be away from a match: one from 4 letters,
/// two from 8.
pub fn typo_budget(chars: usize) -> u8 {
    match chars {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// Words as written in the catalogue, by folded form, with how often they occur.
#[derive(Debug, Default)]
pub struct Vocabulary {
    words: HashMap<String, (String, u32)>,
}

impl Vocabulary {
    /// The words of the titles, synonyms and teasers of `services` in `lang`.
    pub fn of(services: &[PublishedService], lang: Lang) -> Vocabulary {
        let variant = Variant::from(lang);
        let mut words: HashMap<String, (String, u32)> = HashMap::new();
        for service in services {
            let content = &service.content;
            let texts = [content.title.text(variant), content.teaser.text(variant)]
                .into_iter()
                .chain(content.synonyms.iter().map(|s| s.text(variant)));
            for text in texts {
                for (folded, range) in folded_words(lang, text) {
                    if folded.chars().count() < 3 || !folded.chars().all(char::is_alphabetic) {
                        continue;
                    }
                    let entry = words.entry(folded).or_insert_with(|| (text[range].to_lowercase(), 0));
                    entry.1 += 1;
                }
            }
        }
        Vocabulary { words }
    }

    /// The known word nearest to `folded` within its typo budget (fewest edits, then most
    /// frequent), as written in the catalogue.
    pub fn closest(&self, folded: &str) -> Option<&str> {
        let len = folded.chars().count();
        let budget = typo_budget(len) as usize;
        if budget == 0 {
            return None;
        }
        self.words
            .iter()
            .filter(|(candidate, _)| candidate.chars().count().abs_diff(len) <= budget)
            .filter_map(|(candidate, (written, count))| {
                let distance = strsim::damerau_levenshtein(folded, candidate);
                (distance > 0 && distance <= budget).then_some((distance, std::cmp::Reverse(*count), written.as_str()))
            })
            .min()
            .map(|(_, _, written)| written)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn budgets_follow_word_length() {
        assert_eq!(typo_budget(3), 0);
        assert_eq!(typo_budget(4), 1);
        assert_eq!(typo_budget(7), 1);
        assert_eq!(typo_budget(8), 2);
    }
}
