//! PLACEHOLDER until the mail module lands.
use crate::http::AppState;
use app::mail::OutgoingMail;
use app::requests::store::{Draft, Receipt, Tracked};
pub fn on_submission<'a>(_state: &'a AppState, _draft: &'a Draft, _service: &'a app::catalogue::PublishedService, _answers: &'a app::requests::answers::Answers) -> impl Fn(&Receipt) -> Vec<OutgoingMail> + Sync + 'a { |_| Vec::new() }
pub fn on_reply(_state: &AppState, _tracked: &Tracked) -> Vec<OutgoingMail> { Vec::new() }
pub fn on_withdrawal(_state: &AppState, _tracked: &Tracked) -> Vec<OutgoingMail> { Vec::new() }
pub fn wake(_state: &AppState) {}
