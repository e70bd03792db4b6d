//! The staff area (`/verwaltung`): server-rendered pages with plain forms, no islands.

mod accounts;
mod charts;
mod dashboard;
mod dashboard_insight;
mod canned_replies;
mod form_editor;
mod forms;
mod frame;
mod home;
mod inbox;
mod inbox_request;
mod insight;
mod listing_editor;
mod listings;
mod offices;
mod review;
mod sign_in;
mod taxonomy;
mod transfer;

pub use frame::{staff_page, CsrfField, ErrorSummary, StaffFrame, StaffProblem, TextArea, TextField};
pub use accounts::AccountsPage;
pub use dashboard::DashboardPage;
pub use form_editor::{FormFieldPage, FormPageEditPage, FormPreviewPage};
pub use forms::{FormBuilderPage, FormsPage};
pub use home::{AccountPage, StaffHomePage};
pub use canned_replies::CannedRepliesPage;
pub use inbox::InboxPage;
pub use inbox_request::InboxRequestPage;
pub use listing_editor::{ListingEditorPage, ListingPreviewPage};
pub use listings::{ListingPage, ListingsPage};
pub use insight::{AuditPage, FeedbackListPage, SearchInsightPage};
pub use offices::{OfficeEditPage, OfficesPage};
pub use taxonomy::{LifeSituationEditPage, SynonymsPage, TaxonomyPage, TopicEditPage};
pub use transfer::CatalogueTransferPage;
pub use sign_in::{RecoveryCodesPage, SecondFactorPage, SecondFactorSetupPage, SignInPage};
