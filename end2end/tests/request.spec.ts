import { test, expect, waitForHydration, checkA11y, type Page } from "../support/fixtures";

// Online requests (issue #5): the GOV.UK journey from the service page to the confirmation,
// then tracking, a reply with a file and a withdrawal. Every step runs with and without
// JavaScript (@nojs) and is checked with axe, error states included.

function isoInDays(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A 1×1 PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

async function axe(page: Page, name: string) {
  if (test.info().project.name !== "no-js") await checkA11y(page, name);
}

async function next(page: Page) {
  await page.getByRole("button", { name: "Weiter", exact: true }).click();
}

test.describe("online request", () => {
  // The journeys run axe on every step; on a busy 2-core machine that passes 30 s.
  test.describe.configure({ timeout: 90_000 });
  test("bulky waste: every step, errors, change link, submit, track, withdraw @nojs", async ({ page }) => {
    await page.goto("/leistungen/sperrmuell-anmelden");
    await page.getByRole("link", { name: "So beantragen Sie es online" }).click();
    await expect(page).toHaveURL(/\/leistungen\/sperrmuell-anmelden\/antrag$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("online beantragen");
    await axe(page, "request start page");
    await page.getByRole("button", { name: "Jetzt starten" }).click();
    await expect(page).toHaveURL(/\/antrag\/[A-Z0-9-]{19}\/frage\/sperrmuell$/);
    await waitForHydration(page);
    await axe(page, "first question page");

    // Continue without answers: the error summary links to each field.
    await next(page);
    const summary = page.getByRole("alert");
    await expect(summary).toContainText("Bitte prüfen Sie Ihre Angaben");
    await expect(summary.getByRole("link", { name: /Gegenstände/ })).toHaveAttribute("href", "#gegenstaende");
    await expect(page).toHaveTitle(/^Fehler:/);
    await axe(page, "question page with errors");

    await page.getByLabel("Welche Gegenstände sind es?").fill("Ein Sofa\nZwei Stühle");
    await page.getByLabel(/Kubikmetern/).fill("2,5");
    await page.getByRole("group", { name: /Elektrogeräte\?/ }).getByLabel("Ja").check();
    // Without JavaScript the server shows the page again with the new question.
    if (!(await page.getByRole("group", { name: "Welche Elektrogeräte sind es?" }).isVisible())) await next(page);
    const devices = page.getByRole("group", { name: "Welche Elektrogeräte sind es?" });
    await devices.getByLabel(/Kühlschrank/).check();
    await devices.getByLabel(/Fernseher/).check();
    await next(page);

    await expect(page).toHaveURL(/\/frage\/abholung$/);
    await page.getByLabel("Straße und Hausnummer").fill("Porschestraße 1");
    await page.getByLabel("Postleitzahl").fill("3844");
    await page.getByLabel("Ort", { exact: true }).fill("Wolfsburg");
    await page.getByLabel("Ihr Wunschtermin").fill(isoInDays(1));
    await next(page);
    await expect(page.getByRole("alert")).toContainText("fünf Ziffern");
    await expect(page.getByRole("alert")).toContainText("nicht vor dem");
    await axe(page, "address and date errors");
    await page.getByLabel("Postleitzahl").fill("38440");
    await page.getByLabel("Ihr Wunschtermin").fill(isoInDays(10));
    await next(page);

    await expect(page).toHaveURL(/\/frage\/kontakt$/);
    await page.getByLabel("Ihr vollständiger Name").fill("Erika Mustermann");
    await page.getByLabel(/^E-Mail-Adresse/).fill("erika@example.org");
    await page.getByLabel(/^Telefonnummer/).fill("05361 28-0");
    await next(page);

    await expect(page).toHaveURL(/\/pruefen$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Prüfen Sie Ihre Angaben");
    const main = page.getByRole("main");
    await expect(main).toContainText("Porschestraße 1");
    await expect(main).toContainText("38440 Wolfsburg");
    await expect(main).toContainText("Kühlschrank oder Gefriertruhe");
    await axe(page, "check your answers");

    // A change link leads to the question and back to the check page.
    await page.getByRole("link", { name: "„Ihr vollständiger Name“ ändern" }).click();
    await expect(page.getByLabel("Ihr vollständiger Name")).toHaveValue("Erika Mustermann");
    await page.getByLabel("Ihr vollständiger Name").fill("Erika Musterfrau");
    await next(page);
    await expect(page).toHaveURL(/\/pruefen$/);
    await expect(main).toContainText("Erika Musterfrau");

    // The declaration is needed.
    await page.getByRole("button", { name: "Verbindlich absenden" }).click();
    await expect(page.getByRole("alert")).toContainText("Bitte bestätigen Sie die Erklärung.");
    await axe(page, "declaration missing");
    await page.getByLabel(/Ich bestätige/).check();
    await page.getByRole("button", { name: "Verbindlich absenden" }).click();

    await expect(page).toHaveURL(/\/bestaetigung$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Antrag abgeschickt");
    const reference = (await page.locator(".reference").first().textContent())!.trim();
    expect(reference).toMatch(/^\d{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    await axe(page, "confirmation");

    await page.getByRole("link", { name: "Stand des Antrags ansehen" }).click();
    await expect(page).toHaveURL(/\/antrag\/status\?nummer=/);
    await expect(page.locator(".request-status")).toHaveText("Eingegangen");
    await expect(page.getByRole("main")).toContainText(reference);
    await axe(page, "tracking page");

    await page.getByLabel(/Ja, ich ziehe meinen Antrag zurück/).check();
    await page.getByRole("button", { name: "Antrag zurückziehen" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText("zurückgezogen");
    await expect(page.locator(".request-status")).toHaveText("Zurückgezogen");
    await expect(page.getByRole("button", { name: "Antrag zurückziehen" })).toHaveCount(0);
    await axe(page, "withdrawn request");
  });

  test("found property: choice, photo upload, answer with a file @nojs", async ({ page }) => {
    await page.goto("/leistungen/fundsache-abgeben/antrag");
    await page.getByRole("button", { name: "Jetzt starten" }).click();
    await waitForHydration(page);
    await page.getByLabel("Handy oder Tablet").check();
    await page.getByLabel("Beschreiben Sie den Gegenstand").fill("Schwarzes Handy mit roter Hülle");
    // A PDF is refused for the photo field, whatever its name says.
    await page.getByLabel(/^Foto/).setInputFiles({ name: "foto.png", mimeType: "image/png", buffer: Buffer.from("%PDF-1.7 kein Bild") });
    await page.getByRole("button", { name: "Datei hochladen" }).click();
    await expect(page.getByRole("alert")).toContainText("Diese Datei können wir nicht annehmen");
    await expect(page.getByLabel("Beschreiben Sie den Gegenstand")).toHaveValue("Schwarzes Handy mit roter Hülle");
    await axe(page, "upload refused");
    await page.getByLabel(/^Foto/).setInputFiles({ name: "handy.png", mimeType: "image/png", buffer: PNG });
    await page.getByRole("button", { name: "Datei hochladen" }).click();
    await expect(page.locator(".request-files")).toContainText("handy.png");
    await axe(page, "photo uploaded");
    await next(page);

    await page.getByLabel("Fundort").fill("Bushaltestelle Nordkopf");
    await page.getByLabel("Funddatum").fill(isoInDays(0));
    await next(page);
    await page.getByRole("group", { name: /Ansprüche/ }).getByLabel("Nein").check();
    await next(page);
    await page.getByLabel("Ihr vollständiger Name").fill("Max Mustermann");
    await next(page);
    await expect(page.getByRole("main")).toContainText("handy.png");
    await page.getByLabel(/Ich bestätige/).check();
    await page.getByRole("button", { name: "Verbindlich absenden" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Antrag abgeschickt");

    await page.getByRole("link", { name: "Stand des Antrags ansehen" }).click();
    await page.getByLabel("Ihre Nachricht").fill("Die Hülle hat einen Aufkleber.");
    await page.getByLabel(/^Dateien/).setInputFiles({ name: "aufkleber.png", mimeType: "image/png", buffer: PNG });
    await page.getByRole("button", { name: "Antwort senden" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText("Ihre Antwort ist angekommen.");
    await expect(page.locator(".history")).toContainText("Die Hülle hat einen Aufkleber.");
    await expect(page.locator(".history")).toContainText("aufkleber.png");
    await axe(page, "tracking page after a reply");
  });

  test("tracking refuses a wrong PIN without saying which part was wrong @nojs", async ({ page }) => {
    await page.goto("/antrag/status");
    await axe(page, "tracking form");
    await page.getByLabel("Vorgangsnummer").fill("2026-ABCD-EFGH");
    await page.getByLabel("PIN").fill("ABCD-EFGH");
    await page.getByRole("button", { name: "Stand abfragen" }).click();
    await expect(page.getByRole("alert")).toContainText("passen zu keinem Antrag");
    await axe(page, "tracking no match");
  });

  test("a started request is resumed with its code @nojs", async ({ page }) => {
    await page.goto("/leistungen/melderegisterauskunft/antrag");
    await page.getByRole("button", { name: "Jetzt starten" }).click();
    const firstPage = page.url();
    const code = firstPage.split("/antrag/")[1].split("/")[0];
    await page.goto("/antrag/fortsetzen");
    await axe(page, "resume form");
    await page.getByLabel("Code zum Fortsetzen").fill(code.toLowerCase().replace(/-/g, " "));
    await page.getByRole("button", { name: "Fortsetzen" }).click();
    await expect(page).toHaveURL(firstPage);
    await page.goto("/antrag/fortsetzen?code=falsch");
    await expect(page.getByRole("alert")).toContainText("keinen begonnenen Antrag");
    await axe(page, "resume code unknown");
  });

  test("the first page can be answered with the keyboard alone", async ({ page }) => {
    await page.goto("/leistungen/sperrmuell-anmelden/antrag");
    await page.getByRole("button", { name: "Jetzt starten" }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/frage\/sperrmuell$/);
    await page.getByLabel("Welche Gegenstände sind es?").focus();
    await page.keyboard.type("Ein Schrank");
    await page.keyboard.press("Tab");
    await page.keyboard.type("1");
    await page.keyboard.press("Tab");
    await page.keyboard.press("ArrowRight");
    await expect(page.getByRole("group", { name: /Elektrogeräte\?/ }).getByLabel("Nein")).toBeChecked();
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Weiter", exact: true })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/frage\/abholung$/);
  });

  test("the English journey speaks English", async ({ page }) => {
    await page.goto("/en/services/book-a-bulky-waste-collection/request");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("apply online");
    await page.getByRole("button", { name: "Start now" }).click();
    await expect(page).toHaveURL(/\/en\/request\/[A-Z0-9-]{19}\/question\/sperrmuell$/);
    await page.getByRole("button", { name: "Continue", exact: true }).click();
    await expect(page.getByRole("alert")).toContainText("There is a problem");
    await axe(page, "English question page with errors");
  });
});
