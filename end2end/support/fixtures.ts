import { test as base, expect, type Page, type TestInfo } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

export { expect };

/** The WCAG levels every page must meet (axe-core tags). */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

type Options = {
  /**
   * Console messages a test expects and tolerates, e.g. Chromium's "Failed to load resource …
   * status of 404" for the 404 page itself. Matched against `console.TYPE: TEXT (URL)`, so a
   * pattern can name the resource. Empty by default; set per file or describe with
   * `test.use({ allowedConsole: [/…/] })`, as narrowly as possible.
   */
  allowedConsole: RegExp[];
};

/**
 * `test` with a watched page: console errors, page errors (uncaught exceptions) and any message
 * mentioning hydration fail the test when it ends; warnings are attached to the report.
 */
export const test = base.extend<Options>({
  allowedConsole: [[], { option: true }],
  page: async ({ page, allowedConsole }, use, testInfo) => {
    const problems: string[] = [];
    const warnings: string[] = [];
    page.on("console", (message) => {
      const text = message.text();
      const where = message.location().url ? ` (${message.location().url})` : "";
      const line = `console.${message.type()}: ${text}${where}`;
      if (allowedConsole.some((pattern) => pattern.test(line))) return;
      if (message.type() === "error" || /hydrat/i.test(text)) problems.push(line);
      else if (message.type() === "warning") warnings.push(line);
    });
    page.on("pageerror", (error) => {
      problems.push(`page error: ${error.name}: ${error.message}`);
    });

    await use(page);

    if (warnings.length > 0) {
      await testInfo.attach("console warnings", { body: warnings.join("\n"), contentType: "text/plain" });
    }
    if (problems.length > 0) {
      await testInfo.attach("console errors", { body: problems.join("\n"), contentType: "text/plain" });
    }
    expect(problems, `console errors, page errors or hydration messages:\n${problems.join("\n")}`).toEqual([]);
  },
});

function javaScriptDisabled(testInfo: TestInfo): boolean {
  return testInfo.project.use.javaScriptEnabled === false;
}

/**
 * Hydrates the page's islands and waits until that is done. The page loads its wasm only when a
 * resident first uses an island; the `rathaus:hydrate` event starts it at once. The app sets
 * `data-hydrated="true"` on `<body>` when done. Returns at once when the project runs without
 * JavaScript, and on pages without islands.
 */
export async function waitForHydration(page: Page): Promise<void> {
  if (javaScriptDisabled(test.info())) return;
  if ((await page.locator("leptos-island").count()) === 0) return;
  await page.evaluate(() => document.dispatchEvent(new Event("rathaus:hydrate")));
  await expect(page.locator("body"), "the page never hydrated (body[data-hydrated=true] missing)").toHaveAttribute(
    "data-hydrated",
    "true",
    { timeout: 15_000 },
  );
}

/**
 * Runs axe-core with the WCAG 2.2 A/AA rules on the page as it is now, attaches a full-page
 * screenshot called `name` to the report, and fails with a readable list of violations.
 */
export async function checkA11y(page: Page, name: string): Promise<void> {
  const testInfo = test.info();
  await testInfo.attach(name, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const report = results.violations
    .map((violation) => {
      const targets = violation.nodes
        .map((node) => `      - ${node.target.join(" ")}${node.failureSummary ? `\n        ${node.failureSummary.replace(/\n/g, "\n        ")}` : ""}`)
        .join("\n");
      return `  ${violation.id} (${violation.impact ?? "impact unknown"}): ${violation.help}\n    ${violation.helpUrl}\n${targets}`;
    })
    .join("\n");
  if (results.violations.length > 0) {
    await testInfo.attach(`${name} axe violations`, { body: report, contentType: "text/plain" });
  }
  expect(results.violations.length, `axe found ${results.violations.length} WCAG violation(s) on ${name} (${page.url()}):\n${report}`).toBe(0);
}
