//! `rathaus`: the one binary City IT runs. Wiring only: configuration, logging, database,
//! router, server loop and shutdown; the work happens in `app` and the modules here.
// Deeply nested page types (views with islands) need more than the default 128.
#![recursion_limit = "256"]

mod cli;
mod commands;
mod config;
mod http;
mod telemetry;

use clap::Parser;
use cli::{Cli, Command};
use config::{Config, ConfigError};
use std::process::ExitCode;
use std::sync::Arc;

/// mimalloc instead of the system allocator: a search answer builds many short-lived strings
/// (stems, folded words, highlighted fragments), and glibc's malloc and free took a sixth of the
/// suggestion endpoint's time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Exit code for configuration problems (bad settings, unreachable database).
const EXIT_CONFIG: u8 = 2;

fn main() -> ExitCode {
    if let Err(error) = config::load_config_file() {
        eprintln!("rathaus: {error}");
        return ExitCode::from(EXIT_CONFIG);
    }
    let cli = Cli::parse();
    let config = match Config::from_settings(&cli.settings) {
        Ok(config) => config,
        Err(error) => {
            eprintln!("rathaus: {error}");
            return ExitCode::from(EXIT_CONFIG);
        }
    };
    telemetry::init(&config);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(std::thread::available_parallelism().map_or(2, |n| n.get().max(2)))
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("rathaus: cannot start the async runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli.command.unwrap_or(Command::Serve), config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(commands::Failure::Config(error)) => {
            eprintln!("rathaus: {error}");
            ExitCode::from(EXIT_CONFIG)
        }
        Err(commands::Failure::Other(message)) => {
            eprintln!("rathaus: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run(command: Command, config: Config) -> Result<(), commands::Failure> {
    let db = commands::open_database(&config).await?;
    let result = match command {
        Command::Serve => serve(config, db.clone()).await,
        Command::Migrate => Ok(()),
        Command::Seed(args) => commands::seed(&db, &args).await,
        Command::User(cli::UserCommand::Add { email, role, name, totp_secret }) => {
            commands::add_user(&db, &email, &role, &name, totp_secret.as_deref()).await
        }
        Command::User(cli::UserCommand::ResetSecondFactor { email }) => commands::reset_second_factor(&db, &email).await,
        Command::Export { output } => commands::export(&db, output.as_deref()).await,
        Command::Import { file } => commands::import(&db, &file).await,
    };
    db.close().await;
    result
}

async fn serve(config: Config, db: app::db::Db) -> Result<(), commands::Failure> {
    config.check_site_root()?;
    let catalogue = app::catalogue::snapshot::CatalogueCache::load(&db)
        .await
        .map_err(|e| commands::Failure::Other(format!("cannot load the catalogue: {e}")))?;
    let search_log = app::search::log::SearchLog::default();
    let state = http::AppState { leptos_options: config.leptos_options(), db, catalogue, config: Arc::new(config.clone()), search_log, suggestions: http::SuggestionCache::new(config.suggestion_cache), request_limits: app::requests::limits::RequestLimits::new(&config.requests) };
    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .map_err(|e| ConfigError(format!("LEPTOS_SITE_ADDR {}: cannot listen there: {e}", config.listen)))?;
    tokio::spawn(follow_catalogue(state.db.clone(), state.catalogue.clone()));
    tokio::spawn(write_search_statistics(state.db.clone(), state.search_log.clone()));
    tokio::spawn(delete_expired_sessions(state.db.clone()));
    tokio::spawn(delete_expired_drafts(state.db.clone(), state.request_limits.clone()));
    let (stop_mail, mail_stopped) = tokio::sync::oneshot::channel::<()>();
    let outbox = tokio::spawn(app::mail::run_outbox(state.db.clone(), config.mail.clone(), async move {
        let _ = mail_stopped.await;
    }));
    tracing::info!(address = %config.listen, "serving on http://{}", config.listen);
    let (db, search_log) = (state.db.clone(), state.search_log.clone());
    http::serve(listener, http::router(state), http::shutdown_signal()).await;
    let _ = stop_mail.send(());
    if tokio::time::timeout(std::time::Duration::from_secs(10), outbox).await.is_err() {
        tracing::warn!("the mail being sent at shutdown is sent again after its claim lapses (10 min)");
    }
    if let Err(error) = search_log.flush(&db).await {
        tracing::warn!(%error, "writing the last search statistics failed");
    }
    Ok(())
}

/// Adds the search statistics counted in memory to the database every ten seconds.
async fn write_search_statistics(db: app::db::Db, log: app::search::log::SearchLog) {
    let mut ticks = tokio::time::interval(std::time::Duration::from_secs(10));
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        if let Err(error) = log.flush(&db).await {
            tracing::warn!(%error, "writing search statistics failed; kept for the next attempt");
        }
    }
}

/// Deletes ended staff sessions every ten minutes.
async fn delete_expired_sessions(db: app::db::Db) {
    use tower_sessions::session_store::ExpiredDeletion;
    let store = app::auth::DbSessionStore::new(db);
    let mut ticks = tokio::time::interval(std::time::Duration::from_secs(600));
    loop {
        ticks.tick().await;
        if let Err(error) = store.delete_expired().await {
            tracing::warn!(%error, "deleting expired staff sessions failed");
        }
    }
}

/// Deletes expired request drafts with their files every ten minutes, and forgets rate-limit
/// counters of addresses that have been quiet.
async fn delete_expired_drafts(db: app::db::Db, limits: app::requests::limits::RequestLimits) {
    let mut ticks = tokio::time::interval(std::time::Duration::from_secs(600));
    loop {
        ticks.tick().await;
        limits.forget_idle();
        match app::requests::store::delete_expired_drafts(&db).await {
            Ok(0) => {}
            Ok(deleted) => tracing::info!(deleted, "expired request drafts deleted"),
            Err(error) => tracing::warn!(%error, "deleting expired request drafts failed"),
        }
    }
}

/// Reloads the in-memory catalogue within two seconds of a change made elsewhere: a publish on
/// another instance behind the load balancer, or `rathaus import` beside a running server.
async fn follow_catalogue(db: app::db::Db, catalogue: app::catalogue::snapshot::CatalogueCache) {
    let mut ticks = tokio::time::interval(std::time::Duration::from_secs(2));
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        match catalogue.refresh_if_changed(&db).await {
            Ok(true) => tracing::info!("catalogue changed elsewhere; reloaded"),
            Ok(false) => {}
            Err(error) => tracing::warn!(%error, "checking the catalogue version failed"),
        }
    }
}
