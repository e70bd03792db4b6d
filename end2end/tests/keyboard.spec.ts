import { test, expect, waitForHydration } from "../support/fixtures";
import { FRAME, PAGES } from "../support/pages";

for (const p of PAGES) {
  test(`${p.path}: the first Tab focuses the skip link`, async ({ page }) => {
    await page.goto(p.path);
    await waitForHydration(page);
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: FRAME[p.lang].skip })).toBeFocused();
  });
}

for (const lang of ["de", "en"] as const) {
  test(`skip link (${lang}): Enter moves focus to the main content`, async ({ page }) => {
    const frame = FRAME[lang];
    await page.goto(frame.home);
    await waitForHydration(page);
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: frame.skip })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#inhalt$/);
    await expect(page.getByRole("main")).toBeFocused();
    await expect(page.getByRole("main")).toBeInViewport();
    // The next Tab continues inside the content, not back in the header.
    await page.keyboard.press("Tab");
    const where = await page.evaluate(() => {
      const el = document.activeElement;
      return el?.closest("main") ? "main" : el?.closest("footer") ? "footer" : el?.closest("header") ? "header" : el?.tagName ?? "none";
    });
    expect(["main", "footer"], `focus after Tab from main landed in ${where}`).toContain(where);
  });
}

// Operated with the keyboard: focus the switch, press Enter, and back again.
for (const p of PAGES.filter((page) => page.lang === "de")) {
  test(`${p.path}: the language switch leads to ${p.counterpart} and back`, async ({ page }) => {
    const back = PAGES.find((other) => other.path === p.counterpart)!;
    await page.goto(p.path);
    await waitForHydration(page);

    await page.getByRole("navigation", { name: FRAME.de.langNav }).getByRole("link", { name: FRAME.de.switchTo }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL((url) => url.pathname === back.path);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(back.h1);
    await waitForHydration(page);

    await page.getByRole("navigation", { name: FRAME.en.langNav }).getByRole("link", { name: FRAME.en.switchTo }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL((url) => url.pathname === p.path);
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(p.h1);
  });
}
