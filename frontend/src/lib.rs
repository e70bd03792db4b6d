//! The WebAssembly entry point: hydrates the islands of a server-rendered page.

// Links the app crate so its `#[island]` exports end up in the wasm.
extern crate app;

use wasm_bindgen::prelude::wasm_bindgen;

/// Called by the hydration script once the wasm is loaded. The islands are hydrated by that
/// script right after this returns; the `data-hydrated` marker on `<body>` is set on the next
/// task, after them, so tests (and anyone curious) know when the page is interactive.
#[wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // The executor and root owner the islands' effects and tasks run on.
    leptos::mount::hydrate_islands();
    leptos::prelude::set_timeout(
        || {
            if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
                let _ = body.set_attribute("data-hydrated", "true");
            }
        },
        std::time::Duration::ZERO,
    );
}
