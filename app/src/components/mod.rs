//! Components shared by every page.

mod layout;
mod response;

pub use layout::{Layout, SiteFooter, SiteHeader, SkipLink};
pub use response::set_status;
