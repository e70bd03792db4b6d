//! One module per route.

mod home;
mod legal;
mod not_found;

pub use home::HomePage;
pub use legal::{AccessibilityPage, ImprintPage, PrivacyPage};
pub use not_found::NotFoundPage;
