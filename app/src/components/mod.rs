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

/// Escapes `&`, `<` and `>` for a `<textarea>`'s content, which Leptos writes unescaped on the
/// server: without this, a typed `</textarea>` would end the field (and inject markup) and
/// `&amp;` would come back as `&`. Only for components rendered on the server alone (not
/// islands), where the browser never sees the escaped text as such.
pub fn textarea_content(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}
