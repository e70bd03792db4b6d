import { test, expect } from "../support/fixtures";
import { FRAME, PAGES } from "../support/pages";

// Tagged @nojs: these also run in the no-js project, where the browser executes no JavaScript
// at all. Residents with JavaScript off (or a failed wasm download) get a working site.
test.describe("without JavaScript", { tag: "@nojs" }, () => {
  test("the home page is complete", async ({ page }) => {
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ihr digitales Rathaus");
    await expect(page.getByRole("main")).toBeVisible();
    await expect(page.getByRole("link", { name: "115", exact: true })).toHaveAttribute("href", "tel:115");
    for (const link of FRAME.de.legal) {
      await expect(page.getByRole("contentinfo").getByRole("link", { name: link.name, exact: true })).toHaveAttribute("href", link.href);
    }
  });

  test("the skip link works", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: FRAME.de.skip })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("main")).toBeFocused();
  });

  test("the language switch goes to English and back", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: FRAME.de.langNav }).getByRole("link", { name: FRAME.de.switchTo }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/en");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your digital town hall");

    await page.getByRole("navigation", { name: FRAME.en.langNav }).getByRole("link", { name: FRAME.en.switchTo }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ihr digitales Rathaus");
  });

  test("every page renders its heading", async ({ page }) => {
    for (const p of PAGES) {
      const response = await page.goto(p.path);
      expect(response?.status(), p.path).toBe(200);
      await expect(page.getByRole("heading", { level: 1 }), p.path).toHaveText(p.h1);
    }
  });
});
