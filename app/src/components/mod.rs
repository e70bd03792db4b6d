//! Components shared by every page.

mod cards;
mod islands;
mod layout;
mod loader;
mod response;
mod search_box;
mod seo;

pub use islands::{bundle_href, IslandLoader};
pub use cards::{AvailabilityBadge, NavLinkList, ServiceList};
pub use layout::{Layout, SiteFooter, SiteHeader, SkipLink};
pub use loader::{load_page, ServerErrorPage};
pub use response::set_status;
pub use search_box::SearchBox;
pub use seo::{LanguageLinks, SiteOrigin};
