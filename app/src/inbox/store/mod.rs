//! Storage of the inbox, the same on SQLite and PostgreSQL: the filtered list, one request with
//! its whole history, the caseworkers' actions (each one transaction with its event and the
//! resident's mail) and canned replies.

mod actions;
mod canned;
mod demo;
mod detail;
mod list;
mod search_keys;
mod synthetic;

pub use actions::{act, Action, ActionRefusal, Done, MailContext, MESSAGE_LIMIT};
pub use demo::seed_demo_requests;
pub use canned::{canned_replies, delete_canned_reply, save_canned_reply};
pub use detail::{caseworkers, detail, file, request_services, StoredFile};
pub use synthetic::seed_synthetic_requests;
pub use list::{export, list, list_counting_to, EXPORT_LIMIT};
pub use search_keys::{fill_search_keys, write_keys_of, write_search_keys};
