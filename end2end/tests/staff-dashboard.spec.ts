import { test, expect, checkA11y } from "../support/fixtures";
import { accountOf, needsStaffAccounts, signIn } from "../support/staff";

// The dashboard ("Lagebild"): server-rendered SVG bar charts, each named by its title and
// followed by a table with the same numbers; axe at phone and desktop size; every link and
// every table toggle reached with the Tab key. A feedback message is sent first, so at least
// the feedback charts have data whatever else the suite has done.
test.describe("staff dashboard", () => {
  test.beforeEach(() => needsStaffAccounts());
  test.describe.configure({ timeout: 120_000 });

  test("an administrator reads the charts, their tables, and reaches everything with the keyboard", async ({ page }, testInfo) => {
    await page.goto("/barrierefreiheit");
    await page.getByLabel("Was ist Ihnen aufgefallen?").fill("Die Tabelle im Lagebild-Test ist zu schmal.");
    await page.getByLabel("Auf welcher Seite? (freiwillig)").fill("/verwaltung/dashboard");
    await page.getByRole("button", { name: "Nachricht senden" }).click();
    await expect(page).toHaveURL(/rueckmeldung=danke/);

    await signIn(page, accountOf("administrator"), "administrator");
    await page.getByRole("navigation", { name: "Verwaltung" }).getByRole("link", { name: "Lagebild" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Lagebild" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Rückmeldungen zur Barrierefreiheit" })).toBeVisible();

    // Every chart is named by its title, and the table after it has the same caption and rows.
    const charts = await page.locator("svg[role=img]").evaluateAll((svgs) =>
      svgs.map((svg) => {
        const figure = svg.closest("figure.bar-chart");
        return {
          name: document.getElementById(svg.getAttribute("aria-labelledby") ?? "")?.textContent?.trim() ?? "",
          caption: figure?.querySelector("table caption")?.textContent?.trim() ?? "",
          rows: figure?.querySelectorAll("th[scope=row]").length ?? 0,
        };
      }),
    );
    expect(charts.length, "the feedback charts at least").toBeGreaterThanOrEqual(2);
    for (const chart of charts) {
      expect(chart.name.length, "every chart has an accessible name").toBeGreaterThan(3);
      expect(chart.caption, `the table after ${chart.name}`).toBe(chart.name);
      expect(chart.rows, `the table of ${chart.name} has rows`).toBeGreaterThan(0);
    }
    await expect(page.getByRole("img", { name: "Rückmeldungen nach Seite" })).toBeVisible();
    const pages = page.getByRole("group").filter({ hasText: "Als Tabelle: Rückmeldungen nach Seite" });
    await pages.getByText("Als Tabelle: Rückmeldungen nach Seite").click();
    await expect(page.getByRole("table", { name: "Rückmeldungen nach Seite" }).getByRole("rowheader", { name: "/verwaltung/dashboard" })).toBeVisible();
    await checkA11y(page, "dashboard");
    await page.screenshot({ path: testInfo.outputPath(`dashboard-${testInfo.project.name}.png`), fullPage: true });

    // Keyboard only: Tab from the top reaches every link and table toggle of the page.
    await page.reload();
    const targets = await page.evaluate(() => {
      const items = Array.from(document.querySelectorAll<HTMLElement>("a[href], summary, select, button"));
      items.forEach((item, index) => item.setAttribute("data-tab-target", String(index)));
      return items.length;
    });
    const reached = new Set<string>();
    for (let press = 0; press < targets * 2 + 10 && reached.size < targets; press++) {
      await page.keyboard.press("Tab");
      const index = await page.evaluate(() => document.activeElement?.getAttribute("data-tab-target") ?? "");
      if (index) reached.add(index);
    }
    expect(reached.size, "every link, table toggle and form control is reached with Tab").toBe(targets);

    // A bad period falls back to everything, with a message.
    await page.goto("/verwaltung/dashboard?zeitraum=morgen");
    await expect(page.getByRole("alert")).toContainText("Den Zeitraum „morgen“ gibt es nicht.");
    await expect(page.getByLabel("Zeitraum (nach Eingang)")).toHaveValue("alle");

    await page.setViewportSize({ width: 320, height: 900 });
    await page.goto("/verwaltung/dashboard");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, "no sideways scrolling at 320 px").toBeLessThanOrEqual(0);
    await page.screenshot({ path: testInfo.outputPath(`dashboard-320-${testInfo.project.name}.png`), fullPage: true });
    await checkA11y(page, "dashboard at 320 px");
  });
});
