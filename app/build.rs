//! Generates the `locales` module (see `src/i18n.rs`) from `locales/de.json` and
//! `locales/en.json`, so every UI string and its interpolations are checked at compile time.

use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use std::error::Error;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?);
    // German is the default; `td_string!` may interpolate (the pages render strings, not
    // reactive views, since only islands hydrate).
    let config = Config::new("de")?
        .add_locale("en")?
        .parse_options(ParseOptions::new().interpolate_display(true));
    let translations = TranslationsInfos::parse(config)?;
    translations.emit_diagnostics();
    translations.rerun_if_locales_changed();
    translations.generate_i18n_module(out_dir.join("locales"))?;
    Ok(())
}
