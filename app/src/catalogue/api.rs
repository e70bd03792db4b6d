//! What catalogue pages show, and the server functions that read it from the in-memory
//! snapshot of the published catalogue.

use super::hours::OpenStatus;
use super::model::{Availability, Office, ServiceContent};
use crate::error::AppError;
use crate::i18n::Lang;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A service in a list: link, title, teaser and how it can be requested.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceCard {
    /// The service page.
    pub href: String,
    /// Citizen title.
    pub title: String,
    /// One or two sentences.
    pub teaser: String,
    /// Online, appointment or in person.
    pub availability: Availability,
}

/// A link to a topic, life situation or office, with a line of description.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NavLink {
    /// Target page.
    pub href: String,
    /// Link text.
    pub title: String,
    /// One sentence.
    pub description: String,
}

/// Topics, life situations, offices and featured services: the home page and index pages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Overview {
    /// Topics in display order.
    pub topics: Vec<NavLink>,
    /// Top-level life situations.
    pub life_situations: Vec<NavLink>,
    /// Offices by name.
    pub offices: Vec<NavLink>,
    /// Frequently requested services.
    pub featured: Vec<ServiceCard>,
    /// How many services are published.
    pub service_count: usize,
}

/// A page listing services: a topic, a life situation, or the A–Z.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Listing {
    /// Heading.
    pub title: String,
    /// Introduction.
    pub description: String,
    /// This page.
    pub href: String,
    /// The same page in the other language.
    pub alternate_href: String,
    /// The broader life situation, if any.
    pub parent: Option<NavLink>,
    /// Narrower life situations.
    pub children: Vec<NavLink>,
    /// The services, by title.
    pub services: Vec<ServiceCard>,
}

/// An office with its page link and whether it is open now.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OfficeSummary {
    /// The office page.
    pub href: String,
    /// Everything about the office.
    pub office: Office,
    /// Open now?
    pub status: OpenStatus,
}

/// Everything the service page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServicePage {
    /// German slug.
    pub slug_de: String,
    /// English slug.
    pub slug_en: String,
    /// This page.
    pub href: String,
    /// The page in the other language.
    pub alternate_href: String,
    /// The Leichte Sprache version, when one is written.
    pub easy_read_href: Option<String>,
    /// Texts and facts.
    pub content: ServiceContent,
    /// When the published version was approved (Unix seconds).
    pub approved_at: Option<i64>,
    /// Who approved it.
    pub approved_by: Option<String>,
    /// Responsible offices.
    pub offices: Vec<OfficeSummary>,
    /// Topics the service is listed under.
    pub topics: Vec<NavLink>,
    /// The start page of its online request, when it has a live form.
    #[serde(default)]
    pub request_href: Option<String>,
}

/// Everything the office page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OfficePage {
    /// The office with its status.
    pub summary: OfficeSummary,
    /// The page in the other language.
    pub alternate_href: String,
    /// Services handled there.
    pub services: Vec<ServiceCard>,
}

/// Topics, life situations, offices and featured services.
#[server]
pub async fn get_overview(lang: Lang) -> Result<Overview, AppError> {
    let snapshot = ssr::snapshot()?;
    Ok(ssr::overview(&snapshot, lang))
}

/// Every published service, A to Z.
#[server]
pub async fn get_a_to_z(lang: Lang) -> Result<Listing, AppError> {
    let snapshot = ssr::snapshot()?;
    Ok(ssr::a_to_z(&snapshot, lang))
}

/// A topic page; `None` when there is no such topic.
#[server]
pub async fn get_topic(lang: Lang, slug: String) -> Result<Option<Listing>, AppError> {
    let snapshot = ssr::snapshot()?;
    Ok(ssr::topic(&snapshot, lang, &slug))
}

/// A life-situation page; `None` when there is no such life situation.
#[server]
pub async fn get_life_situation(lang: Lang, slug: String) -> Result<Option<Listing>, AppError> {
    let snapshot = ssr::snapshot()?;
    Ok(ssr::life_situation(&snapshot, lang, &slug))
}

/// A service page; `None` when no published service has this slug.
#[server]
pub async fn get_service(lang: Lang, slug: String) -> Result<Option<ServicePage>, AppError> {
    let snapshot = ssr::snapshot()?;
    let Some(mut page) = ssr::service(&snapshot, lang, &slug, crate::db::now()) else { return Ok(None) };
    let db = use_context::<crate::db::Db>().ok_or_else(|| AppError::internal("no database in context"))?;
    let form = crate::requests::store::live_form_by_slug(&db, &page.slug_de).await.map_err(AppError::internal)?;
    page.request_href = form.map(|_| crate::requests::paths::start(lang, &page.slug_de, &page.slug_en));
    Ok(Some(page))
}

/// An office page; `None` when there is no such office.
#[server]
pub async fn get_office(lang: Lang, slug: String) -> Result<Option<OfficePage>, AppError> {
    let snapshot = ssr::snapshot()?;
    Ok(ssr::office(&snapshot, lang, &slug, crate::db::now()))
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::*;
    use crate::catalogue::db::PublishedService;
    use crate::catalogue::hours::open_status;
    use crate::catalogue::model::{LifeSituation, Topic, Variant};
    use crate::catalogue::paths::{easy_read_href, PageKind};
    use crate::catalogue::snapshot::{CatalogueCache, Snapshot};
    use leptos_i18n::td_string;
    use std::sync::Arc;

    pub fn snapshot() -> Result<Arc<Snapshot>, AppError> {
        use_context::<CatalogueCache>().map(|cache| cache.get()).ok_or_else(|| AppError::internal("no catalogue cache in context"))
    }

    pub fn card(service: &PublishedService, lang: Lang) -> ServiceCard {
        let variant = Variant::from(lang);
        ServiceCard {
            href: PageKind::Service.href(lang, &service.slug_de, &service.slug_en),
            title: service.content.title.text(variant).to_string(),
            teaser: service.content.teaser.text(variant).to_string(),
            availability: service.content.availability,
        }
    }

    fn topic_link(topic: &Topic, lang: Lang) -> NavLink {
        NavLink {
            href: PageKind::Topic.href(lang, &topic.slug_de, &topic.slug_en),
            title: topic.name.text(lang.into()).to_string(),
            description: topic.description.text(lang.into()).to_string(),
        }
    }

    fn situation_link(situation: &LifeSituation, lang: Lang) -> NavLink {
        NavLink {
            href: PageKind::LifeSituation.href(lang, &situation.slug_de, &situation.slug_en),
            title: situation.name.text(lang.into()).to_string(),
            description: situation.description.text(lang.into()).to_string(),
        }
    }

    fn office_summary(office: &Office, lang: Lang, now: i64) -> OfficeSummary {
        OfficeSummary {
            href: PageKind::Office.href(lang, &office.slug_de, &office.slug_en),
            office: office.clone(),
            status: open_status(office, now),
        }
    }

    fn cards<'a>(services: impl Iterator<Item = &'a PublishedService>, lang: Lang) -> Vec<ServiceCard> {
        let mut cards: Vec<ServiceCard> = services.map(|s| card(s, lang)).collect();
        cards.sort_by_cached_key(|c| crate::catalogue::text::sort_key(&c.title));
        cards
    }

    pub fn overview(snapshot: &Snapshot, lang: Lang) -> Overview {
        Overview {
            topics: snapshot.topics.iter().map(|t| topic_link(t, lang)).collect(),
            life_situations: snapshot
                .life_situations
                .iter()
                .filter(|s| s.parent.is_none())
                .map(|s| situation_link(s, lang))
                .collect(),
            offices: snapshot
                .offices
                .iter()
                .map(|o| NavLink {
                    href: PageKind::Office.href(lang, &o.slug_de, &o.slug_en),
                    title: o.name.text(lang.into()).to_string(),
                    description: format!("{}, {} {}", o.street, o.postcode, o.city),
                })
                .collect(),
            featured: snapshot.featured.iter().map(|&i| card(&snapshot.services[i], lang)).collect(),
            service_count: snapshot.services.len(),
        }
    }

    pub fn a_to_z(snapshot: &Snapshot, lang: Lang) -> Listing {
        Listing {
            title: td_string!(lang.locale(), listing.a_to_z_title).into(),
            description: td_string!(lang.locale(), listing.a_to_z_description).into(),
            href: PageKind::Service.prefix(lang).into(),
            alternate_href: PageKind::Service.prefix(lang.other()).into(),
            parent: None,
            children: vec![],
            services: cards(snapshot.services.iter(), lang),
        }
    }

    pub fn topic(snapshot: &Snapshot, lang: Lang, slug: &str) -> Option<Listing> {
        let topic = snapshot.topic(slug)?;
        let link = topic_link(topic, lang);
        Some(Listing {
            title: link.title,
            description: link.description,
            href: link.href,
            alternate_href: PageKind::Topic.href(lang.other(), &topic.slug_de, &topic.slug_en),
            parent: None,
            children: vec![],
            services: cards(snapshot.services.iter().filter(|s| s.content.topics.contains(&topic.slug_de)), lang),
        })
    }

    pub fn life_situation(snapshot: &Snapshot, lang: Lang, slug: &str) -> Option<Listing> {
        let situation = snapshot.life_situation(slug)?;
        let link = situation_link(situation, lang);
        let children: Vec<&LifeSituation> =
            snapshot.life_situations.iter().filter(|s| s.parent.as_deref() == Some(situation.slug_de.as_str())).collect();
        let belongs = |service: &&PublishedService| {
            service.content.life_situations.iter().any(|s| *s == situation.slug_de || children.iter().any(|c| c.slug_de == *s))
        };
        Some(Listing {
            title: link.title,
            description: link.description,
            href: link.href,
            alternate_href: PageKind::LifeSituation.href(lang.other(), &situation.slug_de, &situation.slug_en),
            parent: situation.parent.as_deref().and_then(|p| snapshot.life_situation(p)).map(|p| situation_link(p, lang)),
            children: children.iter().map(|c| situation_link(c, lang)).collect(),
            services: cards(snapshot.services.iter().filter(belongs), lang),
        })
    }

    pub fn service(snapshot: &Snapshot, lang: Lang, slug: &str, now: i64) -> Option<ServicePage> {
        let service = snapshot.service(slug)?;
        Some(service_page(snapshot, lang, service, now))
    }

    /// The page of `service` (published, or a staff preview of a draft) with the offices and
    /// topics of `snapshot`.
    pub fn service_page(snapshot: &Snapshot, lang: Lang, service: &PublishedService, now: i64) -> ServicePage {
        let content = &service.content;
        ServicePage {
            slug_de: service.slug_de.clone(),
            slug_en: service.slug_en.clone(),
            href: PageKind::Service.href(lang, &service.slug_de, &service.slug_en),
            alternate_href: PageKind::Service.href(lang.other(), &service.slug_de, &service.slug_en),
            easy_read_href: (!content.title.ls.is_empty()).then(|| easy_read_href(&service.slug_de)),
            content: content.clone(),
            approved_at: service.approved_at,
            approved_by: service.approved_by.clone(),
            offices: content.offices.iter().filter_map(|o| snapshot.office(o)).map(|o| office_summary(o, lang, now)).collect(),
            topics: content.topics.iter().filter_map(|t| snapshot.topic(t)).map(|t| topic_link(t, lang)).collect(),
            request_href: None,
        }
    }

    pub fn office(snapshot: &Snapshot, lang: Lang, slug: &str, now: i64) -> Option<OfficePage> {
        let office = snapshot.office(slug)?;
        Some(OfficePage {
            summary: office_summary(office, lang, now),
            alternate_href: PageKind::Office.href(lang.other(), &office.slug_de, &office.slug_en),
            services: cards(snapshot.services.iter().filter(|s| s.content.offices.contains(&office.slug_de)), lang),
        })
    }
}
