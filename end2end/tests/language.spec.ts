import { test, expect } from "../support/fixtures";
import { FRAME } from "../support/pages";

// The language choice is remembered in a cookie, without JavaScript: after switching to
// English on any page, the bare address of the portal opens the English home page.
test.describe("the remembered language", { tag: "@nojs" }, () => {
  test("switching to English on a page makes / open /en, and back", async ({ page, context }) => {
    await page.goto("/impressum");
    await page.getByRole("navigation", { name: FRAME.de.langNav }).getByRole("link", { name: FRAME.de.switchTo }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/en/imprint");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    const cookie = (await context.cookies()).find((c) => c.name === "rathaus_lang");
    expect(cookie?.value).toBe("en");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");

    await page.goto("/");
    await expect(page).toHaveURL((url) => url.pathname === "/en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your digital town hall");
    // Other addresses keep their language.
    await page.goto("/impressum");
    await expect(page.locator("html")).toHaveAttribute("lang", "de");

    await page.goto("/en/imprint");
    await page.getByRole("navigation", { name: FRAME.en.langNav }).getByRole("link", { name: FRAME.en.switchTo }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/impressum");
    await page.goto("/en");
    await expect(page).toHaveURL((url) => url.pathname === "/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ihr digitales Rathaus");
  });

  test("the choice never leads off the site", async ({ page }) => {
    await page.goto("/sprache?zu=en&weiter=//example.org/");
    await expect(page).toHaveURL((url) => url.host !== "example.org" && url.pathname === "/en");
  });
});
