//! The in-memory full-text index over the published catalogue (tantivy), built whole from a
//! snapshot: at start-up and whenever the catalogue changes.

use super::analysis::{folding_analyzer, stemmed, stemming_analyzer, terms};
use super::slot;
use super::spelling::Vocabulary;
use crate::catalogue::{Localized, PublishedService, SynonymGroups, Variant};
use crate::catalogue::Availability;
use crate::i18n::Lang;
use std::collections::HashMap;
use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, STRING};
use tantivy::{Index, IndexReader, ReloadPolicy, TantivyDocument};

/// The text fields of one language, from most to least telling.
#[derive(Clone, Copy, Debug)]
pub(super) struct LangFields {
    pub title: Field,
    pub synonyms: Field,
    pub parts: Field,
    pub teaser: Field,
    pub body: Field,
}

impl LangFields {
    /// Every field, for "does this term occur at all".
    pub fn all(&self) -> [Field; 5] {
        [self.title, self.synonyms, self.parts, self.teaser, self.body]
    }
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Fields {
    pub id: Field,
    pub topic: Field,
    pub online: Field,
    pub de: LangFields,
    pub en: LangFields,
}

impl Fields {
    pub fn of(&self, lang: Lang) -> LangFields {
        lang.pick(self.de, self.en)
    }
}

/// The value of the `online` field for services residents can request online.
pub(super) const ONLINE: &str = "yes";

/// The built index with what queries need besides it.
pub struct SearchIndex {
    pub(super) reader: IndexReader,
    pub(super) fields: Fields,
    /// Global synonyms per language: folded word → the other words of its groups.
    pub(super) synonyms: [HashMap<String, Vec<String>>; 2],
    /// Words of titles, synonyms and teasers per language, for "did you mean".
    pub(super) vocabulary: [Vocabulary; 2],
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex").field("documents", &self.reader.searcher().num_docs()).finish()
    }
}


fn text_field(schema: &mut tantivy::schema::SchemaBuilder, name: &str, lang: Lang) -> Field {
    let indexing = TextFieldIndexing::default().set_tokenizer(stemmed(lang)).set_index_option(IndexRecordOption::WithFreqs);
    schema.add_text_field(name, TextOptions::default().set_indexing_options(indexing))
}

fn lang_fields(schema: &mut tantivy::schema::SchemaBuilder, lang: Lang) -> LangFields {
    let code = lang.code();
    LangFields {
        title: text_field(schema, &format!("title_{code}"), lang),
        synonyms: text_field(schema, &format!("synonyms_{code}"), lang),
        parts: text_field(schema, &format!("parts_{code}"), lang),
        teaser: text_field(schema, &format!("teaser_{code}"), lang),
        body: text_field(schema, &format!("body_{code}"), lang),
    }
}

impl SearchIndex {
    /// Indexes `services`; a hit's id is the service's position in that slice.
    pub fn build(services: &[PublishedService], synonyms: &SynonymGroups) -> tantivy::Result<SearchIndex> {
        let mut schema = Schema::builder();
        let fields = Fields {
            id: schema.add_u64_field("id", FAST),
            topic: schema.add_text_field("topic", STRING),
            online: schema.add_text_field("online", STRING),
            de: lang_fields(&mut schema, Lang::De),
            en: lang_fields(&mut schema, Lang::En),
        };
        let index = Index::create_in_ram(schema.build());
        for lang in Lang::ALL {
            index.tokenizers().register(stemmed(lang), stemming_analyzer(lang));
        }
        let mut writer = index.writer_with_num_threads(1, 40_000_000)?;
        let mut folding = Lang::ALL.map(folding_analyzer);
        for (id, service) in services.iter().enumerate() {
            writer.add_document(document(&fields, &mut folding, id as u64, service))?;
        }
        writer.commit()?;
        drop(writer);
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        let vocabulary = Lang::ALL.map(|lang| Vocabulary::of(services, lang));
        let synonyms = [synonym_map(&synonyms.de, Lang::De), synonym_map(&synonyms.en, Lang::En)];
        Ok(SearchIndex { reader, fields, synonyms, vocabulary })
    }
}

/// One service as an index document.
fn document(fields: &Fields, folding: &mut [tantivy::tokenizer::TextAnalyzer; 2], id: u64, service: &PublishedService) -> TantivyDocument {
    let content = &service.content;
    let mut doc = TantivyDocument::new();
    doc.add_u64(fields.id, id);
    for topic in &content.topics {
        doc.add_text(fields.topic, topic);
    }
    if content.availability == Availability::Online {
        doc.add_text(fields.online, ONLINE);
    }
    for lang in Lang::ALL {
        let variant = Variant::from(lang);
        let f = fields.of(lang);
        let text = |l: &Localized| l.text(variant).to_string();
        let title = text(&content.title);
        let mut names = content.synonyms.iter().map(text).collect::<Vec<_>>();
        names.push(text(&content.official_title));
        if lang == Lang::De && !content.title.ls.is_empty() {
            names.push(content.title.ls.clone());
        }
        let names = names.join(" ");
        let parts = compound_parts(&mut folding[slot(lang)], &format!("{title} {names}"));
        let body = [text(&content.description)]
            .into_iter()
            .chain(content.requirements.iter().map(text))
            .chain(content.documents.iter().map(text))
            .chain(content.procedure.iter().map(text))
            .chain(content.costs.iter().map(|c| text(&c.label)))
            .collect::<Vec<_>>()
            .join("\n");
        doc.add_text(f.title, &title);
        doc.add_text(f.synonyms, &names);
        doc.add_text(f.parts, &parts);
        doc.add_text(f.teaser, text(&content.teaser));
        doc.add_text(f.body, &body);
    }
    doc
}

/// The shortest part of a compound word that is indexed on its own.
pub(super) const MIN_PART: usize = 4;

/// Beginnings and ends of the long words in `text`, so that "ausweis" finds
/// "Personalausweis" and "hund" finds "Hundesteuer": German compounds put the head last.
fn compound_parts(folding: &mut tantivy::tokenizer::TextAnalyzer, text: &str) -> String {
    let mut parts = String::new();
    for word in terms(folding, text) {
        let chars: Vec<char> = word.chars().collect();
        if chars.len() < 2 * MIN_PART - 1 {
            continue;
        }
        for len in MIN_PART..=chars.len() - 3 {
            parts.extend(chars[..len].iter());
            parts.push(' ');
            parts.extend(chars[chars.len() - len..].iter());
            parts.push(' ');
        }
    }
    parts
}

/// Folded word → the stems of the other words of every group it belongs to.
fn synonym_map(groups: &[Vec<String>], lang: Lang) -> HashMap<String, Vec<String>> {
    let mut folding = folding_analyzer(lang);
    let mut stemming = stemming_analyzer(lang);
    let mut map: HashMap<String, Vec<String>> = HashMap::new();
    for group in groups {
        let words: Vec<(String, String)> = group
            .iter()
            .filter_map(|w| Some((terms(&mut folding, w).into_iter().next()?, terms(&mut stemming, w).into_iter().next()?)))
            .collect();
        for (folded, stem) in &words {
            let others = map.entry(folded.clone()).or_default();
            others.extend(words.iter().map(|(_, s)| s).filter(|s| *s != stem).cloned());
            others.sort();
            others.dedup();
        }
    }
    map
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compounds_yield_their_head_and_modifier() {
        let parts = compound_parts(&mut folding_analyzer(Lang::De), "Personalausweis");
        let parts: Vec<&str> = parts.split_whitespace().collect();
        assert!(parts.contains(&"ausweis"));
        assert!(parts.contains(&"personal"));
        assert!(!parts.contains(&"personalausweis"));
        assert!(compound_parts(&mut folding_analyzer(Lang::De), "Hund Amt").is_empty());
    }
}
