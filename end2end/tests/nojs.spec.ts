import { test, expect } from "../support/fixtures";
import type { Page } from "@playwright/test";
import { FRAME, PAGES, SERVICE } from "../support/pages";

/** The page is all there, straight from the server: status, language, heading, main, footer. */
async function expectComplete(page: Page, path: string, h1: string, status: number | undefined) {
  await expect(page, "not on the expected page").toHaveURL((url) => url.pathname === path);
  expect(status, `status of ${path}`).toBe(200);
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(h1);
  await expect(page.getByRole("main")).toBeVisible();
  await expect(page.getByRole("contentinfo").getByRole("navigation", { name: FRAME.de.legalNav })).toBeVisible();
}

/** Clicks a plain link and returns the status of the page it loads. */
async function follow(page: Page, link: ReturnType<Page["getByRole"]>): Promise<number | undefined> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().isNavigationRequest() && r.frame() === page.mainFrame()),
    link.click(),
  ]);
  return response?.status();
}

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

  // Home → A–Z → a letter → a service → its office → back to the service → its topic, each
  // step a plain link.
  test("browsing the catalogue with plain links", async ({ page }) => {
    const service = SERVICE.de;
    const main = page.getByRole("main");
    await expectComplete(page, "/", "Ihr digitales Rathaus", (await page.goto("/"))?.status());

    const nav = page.getByRole("navigation", { name: FRAME.de.mainNav });
    let status = await follow(page, nav.getByRole("link", { name: "Leistungen A–Z", exact: true }));
    await expectComplete(page, "/leistungen", "Leistungen von A bis Z", status);

    // The letter navigation jumps to the letter's section within the page.
    await page.getByRole("navigation", { name: "Anfangsbuchstaben" }).getByRole("link", { name: service.letter, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/leistungen#buchstabe-${service.letter}$`));
    const letter = main.getByRole("region", { name: service.letter, exact: true });
    await expect(letter.getByRole("heading", { level: 2 })).toBeInViewport();

    status = await follow(page, letter.getByRole("link", { name: service.title, exact: true }));
    await expectComplete(page, service.path, service.title, status);
    await expect(main.getByText(service.price, { exact: true }).first()).toBeVisible();

    const office = main.getByRole("region", { name: "Zuständige Stelle" });
    status = await follow(page, office.getByRole("link", { name: service.office.name, exact: true }));
    await expectComplete(page, service.office.path, service.office.name, status);
    await expect(main.getByRole("table")).toBeVisible();
    await expect(main.getByRole("link", { name: service.title, exact: true })).toHaveAttribute("href", service.path);

    await page.goBack();
    await expect(page).toHaveURL((url) => url.pathname === service.path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(service.title);
    // The service page does not link its topic itself; the way there is the main navigation.
    status = await follow(page, nav.getByRole("link", { name: "Themen", exact: true }));
    await expectComplete(page, "/themen", "Themen", status);
    status = await follow(page, main.getByRole("link", { name: service.topic.name, exact: true }));
    await expectComplete(page, service.topic.path, service.topic.name, status);
    await expect(main.getByRole("link", { name: service.title, exact: true })).toHaveAttribute("href", service.path);
  });

  test("every page renders its heading", async ({ page }) => {
    for (const p of PAGES) {
      const response = await page.goto(p.path);
      expect(response?.status(), p.path).toBe(200);
      await expect(page.getByRole("heading", { level: 1 }), p.path).toHaveText(p.h1);
    }
  });
});
