// Hydrates the page's islands, loading the WebAssembly only when a resident first reaches for
// one (focus, touch, click or a key inside it), so reading a page costs no script download.
// `document.dispatchEvent(new Event("rathaus:hydrate"))` starts it at once (used by tests).
((jsHref, wasmHref) => {
  const islands = document.getElementsByTagName("leptos-island");
  if (islands.length === 0) return;
  const triggers = ["focusin", "pointerdown", "keydown"];
  let started = false;
  async function start() {
    if (started) return;
    started = true;
    for (const type of triggers) document.removeEventListener(type, onInteraction, true);
    const bundle = await import(jsHref);
    await bundle.default({ module_or_path: wasmHref });
    bundle.hydrate();
    for (const island of Array.from(islands)) {
      const hydrateIsland = bundle[island.dataset.component];
      if (hydrateIsland) await hydrateIsland(island);
      else console.warn(`no island ${island.dataset.component} in the bundle`);
    }
  }
  function onInteraction(event) {
    if (event.target instanceof Element && event.target.closest("leptos-island")) start();
  }
  for (const type of triggers) document.addEventListener(type, onInteraction, true);
  document.addEventListener("rathaus:hydrate", start, { once: true });
  // A field focused before this script ran (autofocus, a fast keyboard user).
  if (document.activeElement && document.activeElement.closest("leptos-island")) start();
})
