import { test, expect, waitForHydration } from "../support/fixtures";
import type { Page } from "@playwright/test";
import { PAGES } from "../support/pages";

const PATHS = [...PAGES.map((p) => p.path), "/diese-seite-gibt-es-nicht"];

test.use({ allowedConsole: [/the server responded with a status of 404 .*\/diese-seite-gibt-es-nicht\)$/] });

/** Fails when the page scrolls sideways at its current viewport width, naming the culprits. */
async function expectNoHorizontalScroll(page: Page, label: string) {
  // The configured viewport, not window.innerWidth: a mobile browser zooms out to fit content
  // that is too wide, and innerWidth grows with it.
  const width = page.viewportSize()!.width;
  const result = await page.evaluate((width) => {
    const wide = Array.from(document.querySelectorAll("body *"))
      .filter((el) => el.getBoundingClientRect().right > width + 0.5)
      .slice(0, 8)
      .map((el) => {
        const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.className && typeof el.className === "string" ? `.${el.className.trim().split(/\s+/).join(".")}` : ""}`;
        const href = el.getAttribute("href") ? `[href="${el.getAttribute("href")}"]` : "";
        const text = (el.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 50);
        return `${name}${href} "${text}" (right edge ${Math.round(el.getBoundingClientRect().right)} px)`;
      });
    return { width, scrollWidth: document.documentElement.scrollWidth, wide };
  }, width);
  await test.info().attach(label, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  expect(result.scrollWidth, `${label}: scrolls sideways; too wide: ${result.wide.join(", ") || "?"}`).toBeLessThanOrEqual(result.width);
}

// WCAG 1.4.10 Reflow: content must fit 320 CSS px without scrolling in two directions. That is
// a 1280 px window at 400 % zoom (desktop project) or a small phone (phone project).
test.describe("320 CSS px wide", () => {
  test.use({ viewport: { width: 320, height: 640 } });
  for (const path of PATHS) {
    test(`${path} does not scroll sideways at 320 px`, async ({ page }, testInfo) => {
      await page.goto(path);
      await waitForHydration(page);
      expect(page.viewportSize()?.width).toBe(320);
      await expectNoHorizontalScroll(page, `${path} at 320 px (${testInfo.project.name})`);
    });
  }
});

// WCAG 1.4.4 Resize text, 200 % zoom. Browser zoom on a 1280×800 window halves the CSS layout
// viewport to 640×400 CSS px and paints every CSS px with two device pixels; a 640×400
// viewport with deviceScaleFactor 2 is exactly that state (media queries, layout and rendering
// alike). CSS `zoom` on <html> would not be: media queries would still see 1280 px. Phones
// zoom by pinching without reflow, so this runs in the desktop project only.
test.describe("200 % zoom", () => {
  test.use({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
  // Skipped before any browser context is made for it.
  test.skip(({ isMobile }) => isMobile, "browser zoom is a desktop feature");
  for (const path of PATHS) {
    test(`${path} does not scroll sideways at 200 % zoom`, async ({ page }, testInfo) => {
      await page.goto(path);
      await waitForHydration(page);
      expect(await page.evaluate(() => [window.innerWidth, window.devicePixelRatio])).toEqual([640, 2]);
      await expectNoHorizontalScroll(page, `${path} at 200 % zoom (${testInfo.project.name})`);
    });
  }
});
