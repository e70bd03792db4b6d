import { test, expect, checkA11y, waitForHydration } from "../support/fixtures";

// Search as residents type it: results page, filters, "did you mean", empty and no-result
// states, suggestions while typing (WAI-ARIA combobox) and the plain form without JavaScript.

test("results page (de): colloquial query, highlighted matches, axe", async ({ page }) => {
  await page.goto("/suche?q=perso+verloren");
  await waitForHydration(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Suche");
  await expect(page.getByRole("heading", { level: 2, name: /Ergebnisse? für „perso verloren“/ })).toBeVisible();
  const results = page.locator("ol.search-results > li");
  await expect(results.first().getByRole("link")).toContainText("Personalausweis");
  await expect(page.getByRole("searchbox", { name: "Suchbegriff" })).toHaveValue("perso verloren");
  await checkA11y(page, "search results (de)");
  // The result goes through the click counter to the service page.
  await results.first().getByRole("link").click();
  await expect(page).toHaveURL(/\/leistungen\/[a-z-]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Personalausweis");
});

test("results page: typo gets a suggestion that searches again", async ({ page }) => {
  await page.goto("/suche?q=hundestuer");
  await waitForHydration(page);
  const correction = page.getByRole("link", { name: "hundesteuer", exact: true });
  await expect(correction).toBeVisible();
  await correction.click();
  await expect(page).toHaveURL(/\/suche\?q=hundesteuer/);
  await expect(page.locator("ol.search-results > li").first().locator("mark").first()).toBeVisible();
});

test("results page: filters for topic and online availability @nojs", async ({ page }) => {
  await page.goto("/suche?q=anmelden");
  await waitForHydration(page);
  const all = await page.locator("ol.search-results > li").count();
  await page.getByLabel("Nur online beantragbar").check();
  await page.getByRole("button", { name: "Suchen", exact: true }).last().click();
  await expect(page).toHaveURL(/online=1/);
  const badges = page.locator("ol.search-results > li .kern-badge");
  await expect(badges.first()).toHaveText("Online möglich");
  for (const badge of await badges.all()) await expect(badge).toHaveText("Online möglich");
  expect(await page.locator("ol.search-results > li").count()).toBeLessThanOrEqual(all);
  await expect(page.getByLabel("Nur online beantragbar")).toBeChecked();
});

test("empty query and no results: help instead of an error, axe", async ({ page }) => {
  await page.goto("/suche");
  await waitForHydration(page);
  await expect(page.getByRole("heading", { level: 2, name: "Nach Themen suchen" })).toBeVisible();
  await checkA11y(page, "search without query");
  const response = await page.goto("/suche?q=%22xyzzy%22+(qqq:*)+-zzxq");
  expect(response?.status()).toBe(200);
  await waitForHydration(page);
  await expect(page.getByRole("heading", { level: 2, name: /^0 Ergebnisse/ })).toBeVisible();
  await expect(page.getByText("Prüfen Sie die Schreibweise.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Alle Leistungen von A bis Z ansehen" })).toBeVisible();
  await checkA11y(page, "search without results");
});

test("results page (en): English query on the English site, axe", async ({ page }) => {
  await page.goto("/en/search?q=bulky+waste");
  await waitForHydration(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search");
  await expect(page.locator("ol.search-results > li").first().getByRole("link")).toContainText(/bulky/i);
  await checkA11y(page, "search results (en)");
});

test("home page: the search form works without JavaScript @nojs", async ({ page }) => {
  await page.goto("/");
  await waitForHydration(page);
  await page.getByLabel("Was möchten Sie erledigen?").fill("Fuehrerschein umtauschen");
  await page.getByLabel("Was möchten Sie erledigen?").press("Enter");
  await expect(page).toHaveURL(/\/suche\?q=Fuehrerschein\+umtauschen/);
  await expect(page.locator("ol.search-results > li").first().getByRole("link")).toContainText("Führerschein");
});

test("header search on a service page leads to results @nojs", async ({ page }) => {
  await page.goto("/leistungen/personalausweis-beantragen");
  await waitForHydration(page);
  const header = page.getByRole("banner");
  await header.getByLabel("Was möchten Sie erledigen?").fill("Sperrmuell");
  await header.getByRole("button", { name: "Suchen" }).click();
  await expect(page).toHaveURL(/\/suche\?q=Sperrmuell/);
  await expect(page.locator("ol.search-results > li").first().getByRole("link")).toContainText("Sperrmüll");
});

test.describe("suggestions while typing", () => {
  test("combobox: list, announced count, arrow keys, Enter opens the service, axe", async ({ page }) => {
    await page.goto("/");
    await waitForHydration(page);
    const box = page.getByRole("combobox", { name: "Was möchten Sie erledigen?" });
    await expect(box).toHaveAttribute("aria-expanded", "false");
    await box.pressSequentially("reisep", { delay: 30 });
    const list = page.getByRole("listbox", { name: "Vorschläge" });
    await expect(list).toBeVisible();
    await expect(box).toHaveAttribute("aria-expanded", "true");
    await expect(list.getByRole("option").first()).toContainText("Reisepass");
    await expect(page.getByRole("status").filter({ hasText: /Vorschläge/ })).toContainText(/\d+ Vorschläge/);
    await checkA11y(page, "suggestions open");
    await box.press("ArrowDown");
    const first = list.getByRole("option").first();
    await expect(first).toHaveAttribute("aria-selected", "true");
    await expect(box).toHaveAttribute("aria-activedescendant", (await first.getAttribute("id"))!);
    await box.press("Escape");
    await expect(list).toBeHidden();
    await box.press("End");
    await box.pressSequentially("a", { delay: 30 });
    await expect(list.getByRole("option").first()).toContainText("Reisepass");
    await box.press("ArrowDown");
    await box.press("Enter");
    await expect(page).toHaveURL(/\/leistungen\/reisepass-beantragen$/);
  });

  test("stale answers never replace newer ones; Enter without a choice searches", async ({ page }) => {
    await page.goto("/en");
    await waitForHydration(page);
    const box = page.getByRole("combobox", { name: "What do you need to do?" });
    await box.pressSequentially("dog", { delay: 10 });
    await box.fill("passport");
    await expect(page.getByRole("listbox", { name: "Suggestions" }).getByRole("option").first()).toContainText(/passport/i);
    await box.press("Enter");
    await expect(page).toHaveURL(/\/en\/search\?q=passport/);
  });
});

test("reading a page downloads no WebAssembly; using the search loads it and suggests", async ({ page }) => {
  const bundles: string[] = [];
  page.on("request", (request) => {
    if (/\.wasm$|\/pkg\/.*\.js$/.test(new URL(request.url()).pathname)) bundles.push(request.url());
  });
  await page.goto("/leistungen/personalausweis-beantragen", { waitUntil: "networkidle" });
  expect(bundles, "no script bundle before the search is used").toEqual([]);
  const field = page.getByRole("banner").getByLabel("Was möchten Sie erledigen?");
  await field.click();
  await field.pressSequentially("hundest", { delay: 40 });
  await expect(page.getByRole("banner").getByRole("option").first()).toContainText("Hundesteuer");
  expect(bundles.some((url) => url.endsWith(".wasm"))).toBe(true);
});
