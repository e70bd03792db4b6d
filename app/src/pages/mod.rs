//! One module per route.

pub mod catalogue;
mod easy_read;
mod feedback_form;
mod home;
mod legal;
mod not_found;
pub(crate) mod request;
mod search;
pub mod staff;

pub use catalogue::{
    AToZPage, LifeSituationIndexPage, LifeSituationPage, OfficeIndexPage, OfficePage, ServicePage, TopicIndexPage, TopicPage,
};
pub use easy_read::EasyReadPage;
pub use home::HomePage;
pub use legal::{AccessibilityPage, ImprintPage, PrivacyPage};
pub use not_found::NotFoundPage;
pub use request::{CheckPage, ConfirmationPage, QuestionPage, RequestStartPage, ResumePage, StatusPage};
pub use search::SearchPage;
pub use staff::{
    AccountPage, AccountsPage, AuditPage, CannedRepliesPage, CatalogueTransferPage, DashboardPage, FeedbackListPage, FormBuilderPage,
    FormFieldPage, FormPageEditPage, FormPreviewPage, FormsPage, InboxPage, InboxRequestPage, LifeSituationEditPage, ListingEditorPage,
    ListingPage,
    ListingPreviewPage, ListingsPage, OfficeEditPage, OfficesPage, RecoveryCodesPage, SearchInsightPage, SecondFactorPage,
    SecondFactorSetupPage, SignInPage, StaffHomePage, SynonymsPage, TaxonomyPage, TopicEditPage,
};
