//! The subcommands besides `serve`: database set-up, demo data, accounts, catalogue transfer.

use crate::config::{Config, ConfigError};
use app::auth::{self, NewUser, Role};
use app::db::{Db, DbError};
use std::io::{IsTerminal, Read, Write};
use std::path::Path;

/// How a command failed: a configuration problem (exit code 2) or anything else (exit code 1).
#[derive(Debug)]
pub enum Failure {
    /// Bad settings or an unreachable database.
    Config(ConfigError),
    /// Any other failure, already phrased for the operator.
    Other(String),
}

impl From<ConfigError> for Failure {
    fn from(error: ConfigError) -> Self {
        Failure::Config(error)
    }
}

impl From<DbError> for Failure {
    fn from(error: DbError) -> Self {
        Failure::Other(error.to_string())
    }
}

/// Opens the database named by `DATABASE_URL` and migrates it.
pub async fn open_database(config: &Config) -> Result<Db, Failure> {
    let shown = app::db::redact(&config.database_url);
    let db = Db::connect(&config.database_url).await.map_err(|error| match error {
        DbError::InvalidUrl(message) => ConfigError(format!("DATABASE_URL {message}")),
        other => ConfigError(format!("DATABASE_URL \"{shown}\": {other}")),
    })?;
    db.migrate().await?;
    Ok(db)
}

/// `rathaus seed --demo [--synthetic N] [--synthetic-requests N]`: the demo catalogue and a demo administrator whose
/// random password is printed once; then N generated services.
pub async fn seed(db: &Db, args: &crate::cli::SeedArgs) -> Result<(), Failure> {
    if !args.demo && args.synthetic.is_none() && args.synthetic_requests.is_none() {
        return Err(Failure::Other("nothing to seed; use `rathaus seed --demo` and/or `--synthetic N` / `--synthetic-requests N`".into()));
    }
    if args.demo {
        seed_demo(db).await?;
    }
    if let Some(count) = args.synthetic {
        let added = app::catalogue::seed_synthetic(db, count).await.map_err(|e| Failure::Other(e.to_string()))?;
        println!("Generated services added: {added}");
    }
    if let Some(count) = args.synthetic_requests {
        let started = std::time::Instant::now();
        let added = app::inbox::store::seed_synthetic_requests(db, count).await.map_err(|e| Failure::Other(e.to_string()))?;
        println!("Generated requests added: {added} in {:.1} s", started.elapsed().as_secs_f64());
    }
    Ok(())
}

async fn seed_demo(db: &Db) -> Result<(), Failure> {
    let loaded = app::catalogue::seed_demo(db).await.map_err(|e| Failure::Other(e.to_string()))?;
    println!("Demo catalogue: {loaded}");
    let forms = app::requests::store::seed_demo_forms(db).await.map_err(|e| Failure::Other(e.to_string()))?;
    println!("Demo request forms added: {forms}");
    let password = auth::generate_password();
    let hash = auth::hash_password(&password).map_err(|e| Failure::Other(e.to_string()))?;
    let email = "admin@rathaus.example";
    let admin = NewUser { email, display_name: "Demo-Administration", roles: &Role::ALL, password_hash: &hash };
    match auth::create_user(db, admin).await {
        Ok(_) => println!("Demo administrator: {email}\nPassword (shown only now): {password}"),
        Err(auth::UserError::Exists(_)) => println!("Demo administrator {email} exists already; password unchanged."),
        Err(error) => return Err(Failure::Other(error.to_string())),
    }
    let requests = app::inbox::store::seed_demo_requests(db).await.map_err(|e| Failure::Other(e.to_string()))?;
    println!("Demo requests added: {requests}");
    Ok(())
}

/// `rathaus user add`: the password comes from standard input when it is piped in, otherwise
/// one is generated and printed once.
pub async fn add_user(db: &Db, email: &str, roles: &[String], name: &str, totp_secret: Option<&str>) -> Result<(), Failure> {
    if let Some(secret) = totp_secret {
        if auth::second_factor::current_code(secret).is_none() {
            return Err(Failure::Other("--totp-secret must be a Base32 secret of at least 128 bits".into()));
        }
    }
    let roles = roles
        .iter()
        .filter(|r| !r.trim().is_empty())
        .map(|r| r.parse::<Role>())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| Failure::Other(e.to_string()))?;
    let stdin = std::io::stdin();
    let (password, generated) = if stdin.is_terminal() {
        (auth::generate_password(), true)
    } else {
        let mut input = String::new();
        stdin.lock().read_to_string(&mut input).map_err(|e| Failure::Other(format!("cannot read the password: {e}")))?;
        let password = input.lines().next().unwrap_or_default().to_string();
        if password.is_empty() {
            (auth::generate_password(), true)
        } else {
            (password, false)
        }
    };
    let hash = tokio::task::spawn_blocking(move || auth::hash_password(&password).map(|h| (h, password)))
        .await
        .map_err(|e| Failure::Other(format!("hashing failed: {e}")))?
        .map_err(|e| Failure::Other(e.to_string()))?;
    let (hash, password) = hash;
    let id = auth::create_user(db, NewUser { email, display_name: name, roles: &roles, password_hash: &hash })
        .await
        .map_err(|e| Failure::Other(e.to_string()))?;
    if let Some(secret) = totp_secret {
        auth::accounts::enable_second_factor(db, id, secret, &[]).await?;
    }
    println!("Created {}.", email.trim().to_lowercase());
    if generated {
        println!("Password (shown only now): {password}");
    }
    Ok(())
}

/// `rathaus user reset-second-factor`: the account sets up its second factor again.
pub async fn reset_second_factor(db: &Db, email: &str) -> Result<(), Failure> {
    let account = auth::accounts::account_by_email(db, email)
        .await?
        .ok_or_else(|| Failure::Other(format!("no active account {}", email.trim().to_lowercase())))?;
    auth::accounts::disable_second_factor(db, account.user.id).await?;
    app::staff::audit::record(db, "rathaus user reset-second-factor", "second_factor.reset", &account.user.email, "zweiter Faktor entfernt")
        .await?;
    println!("Second factor of {} removed; every session ended.", account.user.email);
    Ok(())
}

/// `rathaus export`: the catalogue as JSON.
pub async fn export(db: &Db, output: Option<&Path>) -> Result<(), Failure> {
    let catalogue = app::catalogue::export_catalogue(db).await?;
    let json = serde_json::to_string_pretty(&catalogue).map_err(|e| Failure::Other(format!("cannot encode the catalogue: {e}")))?;
    match output {
        Some(path) => std::fs::write(path, json + "\n")
            .map_err(|e| Failure::Other(format!("cannot write {}: {e}", path.display())))?,
        None => {
            let mut out = std::io::stdout().lock();
            writeln!(out, "{json}").map_err(|e| Failure::Other(format!("cannot write the export: {e}")))?;
        }
    }
    Ok(())
}

/// `rathaus import`: replaces the catalogue with an exported one, in one transaction.
pub async fn import(db: &Db, file: &Path) -> Result<(), Failure> {
    let text = std::fs::read_to_string(file).map_err(|e| Failure::Other(format!("cannot read {}: {e}", file.display())))?;
    let catalogue: app::catalogue::Catalogue = serde_json::from_str(&text)
        .map_err(|e| Failure::Other(format!("{} is not a Rathaus catalogue export: {e}", file.display())))?;
    let summary = app::catalogue::import_catalogue(db, &catalogue).await.map_err(|e| Failure::Other(e.to_string()))?;
    println!("Imported {summary}.");
    Ok(())
}
