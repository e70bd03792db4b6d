//! From what a resident typed to ranked services: each word may match exactly (stemmed), as a
//! part of a compound, with typos, through a synonym, or as the beginning of a word while
//! typing; titles weigh most, then synonyms, compound parts, teaser and full text.

use super::analysis::{folded_words, stem as stem_of};
use super::index::{LangFields, SearchIndex, MIN_PART, ONLINE};
use super::slot;
use super::spelling::typo_budget;
use crate::i18n::Lang;
use std::sync::Arc;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    AutomatonWeight, BooleanQuery, BoostQuery, DfaWrapper, DisjunctionMaxQuery, EnableScoring, FuzzyTermQuery, Occur, Query, TermQuery, Weight,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Searcher, Term};

/// Longest query text looked at; the rest is ignored.
const MAX_QUERY_BYTES: usize = 200;
/// Most words of a query looked at.
const MAX_WORDS: usize = 8;
/// Suggestions scoring below this share of the best one are left out.
const SUGGESTION_CUTOFF: f32 = 0.3;

/// What to look for.
#[derive(Clone, Debug)]
pub struct SearchQuery<'a> {
    /// The site's language.
    pub lang: Lang,
    /// What the resident typed.
    pub text: &'a str,
    /// Only services of this topic (German slug).
    pub topic: Option<&'a str>,
    /// Only services that can be requested online.
    pub online_only: bool,
    /// Hits to skip.
    pub offset: usize,
    /// Hits to return.
    pub limit: usize,
    /// The last word may be unfinished (suggestions while typing).
    pub as_you_type: bool,
}

/// One word of the query.
#[derive(Clone, Debug)]
struct Word {
    /// As typed.
    raw: String,
    /// Lower case, folded.
    folded: String,
    /// The stem; `None` for stop words.
    stem: Option<String>,
    /// Typed as such (not joined from a separable verb).
    typed: bool,
}

/// What a search found.
#[derive(Debug, Default)]
pub struct Found {
    /// Positions of the hits in the indexed slice of services, best first.
    pub ids: Vec<usize>,
    /// How many services match in all.
    pub total: usize,
    /// The query with likely typos corrected, when there were any.
    pub did_you_mean: Option<String>,
    /// Decides which words of a text to highlight.
    pub matcher: Matcher,
}

/// Recognises the words of a text that the query matched.
#[derive(Clone, Debug, Default)]
pub struct Matcher {
    lang: Lang,
    /// Stems of the query words and of their synonyms.
    stems: Vec<String>,
    /// Folded query words long enough to be found inside compounds.
    parts: Vec<String>,
    /// The last word while typing, matched as a beginning.
    prefix: Option<String>,
}

impl Matcher {
    /// Byte ranges of `text` to highlight.
    pub fn ranges(&self, text: &str) -> Vec<std::ops::Range<usize>> {
        folded_words(self.lang, text)
            .into_iter()
            .filter(|(folded, range)| {
                let stem = stem_of(self.lang, &text[range.clone()]);
                let exact_or_typo = stem.as_deref().is_some_and(|stem| {
                    self.stems.iter().any(|q| {
                        let budget = typo_budget(q.chars().count()) as usize;
                        q == stem || within_typos(q, stem, budget)
                    })
                });
                exact_or_typo
                    || self.parts.iter().any(|part| folded.contains(part.as_str()))
                    || self.prefix.as_deref().is_some_and(|prefix| folded.starts_with(prefix))
            })
            .map(|(_, range)| range)
            .collect()
    }
}

/// Whether `a` and `b` are at most `budget` edits apart. Words whose lengths differ by more
/// than the budget are told apart without the (allocating) edit distance: most words of a
/// highlighted text are.
fn within_typos(a: &str, b: &str, budget: usize) -> bool {
    budget > 0 && a.chars().count().abs_diff(b.chars().count()) <= budget && strsim::damerau_levenshtein(a, b) <= budget
}

/// Particles of German separable verbs: "ich melde mich an" means "anmelden".
const SEPARABLE_PARTICLES: [&str; 14] = ["an", "ab", "auf", "aus", "bei", "ein", "fest", "mit", "nach", "um", "vor", "weg", "zu", "zuruck"];

fn words(lang: Lang, text: &str) -> Vec<Word> {
    let mut end = text.len().min(MAX_QUERY_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let text = &text[..end];
    let mut words: Vec<Word> = folded_words(lang, text)
        .into_iter()
        .take(MAX_WORDS)
        .map(|(folded, range)| Word { raw: text[range.clone()].to_string(), stem: stem_of(lang, &text[range]), folded, typed: true })
        .collect();
    if lang == Lang::De {
        words.extend(separable_verbs(&words));
    }
    words
}

/// The verbs a German query splits: "ziehe … um" → "umziehe", each particle joined to the
/// content words before it.
fn separable_verbs(words: &[Word]) -> Vec<Word> {
    let mut joined = Vec::new();
    for (at, particle) in words.iter().enumerate().filter(|(_, w)| SEPARABLE_PARTICLES.contains(&w.folded.as_str())) {
        for verb in words[..at].iter().filter(|w| w.stem.is_some() && !SEPARABLE_PARTICLES.contains(&w.folded.as_str())) {
            let raw = format!("{}{}", particle.raw.to_lowercase(), verb.raw.to_lowercase());
            let stem = stem_of(Lang::De, &raw);
            joined.push(Word { folded: format!("{}{}", particle.folded, verb.folded), stem, raw, typed: false });
        }
    }
    joined
}

fn term(field: Field, text: &str, boost: f32) -> Box<dyn Query> {
    Box::new(BoostQuery::new(Box::new(TermQuery::new(Term::from_field_text(field, text), IndexRecordOption::WithFreqs)), boost))
}

/// Words within a few edits of a query word, in one field. The Levenshtein automaton is the
/// expensive part of typo matching, so the fields of a word share one.
#[derive(Clone)]
struct TypoQuery {
    field: Field,
    automaton: Arc<DfaWrapper>,
}

impl std::fmt::Debug for TypoQuery {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TypoQuery").field("field", &self.field).finish_non_exhaustive()
    }
}

impl Query for TypoQuery {
    fn weight(&self, _: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(AutomatonWeight::<DfaWrapper>::new(self.field, self.automaton.clone())))
    }
}

fn typos(field: Field, automaton: &Arc<DfaWrapper>, boost: f32) -> Box<dyn Query> {
    Box::new(BoostQuery::new(Box::new(TypoQuery { field, automaton: automaton.clone() }), boost))
}

fn prefix(field: Field, text: &str, boost: f32) -> Box<dyn Query> {
    Box::new(BoostQuery::new(Box::new(FuzzyTermQuery::new_prefix(Term::from_field_text(field, text), 0, true)), boost))
}

/// Whether some document has `text` in `field`.
fn occurs(searcher: &Searcher, field: Field, text: &str) -> bool {
    searcher.doc_freq(&Term::from_field_text(field, text)).unwrap_or(0) > 0
}

impl SearchIndex {
    /// Runs `query`.
    pub fn search(&self, query: &SearchQuery) -> tantivy::Result<Found> {
        let lang = query.lang;
        let words = words(lang, query.text);
        let unfinished = query.as_you_type && !query.text.ends_with(char::is_whitespace);
        let searcher = self.reader.searcher();
        let mut matcher = Matcher { lang, ..Matcher::default() };
        let mut clauses: Vec<Box<dyn Query>> = Vec::new();
        for (i, word) in words.iter().enumerate() {
            let as_prefix = unfinished && word.typed && words.get(i + 1).is_none_or(|next| !next.typed);
            if as_prefix {
                matcher.prefix = Some(word.folded.clone());
            }
            if let Some(clause) = self.word_query(&searcher, lang, word, as_prefix, &mut matcher)? {
                clauses.push(clause);
            }
        }
        if clauses.is_empty() || query.limit == 0 {
            return Ok(Found { matcher, ..Found::default() });
        }
        let mut parts: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, Box::new(BooleanQuery::union(clauses)))];
        if let Some(topic) = query.topic {
            parts.push((Occur::Must, Box::new(TermQuery::new(Term::from_field_text(self.fields.topic, topic), IndexRecordOption::Basic))));
        }
        if query.online_only {
            parts.push((Occur::Must, Box::new(TermQuery::new(Term::from_field_text(self.fields.online, ONLINE), IndexRecordOption::Basic))));
        }
        let query_all = BooleanQuery::new(parts);
        let top_docs = TopDocs::with_limit(query.limit).and_offset(query.offset).order_by_score();
        // Suggestions need no total, and without counting every match the top hits come faster.
        let (mut top, total) = if query.as_you_type {
            let top = searcher.search(&query_all, &top_docs)?;
            let total = top.len();
            (top, total)
        } else {
            searcher.search(&query_all, &(top_docs, Count))?
        };
        if query.as_you_type {
            // Suggestions show only the strong matches, not the long tail of weak ones.
            let best = top.first().map_or(0.0, |(score, _)| *score);
            top.retain(|(score, _)| *score >= best * SUGGESTION_CUTOFF);
        }
        let mut ids = Vec::with_capacity(top.len());
        for (_, address) in top {
            let column = searcher.segment_reader(address.segment_ord).fast_fields().u64("id")?;
            if let Some(id) = column.first(address.doc_id) {
                ids.push(id as usize);
            }
        }
        let did_you_mean = if query.as_you_type { None } else { self.correction(&searcher, lang, &words) };
        Ok(Found { ids, total, did_you_mean, matcher })
    }

    /// Every way one word may match, the best of them counting.
    fn word_query(&self, searcher: &Searcher, lang: Lang, word: &Word, as_prefix: bool, matcher: &mut Matcher) -> tantivy::Result<Option<Box<dyn Query>>> {
        let f = self.fields.of(lang);
        let mut ways: Vec<Box<dyn Query>> = Vec::new();
        if let Some(stem) = &word.stem {
            ways.extend([term(f.title, stem, 8.0), term(f.synonyms, stem, 5.0), term(f.parts, stem, 3.0), term(f.teaser, stem, 2.0), term(f.body, stem, 1.0)]);
            // A word the titles and synonyms contain as typed is no typo: looking for its
            // neighbours ("hund" → "fund") would only add noise, and cost time.
            let known = [f.title, f.synonyms, f.parts].iter().any(|&field| occurs(searcher, field, stem));
            let budget = if known { 0 } else { typo_budget(word.folded.chars().count()) };
            if budget > 0 {
                let automaton = Arc::new(FuzzyTermQuery::new(Term::from_field_text(f.title, stem), budget, true).automaton()?);
                ways.extend([typos(f.title, &automaton, 3.0), typos(f.synonyms, &automaton, 2.0)]);
                // Compound parts are short and many: one typo in a short word finds too much there.
                if budget > 1 {
                    ways.push(typos(f.parts, &automaton, 1.5));
                }
            }
            matcher.stems.push(stem.clone());
            if word.folded.chars().count() >= MIN_PART {
                matcher.parts.push(word.folded.clone());
            }
            for synonym in self.synonyms[slot(lang)].get(&word.folded).into_iter().flatten() {
                ways.extend([term(f.title, synonym, 5.0), term(f.synonyms, synonym, 3.0), term(f.parts, synonym, 2.0)]);
                matcher.stems.push(synonym.clone());
            }
            if lang == Lang::En {
                // German words on the English site: "Anmeldung", "Hundesteuer".
                if let Some(german) = stem_of(Lang::De, &word.raw) {
                    let de: LangFields = self.fields.de;
                    ways.extend([term(de.title, &german, 3.0), term(de.synonyms, &german, 2.0), term(de.parts, &german, 1.5)]);
                }
            }
        }
        if as_prefix && word.folded.chars().count() >= 2 {
            ways.extend([prefix(f.title, &word.folded, 4.0), prefix(f.synonyms, &word.folded, 2.0)]);
        }
        Ok((!ways.is_empty()).then(|| Box::new(DisjunctionMaxQuery::with_tie_breaker(ways, 0.1)) as Box<dyn Query>))
    }

    /// The query with each word the catalogue does not contain replaced by the nearest word
    /// it does; `None` when nothing needed replacing.
    fn correction(&self, searcher: &Searcher, lang: Lang, words: &[Word]) -> Option<String> {
        let f = self.fields.of(lang);
        let mut corrected = false;
        let mut out = Vec::with_capacity(words.len());
        for word in words.iter().filter(|w| w.typed) {
            let known = word.stem.as_ref().is_none_or(|stem| {
                f.all().iter().any(|&field| occurs(searcher, field, stem)) || self.synonyms[slot(lang)].contains_key(&word.folded)
            });
            match (known, self.vocabulary[slot(lang)].closest(&word.folded)) {
                (false, Some(replacement)) => {
                    corrected = true;
                    out.push(replacement.to_string());
                }
                _ => out.push(word.raw.to_lowercase()),
            }
        }
        corrected.then(|| out.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::within_typos;

    #[test]
    fn typos_are_counted_only_within_the_budget() {
        assert!(within_typos("antrag", "antarg", 1), "a swap is one edit");
        assert!(within_typos("fuhrerschein", "fuhrershein", 2));
        assert!(!within_typos("perso", "personalausweis", 1), "lengths too far apart");
        assert!(!within_typos("hund", "hand", 0), "no budget, no typo");
        assert!(!within_typos("ausweis", "auswahl", 1));
    }
}
