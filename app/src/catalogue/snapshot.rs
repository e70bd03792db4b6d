//! The published catalogue held in memory. Every resident page reads from here instead of the
//! database; the snapshot is rebuilt after each publish (and, with several instances, when
//! another instance published).

use super::db::{catalogue_version, load_taxonomy, published_services, CatalogueError, PublishedService, Taxonomy};
use super::model::{Catalogue, LifeSituation, Office, Topic, VersionStatus};
use super::text::sort_key;
use crate::db::Db;
use crate::search::SearchIndex;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

/// One consistent view of what residents see.
#[derive(Debug, Default)]
pub struct Snapshot {
    /// Published services, ordered by German title.
    pub services: Vec<PublishedService>,
    /// Topics in display order.
    pub topics: Vec<Topic>,
    /// Life situations in display order.
    pub life_situations: Vec<LifeSituation>,
    /// Offices ordered by German name.
    pub offices: Vec<Office>,
    /// Featured services (indexes into `services`).
    pub featured: Vec<usize>,
    /// The full-text index over `services`; `None` only before the first load.
    pub search: Option<SearchIndex>,
    by_slug: HashMap<String, usize>,
}

impl Snapshot {
    /// Builds the lookups and the search index over the loaded data.
    pub fn new(mut services: Vec<PublishedService>, taxonomy: Taxonomy) -> Result<Snapshot, CatalogueError> {
        let Taxonomy { featured, mut topics, mut life_situations, mut offices, synonyms } = taxonomy;
        services.sort_by_cached_key(|s| sort_key(&s.content.title.de));
        topics.sort_by_key(|t| t.position);
        life_situations.sort_by_key(|t| t.position);
        offices.sort_by_cached_key(|o| sort_key(&o.name.de));
        let by_slug = services
            .iter()
            .enumerate()
            .flat_map(|(i, s)| [(s.slug_de.clone(), i), (s.slug_en.clone(), i)])
            .collect::<HashMap<_, _>>();
        let featured = featured.iter().filter_map(|slug| by_slug.get(slug).copied()).collect();
        let search = SearchIndex::build(&services, &synonyms).map_err(|e| CatalogueError::Search(e.to_string()))?;
        Ok(Snapshot { services, topics, life_situations, offices, featured, search: Some(search), by_slug })
    }

    /// What residents would see of `catalogue` (its published versions), without a database:
    /// for tests and benchmarks.
    pub fn of_catalogue(catalogue: Catalogue) -> Result<Snapshot, CatalogueError> {
        let services = catalogue
            .services
            .into_iter()
            .filter_map(|service| {
                let version = service.versions.into_iter().rev().find(|v| v.status == VersionStatus::Published)?;
                Some(PublishedService {
                    slug_de: service.slug_de,
                    slug_en: service.slug_en,
                    version: version.number,
                    approved_at: version.approved_at,
                    approved_by: version.approved_by,
                    content: version.content,
                })
            })
            .collect();
        let taxonomy = Taxonomy {
            featured: catalogue.featured,
            topics: catalogue.topics,
            life_situations: catalogue.life_situations,
            offices: catalogue.offices,
            synonyms: catalogue.synonyms,
        };
        Snapshot::new(services, taxonomy)
    }

    /// The published service with this German or English slug.
    pub fn service(&self, slug: &str) -> Option<&PublishedService> {
        self.by_slug.get(slug).map(|&i| &self.services[i])
    }

    /// The topic with this German or English slug.
    pub fn topic(&self, slug: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.slug_de == slug || t.slug_en == slug)
    }

    /// The life situation with this German or English slug.
    pub fn life_situation(&self, slug: &str) -> Option<&LifeSituation> {
        self.life_situations.iter().find(|t| t.slug_de == slug || t.slug_en == slug)
    }

    /// The office with this German or English slug.
    pub fn office(&self, slug: &str) -> Option<&Office> {
        self.offices.iter().find(|t| t.slug_de == slug || t.slug_en == slug)
    }
}

/// The shared, swappable snapshot.
#[derive(Clone, Debug, Default)]
pub struct CatalogueCache {
    current: Arc<RwLock<Arc<Snapshot>>>,
    generation: Arc<AtomicU64>,
    version: Arc<RwLock<String>>,
}

impl CatalogueCache {
    /// Loads the published catalogue.
    pub async fn load(db: &Db) -> Result<CatalogueCache, CatalogueError> {
        let cache = CatalogueCache::default();
        cache.reload(db).await?;
        Ok(cache)
    }

    /// Reads the published catalogue again and swaps it in.
    pub async fn reload(&self, db: &Db) -> Result<(), CatalogueError> {
        // Read the marker first: a change racing with the load leaves an older marker, which
        // only causes one more reload.
        let version = catalogue_version(db).await?;
        let taxonomy = load_taxonomy(db).await?;
        let services = published_services(db).await?;
        // Indexing 10,000 services takes a second or two: keep it off the request threads.
        let snapshot = tokio::task::spawn_blocking(move || Snapshot::new(services, taxonomy))
            .await
            .map_err(|e| CatalogueError::Search(e.to_string()))??;
        match self.current.write() {
            Ok(mut current) => *current = Arc::new(snapshot),
            Err(poisoned) => *poisoned.into_inner() = Arc::new(snapshot),
        }
        match self.version.write() {
            Ok(mut current) => *current = version,
            Err(poisoned) => *poisoned.into_inner() = version,
        }
        self.generation.fetch_add(1, Ordering::Release);
        Ok(())
    }

    /// Reloads when the catalogue changed since the last load (a publish on another instance,
    /// or `rathaus import` beside a running server); says whether it did.
    pub async fn refresh_if_changed(&self, db: &Db) -> Result<bool, CatalogueError> {
        let stored = catalogue_version(db).await?;
        let loaded = match self.version.read() {
            Ok(version) => version.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        };
        if stored == loaded {
            return Ok(false);
        }
        self.reload(db).await?;
        Ok(true)
    }

    /// Counts the snapshots loaded so far: caches of rendered pages compare it to know they
    /// are stale.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// The current snapshot.
    pub fn get(&self) -> Arc<Snapshot> {
        match self.current.read() {
            Ok(current) => current.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }
}
