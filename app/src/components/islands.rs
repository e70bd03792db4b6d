//! The built bundles' addresses and the script that hydrates the islands on demand.

use leptos::config::LeptosOptions;
use leptos::prelude::*;
use std::sync::OnceLock;

/// The address of the built bundle with extension `ext` (`css`, `js`, `wasm`), with its content
/// hash when the release build wrote `hash.txt` beside the binary.
pub fn bundle_href(options: &LeptosOptions, ext: &str) -> String {
    static HASHES: OnceLock<String> = OnceLock::new();
    let hashes = HASHES.get_or_init(|| {
        options
            .hash_files
            .then(|| std::env::current_exe().ok()?.parent().map(|dir| dir.join(options.hash_file.as_ref())))
            .flatten()
            .and_then(|path| std::fs::read_to_string(path).ok())
            .unwrap_or_default()
    });
    let hash = hashes.lines().find_map(|line| line.trim().strip_prefix(&format!("{ext}:")).map(str::trim));
    let (pkg, name) = (&options.site_pkg_dir, &options.output_name);
    match (hash, ext) {
        (Some(hash), _) => format!("/{pkg}/{name}.{hash}.{ext}"),
        (None, "wasm") => format!("/{pkg}/{name}_bg.wasm"),
        (None, _) => format!("/{pkg}/{name}.{ext}"),
    }
}

/// Instead of Leptos' `HydrationScripts`, which fetches the WebAssembly with every page: a
/// small inline script that loads it when a resident first uses an island.
#[component]
pub fn IslandLoader(options: LeptosOptions) -> impl IntoView {
    // Islands render their own hydration markers; the page itself is not hydrated.
    if let Some(context) = Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
    // The script without its comment lines, as it goes out with every page.
    let loader: String = include_str!("island_loader.js").lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n");
    let script = format!(
        "{}({:?}, {:?});",
        loader.trim_end(),
        bundle_href(&options, "js"),
        bundle_href(&options, "wasm")
    );
    view! { <script type="module" nonce=leptos::nonce::use_nonce()>{script}</script> }
}
