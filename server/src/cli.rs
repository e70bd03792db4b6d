//! The `rathaus` command line.

use clap::{Args, Parser, Subcommand};
use std::net::SocketAddr;
use std::path::PathBuf;

/// Rathaus, the digital town hall.
#[derive(Debug, Parser)]
#[command(name = "rathaus", version, about, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub settings: Settings,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Settings shared by every subcommand; each one can also come from the environment or from
/// the file named by `RATHAUS_CONFIG` (lines of `NAME=value`).
#[derive(Debug, Args)]
pub struct Settings {
    /// Database: sqlite://path (embedded, default) or postgres://user:password@host/db.
    #[arg(long, global = true, env = "DATABASE_URL", default_value = "sqlite://data/rathaus.db", hide_env_values = true)]
    pub database_url: String,
    /// Address and port to listen on.
    #[arg(long, global = true, env = "LEPTOS_SITE_ADDR", default_value = "127.0.0.1:3000")]
    pub listen: String,
    /// The address residents use, e.g. https://service.wolfsburg.de (canonical links, HSTS).
    #[arg(long, global = true, env = "RATHAUS_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Folder with the built site (CSS, JS, wasm, fonts).
    #[arg(long, global = true, env = "LEPTOS_SITE_ROOT", default_value = "target/site")]
    pub site_root: PathBuf,
    /// Log filter, e.g. info or rathaus=debug,info.
    #[arg(long, global = true, env = "RATHAUS_LOG", default_value = "info")]
    pub log: String,
    /// Log format: text for people, json for log collectors (one JSON object per line).
    #[arg(long, global = true, env = "RATHAUS_LOG_FORMAT", default_value = "text")]
    pub log_format: String,
    /// Reverse proxies in front of Rathaus that append the client's address to
    /// X-Forwarded-For (0: use the connection's address; 1 behind one load balancer).
    #[arg(long, global = true, env = "RATHAUS_TRUSTED_PROXIES", default_value_t = 0, value_name = "N")]
    pub trusted_proxies: usize,
    /// Suggestion answers kept in memory per instance (0 turns the cache off).
    #[arg(long, global = true, env = "RATHAUS_SUGGESTION_CACHE", default_value_t = 4096, value_name = "ANSWERS")]
    pub suggestion_cache: usize,
    /// Days a started online request is kept after its last change.
    #[arg(long, global = true, env = "RATHAUS_DRAFT_DAYS", default_value_t = 30, value_name = "DAYS")]
    pub draft_days: i64,
    /// Online requests started or submitted per minute and client address.
    #[arg(long, global = true, env = "RATHAUS_SUBMISSIONS_PER_MINUTE", default_value_t = 10, value_name = "N")]
    pub submissions_per_minute: u32,
    /// Request status lookups, replies and withdrawals per minute and client address.
    #[arg(long, global = true, env = "RATHAUS_TRACKING_PER_MINUTE", default_value_t = 20, value_name = "N")]
    pub tracking_per_minute: u32,
    /// SMTP server for mail to residents and offices, e.g. smtps://user:password@mail.example.org
    /// (unset: mail waits in the outbox until one is set).
    #[arg(long, global = true, env = "RATHAUS_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,
    /// Sender of outgoing mail, e.g. "Stadt Wolfsburg <noreply@wolfsburg.de>".
    #[arg(long, global = true, env = "RATHAUS_MAIL_FROM")]
    pub mail_from: Option<String>,
}

/// What to do; `serve` when none is given.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Migrate the database and serve the portal (the default).
    Serve,
    /// Bring the database schema up to date and exit.
    Migrate,
    /// Load data into the database.
    Seed(SeedArgs),
    /// Manage staff accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Write the catalogue as JSON to a file or standard output.
    Export {
        /// Target file; standard output when absent.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Replace the catalogue with one exported before.
    Import {
        /// The JSON file written by `rathaus export`.
        file: PathBuf,
    },
}

/// Options of `rathaus seed`.
#[derive(Debug, Args)]
pub struct SeedArgs {
    /// Load the demo catalogue of the City of Wolfsburg and create a demo administrator.
    #[arg(long)]
    pub demo: bool,
    /// Also add this many generated services (for benchmarks).
    #[arg(long, value_name = "N")]
    pub synthetic: Option<usize>,
    /// Also add this many generated requests to the inbox (for benchmarks; needs request forms).
    #[arg(long, value_name = "N")]
    pub synthetic_requests: Option<usize>,
}

/// `rathaus user …`
#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create a staff account. The password is read from standard input when it is not a
    /// terminal; otherwise one is generated and printed once.
    Add {
        /// Sign-in email address.
        #[arg(long)]
        email: String,
        /// Role(s): editor, publisher, caseworker, administrator. Repeat or separate by commas.
        #[arg(long, required = true, value_delimiter = ',')]
        role: Vec<String>,
        /// Name shown in the staff area.
        #[arg(long, default_value = "")]
        name: String,
        /// A Base32 TOTP secret to set up the second factor right away (test accounts, or
        /// accounts moved from another system). Without it, the person sets it up at first
        /// sign-in when their role requires it.
        #[arg(long, value_name = "BASE32")]
        totp_secret: Option<String>,
    },
    /// Remove the second factor of an account whose owner lost phone and recovery codes; they
    /// set it up again at their next sign-in. Ends every session of the account.
    ResetSecondFactor {
        /// Sign-in email address.
        #[arg(long)]
        email: String,
    },
}

/// The parsed listen address, or a message naming the setting.
pub fn parse_listen(value: &str) -> Result<SocketAddr, String> {
    value
        .trim()
        .parse()
        .map_err(|_| format!("LEPTOS_SITE_ADDR must be an address and port such as 127.0.0.1:3000, got \"{value}\""))
}
