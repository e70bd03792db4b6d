//! `sitemap.xml`: every public page in German and English, with `hreflang` alternates.

use super::paths::PageKind;
use super::snapshot::Snapshot;
use crate::i18n::Lang;
use std::fmt::Write;

/// Fixed pages as (German path, English path).
const FIXED: &[(&str, &str)] = &[
    ("/", "/en"),
    ("/leistungen", "/en/services"),
    ("/themen", "/en/topics"),
    ("/lebenslagen", "/en/life-situations"),
    ("/dienststellen", "/en/offices"),
    ("/barrierefreiheit", "/en/accessibility"),
    ("/leichte-sprache", "/en/easy-read"),
    ("/impressum", "/en/imprint"),
    ("/datenschutz", "/en/privacy"),
];

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The sitemap for the published catalogue; `base` is the public origin without a trailing
/// slash, e.g. `https://service.wolfsburg.de`.
pub fn sitemap_xml(snapshot: &Snapshot, base: &str) -> String {
    let mut pairs: Vec<(String, String)> = FIXED.iter().map(|(de, en)| (de.to_string(), en.to_string())).collect();
    let mut add = |kind: PageKind, slug_de: &str, slug_en: &str| {
        pairs.push((kind.href(Lang::De, slug_de, slug_en), kind.href(Lang::En, slug_de, slug_en)));
    };
    for s in &snapshot.services {
        add(PageKind::Service, &s.slug_de, &s.slug_en);
    }
    for t in &snapshot.topics {
        add(PageKind::Topic, &t.slug_de, &t.slug_en);
    }
    for l in &snapshot.life_situations {
        add(PageKind::LifeSituation, &l.slug_de, &l.slug_en);
    }
    for o in &snapshot.offices {
        add(PageKind::Office, &o.slug_de, &o.slug_en);
    }
    let base = escape(base.trim_end_matches('/'));
    let mut xml = String::with_capacity(pairs.len() * 400);
    xml.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
    for (de, en) in &pairs {
        for own in [de, en] {
            let _ = writeln!(
                xml,
                "<url><loc>{base}{own}</loc><xhtml:link rel=\"alternate\" hreflang=\"de\" href=\"{base}{de}\"/><xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"{base}{en}\"/></url>",
                own = escape(own),
                de = escape(de),
                en = escape(en),
            );
        }
    }
    xml.push_str("</urlset>\n");
    xml
}
