//! The staff dashboard ("Lagebild"): requests per status and per service, how long decisions
//! take against the expected time, overdue requests, search statistics and accessibility
//! feedback, counted on the server from the existing tables. The arithmetic (medians, top
//! lists, periods) is plain Rust in [`stats`], so it is tested without a database.

pub mod api;
#[cfg(feature = "ssr")]
mod db;
pub mod stats;

pub use api::*;
