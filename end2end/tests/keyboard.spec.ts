import { test, expect, waitForHydration } from "../support/fixtures";
import type { Page } from "@playwright/test";
import { FRAME, PAGES, SERVICE, pageAt } from "../support/pages";

// That the first Tab on every page focuses the skip link is checked in pages.spec.ts, which
// loads each page anyway.

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

// Operated with the keyboard: focus the switch, press Enter, and back again. The way back ends
// on the counterpart's counterpart: the page itself, or for the Leichte Sprache version the
// service page in everyday language. The switch is the same link at every width, so this runs
// in the desktop project only.
test.describe("language switch", () => {
  test.skip(({ isMobile }) => isMobile, "the same link as on the desktop; covered there");
  for (const p of PAGES.filter((page) => page.lang === "de")) {
    const back = pageAt(p.counterpart);
    const home = pageAt(back.counterpart);
    test(`${p.path}: the language switch leads to ${p.counterpart} and back`, async ({ page }) => {
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
      await expect(page).toHaveURL((url) => url.pathname === home.path);
      await expect(page.locator("html")).toHaveAttribute("lang", "de");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(home.h1);
    });
  }
});

/** What has the keyboard focus: tag, href, text, and whether a focus indicator is drawn. */
async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== "none" && style.boxShadow !== "";
    return {
      tag: el.tagName.toLowerCase(),
      href: el.getAttribute("href"),
      text: (el.textContent ?? "").replace(/\s+/g, " ").trim(),
      indicator: outline ? `outline ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}` : shadow ? `box-shadow ${style.boxShadow}` : null,
    };
  });
}

/**
 * Presses Tab until the link to `href` has the focus, at most `max` times, as a keyboard user
 * would; fails listing where the focus went. Then checks that the focus is visible.
 */
async function tabTo(page: Page, href: string, max = 60) {
  const visited: string[] = [];
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press("Tab");
    const now = await focused(page);
    visited.push(now ? `${now.tag}[href=${now.href}] "${now.text.slice(0, 40)}"` : "body");
    if (now?.href === href) {
      expect(now.indicator, `focus on the link to ${href} is not visible (no outline, no box-shadow)`).not.toBeNull();
      return;
    }
  }
  throw new Error(`no link to ${href} after ${max} Tab presses on ${page.url()}; focus went to:\n${visited.join("\n")}`);
}

// A resident without a mouse finds a service from the home page, jumps to the responsible office
// and opens its page. Only Tab, Shift+Tab and Enter.
test("keyboard journey: home → featured service → appointment → office", async ({ page }) => {
  const service = SERVICE.de;
  await page.goto("/");
  await waitForHydration(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ihr digitales Rathaus");

  // Home: the featured service under "Häufig gesucht".
  await tabTo(page, service.path);
  // One step back and forth again: Shift+Tab leaves the link, Tab returns to it.
  await page.keyboard.press("Shift+Tab");
  expect((await focused(page))?.href).not.toBe(service.path);
  await page.keyboard.press("Tab");
  expect((await focused(page))?.href).toBe(service.path);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL((url) => url.pathname === service.path);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(service.title);
  await waitForHydration(page);

  // Service page: the call to action jumps to the responsible office.
  await tabTo(page, "#zustaendige-stelle");
  expect((await focused(page))?.text).toBe(service.action);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#zustaendige-stelle$/);
  const section = page.getByRole("region", { name: "Zuständige Stelle" });
  await expect(section.getByRole("heading", { level: 2 })).toBeInViewport();
  // The next Tab starts from the section, so the office link is close by.
  await tabTo(page, service.office.path, 3);
  expect((await focused(page))?.text).toBe(service.office.name);
  await page.keyboard.press("Enter");

  // Office page.
  await expect(page).toHaveURL((url) => url.pathname === service.office.path);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(service.office.name);
  await waitForHydration(page);
  await tabTo(page, "#inhalt", 1);
  await expect(page.getByRole("link", { name: FRAME.de.skip })).toBeInViewport();
});
