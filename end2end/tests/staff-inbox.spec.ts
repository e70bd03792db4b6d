import { test, expect, checkA11y, type Page } from "../support/fixtures";
import { accountOf, needsStaffAccounts, signIn } from "../support/staff";

// The caseworkers' inbox (issue #7): a resident submits a request through the real journey; a
// caseworker finds it, takes it, asks for a document; the resident answers on the tracking page
// with a file; the caseworker reads the reply, downloads the file and completes the request; the
// resident sees the final state. The mails of each step are asserted in the router tests
// (server/src/http/inbox_tests.rs), which read the outbox: this suite has no SMTP server.

/** A 1×1 PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

function isoInDays(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Submits a Sperrmüll request as a resident; returns its reference and tracking address. */
async function submitRequest(page: Page, name: string): Promise<{ reference: string; tracking: string }> {
  await page.goto("/leistungen/sperrmuell-anmelden/antrag");
  await page.getByRole("button", { name: "Jetzt starten" }).click();
  await page.getByLabel("Welche Gegenstände sind es?").fill("Ein Sofa");
  await page.getByLabel(/Kubikmetern/).fill("2");
  await page.getByRole("group", { name: /Elektrogeräte\?/ }).getByLabel("Nein").check();
  await page.getByRole("button", { name: "Weiter", exact: true }).click();
  await page.getByLabel("Straße und Hausnummer").fill("Porschestraße 1");
  await page.getByLabel("Postleitzahl").fill("38440");
  await page.getByLabel("Ort", { exact: true }).fill("Wolfsburg");
  await page.getByLabel("Ihr Wunschtermin").fill(isoInDays(10));
  await page.getByRole("button", { name: "Weiter", exact: true }).click();
  await page.getByLabel("Ihr vollständiger Name").fill(name);
  await page.getByLabel(/^E-Mail-Adresse/).fill("erika@example.org");
  await page.getByRole("button", { name: "Weiter", exact: true }).click();
  await page.getByLabel(/Ich bestätige/).check();
  await page.getByRole("button", { name: "Verbindlich absenden" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Antrag abgeschickt");
  const reference = (await page.locator(".reference").first().textContent())!.trim();
  await page.getByRole("link", { name: "Stand des Antrags ansehen" }).click();
  await expect(page.locator(".request-status")).toHaveText("Eingegangen");
  return { reference, tracking: page.url() };
}

test.describe("caseworkers' inbox", () => {
  // Chromium logs the 404 of the missing request's page itself as a console error; allow exactly that.
  test.use({ allowedConsole: [/the server responded with a status of 404 .*\/verwaltung\/antraege\/2026-ABCD-EFGH\)$/] });
  test.beforeEach(() => needsStaffAccounts());
  test.describe.configure({ timeout: 180_000 });

  test("take a request, ask for a document, read the reply with its file, complete it", async ({ page, browser }) => {
    test.skip(test.info().project.name === "no-js", "the staff pages have their own no-JavaScript router tests");
    const name = `Erika Inbox ${Date.now()}`;
    const { reference, tracking } = await submitRequest(page, name);

    const staff = await (await browser.newContext()).newPage();
    await signIn(staff, accountOf("caseworker"), "caseworker");
    await staff.getByRole("navigation", { name: "Verwaltung" }).getByRole("link", { name: "Anträge" }).click();
    await expect(staff.getByRole("heading", { level: 1 })).toHaveText("Anträge");
    await checkA11y(staff, "inbox list");
    await staff.getByLabel("Vorgangsnummer oder Name").fill(reference.toLowerCase());
    await staff.getByRole("button", { name: "Filtern" }).click();
    await expect(staff.getByRole("status").filter({ hasText: "1 Antrag gefunden" })).toBeVisible();
    await staff.getByRole("link", { name: reference }).click();
    await expect(staff.getByRole("heading", { level: 1 })).toHaveText(`Antrag ${reference}`);
    await expect(staff.getByRole("main")).toContainText(name);
    await checkA11y(staff, "request detail");

    await staff.getByLabel("Zuweisen an").selectOption({ label: "Mir" });
    await staff.getByRole("button", { name: "Zuweisen" }).click();
    await expect(staff.getByRole("status").filter({ hasText: "Zugewiesen an" })).toBeVisible();
    await staff.getByLabel(/Was brauchen Sie noch/).fill("Bitte senden Sie uns ein Foto des Sofas.");
    await staff.getByRole("button", { name: "Nachfrage senden" }).click();
    await expect(staff.getByRole("status").filter({ hasText: "Nachfrage gesendet" })).toBeVisible();
    await staff.getByLabel("Interne Notiz").fill("Nachbar hat angerufen, intern.");
    await staff.getByRole("button", { name: "Notiz speichern" }).click();
    await expect(staff.getByRole("status").filter({ hasText: "Interne Notiz gespeichert" })).toBeVisible();
    await checkA11y(staff, "request detail with history");

    // The resident answers with a file; the internal note is not on their page.
    await page.goto(tracking);
    await expect(page.locator(".request-status")).toHaveText("Wartet auf Ihre Antwort");
    await expect(page.locator(".history")).toContainText("Bitte senden Sie uns ein Foto des Sofas.");
    await expect(page.getByRole("main")).not.toContainText("Nachbar hat angerufen");
    await page.getByLabel("Ihre Nachricht").fill("Hier ist das Foto.");
    await page.getByLabel(/^Dateien/).setInputFiles({ name: "sofa.png", mimeType: "image/png", buffer: PNG });
    await page.getByRole("button", { name: "Antwort senden" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText("Ihre Antwort ist angekommen.");

    // The caseworker reads the reply, downloads the file and completes the request.
    await staff.reload();
    await expect(staff.getByRole("main")).toContainText("Hier ist das Foto.");
    await expect(staff.getByRole("main")).toContainText("In Bearbeitung");
    const [download] = await Promise.all([staff.waitForEvent("download"), staff.getByRole("link", { name: "sofa.png herunterladen" }).click()]);
    expect(download.suggestedFilename()).toBe("sofa.png");
    await staff.getByLabel("Neuer Stand").selectOption({ label: "Abgeschlossen" });
    await staff.getByLabel(/^Nachricht an die antragstellende Person/).fill("Wir holen das Sofa am Montag ab.");
    await staff.getByRole("button", { name: "Stand ändern" }).click();
    await expect(staff.getByRole("status").filter({ hasText: "Stand geändert: Abgeschlossen" })).toBeVisible();

    await page.goto(tracking);
    await expect(page.locator(".request-status")).toHaveText("Abgeschlossen");
    await expect(page.locator(".history")).toContainText("Wir holen das Sofa am Montag ab.");
    await expect(page.getByRole("main")).not.toContainText("Nachbar hat angerufen");
  });

  test("filters by keyboard only, bad addresses, canned replies and a missing request are clear pages", async ({ page }) => {
    test.skip(test.info().project.name === "no-js", "the staff pages have their own no-JavaScript router tests");
    await signIn(page, accountOf("caseworker", 2), "caseworker");
    await page.goto("/verwaltung/antraege");
    // Keyboard only: from the search field through every filter to the button.
    await page.getByLabel("Vorgangsnummer oder Name").focus();
    await page.keyboard.type("Erika");
    const ids: string[] = [];
    for (let step = 0; step < 20; step++) {
      await page.keyboard.press("Tab");
      const focused = page.locator(":focus");
      await expect(focused).toBeVisible();
      if ((await focused.textContent())?.trim() === "Filtern") break;
      ids.push((await focused.getAttribute("id")) ?? "");
    }
    expect(ids).toEqual(["leistung", "status", "dienststelle", "bearbeitung", "alter", "ueberfaellig", "sortierung", "richtung"]);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/q=Erika/);
    await expect(page.getByRole("status").filter({ hasText: /gefunden/ })).toBeVisible();

    await page.goto("/verwaltung/antraege?status=gibtsnicht&seite=abc");
    await expect(page.getByRole("main")).toContainText("gibt es nicht; alle Stände werden gezeigt");
    await expect(page.getByRole("main")).toContainText("keine gültige Seitenzahl");
    await checkA11y(page, "inbox with a bad address");

    await page.goto("/verwaltung/antraege/antwortvorlagen");
    await checkA11y(page, "canned replies");
    const title = `Termin ${Date.now()}`;
    await page.getByLabel("Titel").fill(title);
    await page.getByLabel(/^Text an die antragstellende Person/).fill("Wir holen am Dienstag ab.");
    await page.getByRole("button", { name: "Vorlage speichern" }).click();
    await expect(page.getByRole("status").filter({ hasText: "gespeichert" })).toBeVisible();
    await page.getByRole("button", { name: `„${title}“ löschen` }).click();
    await expect(page.getByRole("status").filter({ hasText: "gelöscht" })).toBeVisible();

    const missing = await page.goto("/verwaltung/antraege/2026-ABCD-EFGH");
    expect(missing?.status()).toBe(404);
    await checkA11y(page, "missing request");

    // At 320 px the list and a request's page scroll only downwards (wide tables scroll in their own box).
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto("/verwaltung/antraege");
    const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await sideways(), "the list does not scroll sideways at 320 px").toBeLessThanOrEqual(0);
    await page.screenshot({ path: test.info().outputPath(`inbox-320-${test.info().project.name}.png`), fullPage: true });
    const first = page.getByRole("main").locator("tbody a").first();
    if ((await first.count()) > 0) {
      await first.click();
      expect(await sideways(), "a request's page does not scroll sideways at 320 px").toBeLessThanOrEqual(0);
      await page.screenshot({ path: test.info().outputPath(`inbox-request-320-${test.info().project.name}.png`), fullPage: true });
    }
  });
});
