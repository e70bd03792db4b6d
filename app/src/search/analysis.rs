//! How texts and queries are cut into search terms, per language.
//!
//! German: lower case, stop words out, umlauts and their spellings folded together
//! (`ä` = `ae` = `a`, `ß` = `ss`), then the Snowball stemmer. English: lower case, stop words
//! out, accents folded, Snowball stemmer. The same analysis runs over the catalogue and over
//! what residents type, so "Fuehrerschein", "führerschein" and "Fuhrerschein" meet.

use super::slot;
use crate::i18n::Lang;
use std::cell::RefCell;
use std::mem;
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, StopWordFilter, TextAnalyzer, Token, TokenFilter,
    TokenStream, Tokenizer,
};

/// Name under which the stemming analyzer of a language is registered.
pub fn stemmed(lang: Lang) -> &'static str {
    lang.pick("de_stemmed", "en_stemmed")
}

/// The analyzer that turns text into the terms stored in the index.
pub fn stemming_analyzer(lang: Lang) -> TextAnalyzer {
    match lang {
        Lang::De => TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(48))
            .filter(LowerCaser)
            .filter(stop_words(Language::German))
            .filter(AsciiFoldingFilter)
            .filter(GermanFolding)
            .filter(Stemmer::new(Language::German))
            .build(),
        Lang::En => TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(48))
            .filter(LowerCaser)
            .filter(StopWordFilter::remove(ENGLISH_STOP_WORDS.map(String::from)))
            .filter(AsciiFoldingFilter)
            .filter(Stemmer::new(Language::English))
            .build(),
    }
}

/// The analyzer that only folds: the words as a resident would recognise them, for spelling
/// suggestions, typo budgets and compound parts.
pub fn folding_analyzer(lang: Lang) -> TextAnalyzer {
    match lang {
        Lang::De => TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(48))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .filter(GermanFolding)
            .build(),
        Lang::En => TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(48))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .build(),
    }
}

/// Words that say nothing about the service wanted. Tantivy's English list is Lucene's short
/// one; residents write whole questions ("how do I register my dog"), so this one is longer.
const ENGLISH_STOP_WORDS: [&str; 62] = [
    "a", "about", "an", "and", "are", "as", "at", "be", "but", "by", "can", "could", "do", "does", "for", "from", "get", "has", "have",
    "how", "i", "if", "in", "into", "is", "it", "its", "me", "my", "need", "no", "not", "of", "on", "or", "our", "please", "should",
    "so", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "want", "was", "we", "what", "when",
    "where", "which", "who", "will", "with", "would", "you", "your",
];

fn stop_words(language: Language) -> StopWordFilter {
    StopWordFilter::new(language).unwrap_or_else(|| StopWordFilter::remove(Vec::new()))
}

thread_local! {
    // Building an analyzer builds its stop-word set: do it once per thread, not per word.
    static STEMMING: RefCell<[TextAnalyzer; 2]> = RefCell::new(Lang::ALL.map(stemming_analyzer));
    static FOLDING: RefCell<[TextAnalyzer; 2]> = RefCell::new(Lang::ALL.map(folding_analyzer));
}

/// The stem of one word; `None` for a stop word.
pub fn stem(lang: Lang, word: &str) -> Option<String> {
    STEMMING.with(|analyzers| terms(&mut analyzers.borrow_mut()[slot(lang)], word).pop())
}

/// The folded words of `text` (stop words kept) with their byte ranges in `text`.
pub fn folded_words(lang: Lang, text: &str) -> Vec<(String, std::ops::Range<usize>)> {
    FOLDING.with(|analyzers| terms_with_offsets(&mut analyzers.borrow_mut()[slot(lang)], text))
}

/// The terms of `text`, in order.
pub fn terms(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut terms = Vec::new();
    while let Some(token) = stream.next() {
        terms.push(token.text.clone());
    }
    terms
}

/// The terms of `text` with their byte ranges in `text`.
pub fn terms_with_offsets(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(String, std::ops::Range<usize>)> {
    let mut stream = analyzer.token_stream(text);
    let mut terms = Vec::new();
    while let Some(token) = stream.next() {
        terms.push((token.text.clone(), token.offset_from..token.offset_to));
    }
    terms
}

/// Folds the two-letter spellings of umlauts in a lower-case, accent-free German word
/// ("fuehrerschein" → "fuhrerschein"), as tantivy's ASCII folding already turned "ü" into "u".
fn fold_digraphs(word: &str) -> String {
    let mut folded = String::with_capacity(word.len());
    let mut chars = word.chars().peekable();
    while let Some(c) = chars.next() {
        if matches!(c, 'a' | 'o' | 'u') && chars.peek() == Some(&'e') {
            chars.next();
        }
        folded.push(c);
    }
    folded
}

/// Token filter applying [`fold_digraphs`].
#[derive(Clone)]
struct GermanFolding;

impl TokenFilter for GermanFolding {
    type Tokenizer<T: Tokenizer> = GermanFoldingFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> GermanFoldingFilter<T> {
        GermanFoldingFilter { inner: tokenizer }
    }
}

#[derive(Clone)]
struct GermanFoldingFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for GermanFoldingFilter<T> {
    type TokenStream<'a> = GermanFoldingStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        GermanFoldingStream { tail: self.inner.token_stream(text) }
    }
}

struct GermanFoldingStream<T> {
    tail: T,
}

impl<T: TokenStream> TokenStream for GermanFoldingStream<T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        let folded = fold_digraphs(&token.text);
        let _ = mem::replace(&mut token.text, folded);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(lang: Lang, text: &str) -> Vec<String> {
        terms(&mut stemming_analyzer(lang), text)
    }

    #[test]
    fn german_spellings_meet() {
        assert_eq!(stems(Lang::De, "Führerschein"), stems(Lang::De, "Fuehrerschein"));
        assert_eq!(stems(Lang::De, "Führerschein"), stems(Lang::De, "fuhrerschein"));
        assert_eq!(stems(Lang::De, "Straße"), stems(Lang::De, "strasse"));
        assert_eq!(stems(Lang::De, "Sperrmüll"), stems(Lang::De, "Sperrmuell"));
    }

    #[test]
    fn german_inflections_meet() {
        assert_eq!(stems(Lang::De, "Hunde"), stems(Lang::De, "Hund"));
        assert_eq!(stems(Lang::De, "Anmeldungen"), stems(Lang::De, "Anmeldung"));
        assert_eq!(stems(Lang::En, "licences"), stems(Lang::En, "licence"));
    }

    #[test]
    fn stop_words_are_dropped() {
        assert_eq!(stems(Lang::De, "wie melde ich meinen Hund an"), stems(Lang::De, "melde Hund"));
        assert_eq!(stems(Lang::En, "how do I register my dog"), stems(Lang::En, "register dog"));
    }

    #[test]
    fn offsets_point_into_the_original_text() {
        let text = "Straße: Sperrmüll";
        let terms = terms_with_offsets(&mut folding_analyzer(Lang::De), text);
        assert_eq!(terms.len(), 2);
        assert_eq!(&text[terms[1].1.clone()], "Sperrmüll");
    }
}
