//! The staff area (`/verwaltung`): server-rendered pages with plain forms, no islands.

mod frame;
mod home;
mod sign_in;

pub use frame::{staff_page, CsrfField, ErrorSummary, StaffFrame, StaffProblem, TextArea, TextField};
pub use home::{AccountPage, StaffHomePage};
pub use sign_in::{RecoveryCodesPage, SecondFactorPage, SecondFactorSetupPage, SignInPage};
