//! Checked configuration. Every problem names the setting and what is wrong; the process then
//! exits with code 2 (see `main`).

use crate::cli::{parse_listen, Settings};
use leptos::config::{Env, LeptosOptions};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use url::Url;

/// A configuration problem, shown to the operator as is.
#[derive(Debug, thiserror::Error)]
#[error("configuration error: {0}")]
pub struct ConfigError(pub String);

/// How log lines are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line, for log collectors.
    Json,
}

/// The validated configuration of a `rathaus` process.
#[derive(Clone, Debug)]
pub struct Config {
    /// `sqlite://…` or `postgres://…`.
    pub database_url: String,
    /// Where to listen.
    pub listen: SocketAddr,
    /// The public base URL, when known.
    pub public_url: Option<Url>,
    /// The built site (CSS, JS, wasm, fonts, public files).
    pub site_root: PathBuf,
    /// Log filter directive.
    pub log: String,
    /// Log format.
    pub log_format: LogFormat,
    /// Suggestion answers kept per instance; 0 turns the cache off.
    pub suggestion_cache: usize,
    /// Proxies whose X-Forwarded-For entries are trusted.
    pub trusted_proxies: usize,
    /// How long drafts are kept and how often one address may act.
    pub requests: app::requests::settings::RequestSettings,
    /// Outgoing mail: the SMTP server and sender (`RATHAUS_SMTP_URL`, `RATHAUS_MAIL_FROM`).
    pub mail: app::mail::MailSettings,
}

impl Config {
    /// Checks the settings.
    pub fn from_settings(settings: &Settings) -> Result<Config, ConfigError> {
        let listen = parse_listen(&settings.listen).map_err(ConfigError)?;
        let database_url = settings.database_url.trim().to_string();
        if !(database_url.starts_with("sqlite:")
            || database_url.starts_with("postgres://")
            || database_url.starts_with("postgresql://"))
        {
            return Err(ConfigError(format!(
                "DATABASE_URL must start with sqlite:// or postgres://, got \"{}\"",
                app::db::redact(&database_url)
            )));
        }
        let public_url = match settings.public_url.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => None,
            Some(raw) => {
                let url = Url::parse(raw)
                    .map_err(|e| ConfigError(format!("RATHAUS_PUBLIC_URL \"{raw}\" is not a URL: {e}")))?;
                if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
                    return Err(ConfigError(format!(
                        "RATHAUS_PUBLIC_URL must be an http or https address such as https://service.wolfsburg.de, got \"{raw}\""
                    )));
                }
                Some(url)
            }
        };
        let log_format = match settings.log_format.trim().to_ascii_lowercase().as_str() {
            "text" => LogFormat::Text,
            "json" => LogFormat::Json,
            other => {
                return Err(ConfigError(format!("RATHAUS_LOG_FORMAT must be text or json, got \"{other}\"")))
            }
        };
        tracing_subscriber::EnvFilter::try_new(&settings.log)
            .map_err(|e| ConfigError(format!("RATHAUS_LOG \"{}\" is not a valid log filter: {e}", settings.log)))?;
        if !(1..=365).contains(&settings.draft_days) {
            return Err(ConfigError(format!("RATHAUS_DRAFT_DAYS must be between 1 and 365, got {}", settings.draft_days)));
        }
        if settings.submissions_per_minute == 0 || settings.tracking_per_minute == 0 {
            return Err(ConfigError("RATHAUS_SUBMISSIONS_PER_MINUTE and RATHAUS_TRACKING_PER_MINUTE must be at least 1".into()));
        }
        let requests = app::requests::settings::RequestSettings {
            keep_days: settings.draft_days,
            submissions_per_minute: settings.submissions_per_minute,
            tracking_per_minute: settings.tracking_per_minute,
        };
        let set = |value: &Option<String>| value.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_string);
        let mail = mail_settings(set(&settings.smtp_url).as_deref(), set(&settings.mail_from).as_deref())?;
        Ok(Config {
            requests,
            database_url,
            listen,
            public_url,
            site_root: settings.site_root.clone(),
            log: settings.log.clone(),
            log_format,
            suggestion_cache: settings.suggestion_cache.min(1_000_000),
            trusted_proxies: settings.trusted_proxies.min(10),
            mail,
        })
    }

    /// Whether the site is served over https (then HSTS is sent).
    pub fn is_https(&self) -> bool {
        self.public_url.as_ref().is_some_and(|u| u.scheme() == "https")
    }

    /// The options Leptos renders with. Hashed asset names are used when the build left its
    /// `hash.txt` beside the binary (a release build by cargo-leptos does).
    pub fn leptos_options(&self) -> LeptosOptions {
        LeptosOptions::builder()
            .output_name("rathaus")
            .site_root(self.site_root.to_string_lossy().to_string())
            .site_pkg_dir("pkg")
            .site_addr(self.listen)
            .env(Env::PROD)
            .hash_files(hash_file_beside_binary().is_some())
            .build()
    }

    /// Checks that the site folder holds a build, so a missing build is a clear error at
    /// start-up instead of unstyled pages.
    pub fn check_site_root(&self) -> Result<(), ConfigError> {
        let pkg = self.site_root.join("pkg");
        if pkg.is_dir() {
            Ok(())
        } else {
            Err(ConfigError(format!(
                "LEPTOS_SITE_ROOT \"{}\" holds no built site (no {} folder); run `make build` or point it at the site folder",
                self.site_root.display(),
                pkg.display()
            )))
        }
    }
}

/// The mail settings; without an SMTP URL mail waits in the outbox.
fn mail_settings(smtp_url: Option<&str>, from: Option<&str>) -> Result<app::mail::MailSettings, ConfigError> {
    app::mail::MailSettings::new(smtp_url, from).map_err(|e| ConfigError(e.to_string()))
}

/// Loads `NAME=value` lines from the file named by `RATHAUS_CONFIG`, without overriding
/// variables already set in the environment.
pub fn load_config_file() -> Result<(), ConfigError> {
    let Some(path) = std::env::var_os("RATHAUS_CONFIG") else {
        return Ok(());
    };
    dotenvy::from_path(Path::new(&path)).map_err(|e| {
        ConfigError(format!("RATHAUS_CONFIG \"{}\" cannot be read: {e}", Path::new(&path).display()))
    })
}

fn hash_file_beside_binary() -> Option<PathBuf> {
    let path = std::env::current_exe().ok()?.parent()?.join("hash.txt");
    path.is_file().then_some(path)
}

#[cfg(test)]
mod tests {
    use super::mail_settings;

    #[test]
    fn bad_mail_settings_name_the_variable_and_hide_the_password() {
        let from = Some("Stadt Wolfsburg <noreply@wolfsburg.de>");
        let error = mail_settings(Some("smtp://rathaus:geheim@mail.example.org"), from).unwrap_err().to_string();
        assert!(error.starts_with("configuration error: RATHAUS_SMTP_URL") && !error.contains("geheim"), "{error}");
        let error = mail_settings(Some("smtps://rathaus:geheim@mail.example.org"), None).unwrap_err().to_string();
        assert!(error.contains("RATHAUS_MAIL_FROM") && !error.contains("geheim"), "{error}");
        assert!(!mail_settings(None, None).unwrap().is_enabled());
        assert!(mail_settings(Some("smtps://rathaus:geheim@mail.example.org"), from).unwrap().is_enabled());
    }
}
