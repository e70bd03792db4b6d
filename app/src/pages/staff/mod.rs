//! The staff area (`/verwaltung`): server-rendered pages with plain forms, no islands.

mod accounts;
mod frame;
mod home;
mod insight;
mod listing_editor;
mod listings;
mod sign_in;
mod transfer;

pub use frame::{staff_page, CsrfField, ErrorSummary, StaffFrame, StaffProblem, TextArea, TextField};
pub use accounts::AccountsPage;
pub use home::{AccountPage, StaffHomePage};
pub use listing_editor::{ListingEditorPage, ListingPreviewPage};
pub use listings::{ListingPage, ListingsPage};
pub use insight::{AuditPage, FeedbackListPage, SearchInsightPage};
pub use transfer::CatalogueTransferPage;
pub use sign_in::{RecoveryCodesPage, SecondFactorPage, SecondFactorSetupPage, SignInPage};
