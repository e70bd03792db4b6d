//! Rathaus: the pages, components and server functions of the digital town hall.
//!
//! Compiled twice: with `ssr` into the `rathaus` server binary and with `hydrate` into the
//! WebAssembly bundle. Only `#[island]` components ship to the browser; everything else is
//! rendered on the server, so resident pages stay small and work without JavaScript.
#![recursion_limit = "256"]

pub mod auth;
pub mod catalogue;
pub mod components;
pub mod dashboard;
pub mod error;
pub mod feedback;
pub mod i18n;
pub mod inbox;
pub mod pages;
pub mod requests;
pub mod search;
pub mod shell;
pub mod staff;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod mail;
pub use shell::{shell, App};
