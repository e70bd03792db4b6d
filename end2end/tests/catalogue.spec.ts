import { test, expect, waitForHydration } from "../support/fixtures";
import type { Page } from "@playwright/test";
import { SERVICE } from "../support/pages";

/** The page's JSON-LD blocks, parsed; fails on one that is not valid JSON. */
async function jsonLd(page: Page): Promise<Record<string, unknown>[]> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.map((text, i) => {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new Error(`JSON-LD block ${i} on ${page.url()} is not JSON: ${error}\n${text}`);
    }
  });
}

// The service page in everyday German: every section a resident looks for, the office card,
// the price, the approval line and machine-readable data for search engines.
test("service page (de): sections, price, office, approval, JSON-LD", async ({ page }) => {
  const service = SERVICE.de;
  await page.goto(service.path);
  await waitForHydration(page);
  const main = page.getByRole("main");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(service.title);
  await expect(main.getByText(service.badge, { exact: true }).first()).toBeVisible();
  await expect(main.getByRole("link", { name: service.action })).toHaveAttribute("href", "#zustaendige-stelle");

  for (const heading of service.sections) {
    await expect(main.getByRole("heading", { level: 2, name: heading, exact: true }), `section "${heading}"`).toBeVisible();
  }
  await expect(main.getByRole("region", { name: "Welche Unterlagen brauche ich?" }).getByRole("listitem")).not.toHaveCount(0);
  await expect(main.getByRole("region", { name: "Was kostet das?" }).getByText(service.price, { exact: true }).first()).toBeVisible();

  // The responsible office: name linking to its page, open/closed now, address, phone, e-mail.
  const office = main.getByRole("region", { name: "Zuständige Stelle" });
  await expect(office.getByRole("link", { name: service.office.name, exact: true })).toHaveAttribute("href", service.office.path);
  await expect(office.getByText(/geöffnet|geschlossen/i).first()).toBeVisible();
  await expect(office.locator("address").first()).toContainText("Wolfsburg");
  await expect(office.locator('a[href^="tel:"]').first()).toBeVisible();
  await expect(office.locator('a[href^="mailto:"]').first()).toBeVisible();

  await expect(main.getByRole("region", { name: "Rechtsgrundlagen" }).getByRole("link")).not.toHaveCount(0);
  await expect(main.getByText(/^Stand: fachlich freigegeben am \d{2}\.\d{2}\.\d{4}/)).toBeVisible();

  const data = await jsonLd(page);
  const gov = data.find((block) => block["@type"] === "GovernmentService");
  expect(gov, `a GovernmentService among the JSON-LD blocks: ${JSON.stringify(data)}`).toBeTruthy();
  expect(gov!["@context"]).toMatch(/^https?:\/\/schema\.org\/?$/);
  expect(gov!.name).toBe(service.title);
});

test("service page (en): price in English notation, JSON-LD", async ({ page }) => {
  const service = SERVICE.en;
  await page.goto(service.path);
  await waitForHydration(page);
  const main = page.getByRole("main");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(service.title);
  await expect(main.getByText(service.badge, { exact: true }).first()).toBeVisible();
  await expect(main.getByRole("link", { name: service.action })).toHaveAttribute("href", "#zustaendige-stelle");
  await expect(main.getByText(service.price, { exact: true }).first()).toBeVisible();
  await expect(main.getByText(SERVICE.de.price)).toHaveCount(0);
  await expect(main.getByRole("link", { name: service.office.name, exact: true })).toHaveAttribute("href", service.office.path);

  const gov = (await jsonLd(page)).find((block) => block["@type"] === "GovernmentService");
  expect(gov, "a GovernmentService in the JSON-LD").toBeTruthy();
  expect(gov!.name).toBe(service.title);
});

// Leichte Sprache: the German page links to it, its article is marked as Leichte Sprache
// (lang="de-x-ls") inside the German document, and it links back to everyday language.
test("Leichte Sprache version of the service page", async ({ page }) => {
  const service = SERVICE.de;
  const easy = service.easyRead;
  await page.goto(service.path);
  await waitForHydration(page);
  const toEasy = page.getByRole("main").getByRole("link", { name: easy.link });
  await expect(toEasy).toHaveAttribute("href", easy.path);
  await expect(toEasy).toHaveAttribute("lang", "de-x-ls");

  await toEasy.click();
  await expect(page).toHaveURL((url) => url.pathname === easy.path);
  await waitForHydration(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  const article = page.getByRole("main").locator("article");
  await expect(article).toHaveCount(1);
  await expect(article).toHaveAttribute("lang", "de-x-ls");
  await expect(article.getByRole("heading", { level: 1 })).toHaveText(easy.h1);
  await expect(article.getByText(service.price, { exact: true }).first()).toBeVisible();

  const back = article.getByRole("link", { name: easy.back });
  await expect(back).toHaveAttribute("href", service.path);
  await expect(back).toHaveAttribute("lang", "de");
  await back.click();
  await expect(page).toHaveURL((url) => url.pathname === service.path);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(service.title);
});

test("an online service offers the online way", async ({ page }) => {
  await page.goto("/leistungen/sperrmuell-anmelden");
  await waitForHydration(page);
  const main = page.getByRole("main");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sperrmüll anmelden");
  await expect(main.getByText("Online möglich", { exact: true }).first()).toBeVisible();
  // With a live request form, the call to action opens the request's start page.
  await expect(main.getByRole("link", { name: "So beantragen Sie es online" })).toHaveAttribute("href", "/leistungen/sperrmuell-anmelden/antrag");
});

test("A–Z: every letter link leads to its section", async ({ page }) => {
  await page.goto("/leistungen");
  await waitForHydration(page);
  const letters = page.getByRole("navigation", { name: "Anfangsbuchstaben" }).getByRole("link");
  const count = await letters.count();
  expect(count, "letters in the letter navigation").toBeGreaterThan(5);
  for (let i = 0; i < count; i++) {
    const letter = (await letters.nth(i).innerText()).trim();
    await expect(letters.nth(i)).toHaveAttribute("href", `#buchstabe-${letter}`);
    const section = page.getByRole("main").getByRole("region", { name: letter, exact: true });
    await expect(section.getByRole("heading", { level: 2 })).toHaveAttribute("id", `buchstabe-${letter}`);
    await expect(section.getByRole("link"), `services under ${letter}`).not.toHaveCount(0);
  }
  // 62 services in the demo catalogue, each once.
  await expect(page.getByRole("main").locator('a[href^="/leistungen/"]')).toHaveCount(62);
});

test("home page: featured services, life situations, topics, 115", async ({ page }) => {
  await page.goto("/");
  await waitForHydration(page);
  const main = page.getByRole("main");
  const featured = main.getByRole("region", { name: "Häufig gesucht" });
  await expect(featured.getByRole("link", { name: SERVICE.de.title, exact: true })).toHaveAttribute("href", SERVICE.de.path);
  await expect(main.getByRole("region", { name: "Lebenslagen" }).getByRole("link", { name: "Umzug", exact: true })).toHaveAttribute("href", "/lebenslagen/umzug");
  await expect(main.getByRole("region", { name: "Themen" }).getByRole("link", { name: "Tiere", exact: true })).toHaveAttribute("href", "/themen/tiere");
  await expect(main.getByRole("link", { name: "115", exact: true })).toHaveAttribute("href", "tel:115");
});

test("life situation page lists its child situations and services", async ({ page }) => {
  await page.goto("/lebenslagen/umzug");
  await waitForHydration(page);
  const main = page.getByRole("main");
  await expect(main.getByRole("link", { name: "Zuzug nach Wolfsburg", exact: true })).toHaveAttribute("href", "/lebenslagen/zuzug-nach-wolfsburg");
  await expect(main.getByRole("link", { name: "Wohnung anmelden oder ummelden", exact: true })).toHaveAttribute("href", "/leistungen/wohnung-anmelden");
});

test("office page: opening hours, exceptions, accessibility of the building, services", async ({ page }) => {
  await page.goto(SERVICE.de.office.path);
  await waitForHydration(page);
  const main = page.getByRole("main");
  const hours = main.getByRole("region", { name: "Öffnungszeiten" });
  await expect(hours.getByRole("table")).toBeVisible();
  await expect(hours.getByRole("rowheader", { name: "Montag" })).toBeVisible();
  await expect(hours.getByRole("heading", { name: "Abweichende Öffnungszeiten" })).toBeVisible();
  await expect(main.getByRole("region", { name: "Barrierefreiheit des Gebäudes" })).toContainText("Aufzug");
  await expect(main.getByRole("region", { name: "Leistungen dieser Stelle" }).getByRole("link", { name: SERVICE.de.title, exact: true }))
    .toHaveAttribute("href", SERVICE.de.path);
});
