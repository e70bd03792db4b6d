import { test, expect, checkA11y, waitForHydration } from "../support/fixtures";
import { FRAME, PAGES, languageChoice, literal } from "../support/pages";

// Every page, at phone and desktop size: language, heading, title, the page frame, no WCAG 2.2
// A/AA violations found by axe-core, and the skip link as the first Tab stop.
for (const p of PAGES) {
  test(`${p.path}: lang, h1, title, frame, no axe violations, skip link first`, async ({ page }, testInfo) => {
    const frame = FRAME[p.lang];
    const response = await page.goto(p.path);
    expect(response?.status(), `status of ${p.path}`).toBe(200);
    await waitForHydration(page);

    await expect(page.locator("html")).toHaveAttribute("lang", p.lang);
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(p.h1);
    await expect(page).toHaveTitle(new RegExp(`^${literal(p.title).source} – \\S`));

    // Header: the city's name links to this language's home page.
    const city = (await page.title()).split(" – ").pop() ?? "";
    const brand = page.getByRole("banner").getByRole("link", { name: literal(city) });
    await expect(brand).toHaveAttribute("href", frame.home);
    // Language switch to the same page in the other language, through the address that
    // remembers the choice.
    const other = p.lang === "de" ? "en" : "de";
    const switchLink = page.getByRole("navigation", { name: frame.langNav }).getByRole("link", { name: frame.switchTo });
    await expect(switchLink).toHaveAttribute("href", languageChoice(other, p.counterpart));
    await expect(switchLink).toHaveAttribute("hreflang", other);
    // Main navigation to the catalogue.
    const mainNav = page.getByRole("banner").getByRole("navigation", { name: frame.mainNav });
    for (const link of frame.main) {
      await expect(mainNav.getByRole("link", { name: link.name, exact: true })).toHaveAttribute("href", link.href);
    }
    // Skip link and main landmark.
    await expect(page.getByRole("link", { name: frame.skip })).toHaveAttribute("href", "#inhalt");
    await expect(page.getByRole("main")).toHaveAttribute("id", "inhalt");
    // Footer with the three legal pages.
    const legal = page.getByRole("contentinfo").getByRole("navigation", { name: frame.legalNav });
    for (const link of frame.legal) {
      await expect(legal.getByRole("link", { name: link.name, exact: true })).toHaveAttribute("href", link.href);
    }

    await checkA11y(page, `${p.path} (${testInfo.project.name})`);

    // Keyboard: the first Tab focuses the skip link.
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: frame.skip })).toBeFocused();
  });
}
