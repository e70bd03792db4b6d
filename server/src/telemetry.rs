//! Logging with `tracing`: text for people, JSON lines for log collectors. Every line written
//! while a request is handled carries that request's id (from the `request` span).

use crate::config::{Config, LogFormat};
use tracing_subscriber::{fmt, EnvFilter};

/// Installs the global subscriber. The filter was checked by [`Config::from_settings`].
pub fn init(config: &Config) {
    let filter = EnvFilter::try_new(&config.log).unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = fmt().with_env_filter(filter).with_writer(std::io::stderr);
    let result = match config.log_format {
        LogFormat::Text => builder.with_target(false).try_init(),
        LogFormat::Json => builder.json().with_current_span(true).with_span_list(false).try_init(),
    };
    // A subscriber set before (in tests) is fine.
    drop(result);
}
