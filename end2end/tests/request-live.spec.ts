import { test, expect, waitForHydration, checkA11y, type Page } from "../support/fixtures";

// Question pages with JavaScript (issue #5): the LiveChecks island checks an answer with the
// server's own Rust code when the resident leaves it (and while they correct it), shows the
// questions a show-if rule reveals, and uploads files with a progress bar. None of these tests
// is tagged @nojs: without JavaScript the same journey is the server's (request.spec.ts).

/** A 1×1 PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

/** Starts a request for the service and waits on its first question page, hydrated. */
async function start(page: Page, service: string) {
  await page.goto(`/leistungen/${service}/antrag`);
  await page.getByRole("button", { name: "Jetzt starten" }).click();
  await expect(page).toHaveURL(/\/antrag\/[A-Z0-9-]+\/frage\/[a-z0-9-]+$/);
  await waitForHydration(page);
  await markPage(page);
}

/** Leaves a marker on the window that any page load would take away. */
async function markPage(page: Page) {
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
}

async function expectSameDocument(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument), "the page was loaded again").toBe(true);
}

test.describe("question page with JavaScript", () => {
  test("a wrong number is named on leaving the field and cleared as it is corrected, axe", async ({ page }) => {
    await start(page, "sperrmuell-anmelden");
    const amount = page.getByLabel(/Kubikmetern/);
    const error = page.locator("#menge-error");
    const wrapper = page.locator('.request-field[data-field="menge"] .kern-form-input');
    // No message while typing the first answer.
    await amount.pressSequentially("zeh", { delay: 20 });
    await expect(error).toHaveCount(0);
    await amount.pressSequentially("n", { delay: 20 });
    await amount.press("Tab");
    await expect(error).toContainText("„Wie viel ist es ungefähr, in Kubikmetern?“ muss eine Zahl sein, zum Beispiel 3 oder 2,5.");
    await expect(error.locator(".kern-sr-only")).toHaveText("Fehler:");
    await expect(amount).toHaveAttribute("aria-invalid", "true");
    await expect(amount).toHaveAttribute("aria-describedby", "menge-hint menge-error");
    await expect(amount).toHaveClass(/kern-form-input__input--error/);
    await expect(wrapper).toHaveClass(/kern-form-input--error/);
    // Focus went where Tab sent it, to the next question.
    await expect(page.locator("#elektrogeraete")).toBeFocused();
    await expect(page.getByRole("status").filter({ hasText: "Kubikmetern" })).toContainText("Fehler:");
    await expectSameDocument(page);
    await checkA11y(page, "question page with a live error");

    // The same rules as on the server: a number out of range gets the server's message.
    await amount.fill("12");
    await expect(error).toContainText("darf höchstens 5 sein.");
    // Corrected: the message goes while typing, without leaving the field.
    await amount.fill("2,5");
    await expect(error).toHaveCount(0);
    await expect(amount).not.toHaveAttribute("aria-invalid");
    await expect(amount).toHaveAttribute("aria-describedby", "menge-hint");
    await expect(amount).not.toHaveClass(/--error/);
    await expect(wrapper).not.toHaveClass(/--error/);
    await expectSameDocument(page);
  });

  test("the question about devices appears with „Ja“ without a page load", async ({ page }) => {
    await start(page, "sperrmuell-anmelden");
    const devicesField = page.locator('.request-field[data-field="geraetearten"]');
    const devices = page.getByRole("group", { name: "Welche Elektrogeräte sind es?" });
    await expect(devicesField).toBeHidden();
    const electric = page.getByRole("group", { name: /Elektrogeräte\?/ });
    await electric.getByLabel("Ja").check();
    await expect(devicesField).toBeVisible();
    await expect(devices).toBeVisible();
    await devices.getByLabel(/Kühlschrank/).check();
    await electric.getByLabel("Nein").check();
    await expect(devicesField).toBeHidden();
    await electric.getByLabel("Ja").check();
    await expect(devices.getByLabel(/Kühlschrank/)).toBeChecked();
    await expectSameDocument(page);
    await checkA11y(page, "question page with a revealed question");
  });

  test("the server's messages go as the answers are corrected", async ({ page }) => {
    await start(page, "sperrmuell-anmelden");
    await page.getByRole("button", { name: "Weiter", exact: true }).click();
    await expect(page.getByRole("alert")).toContainText("Bitte prüfen Sie Ihre Angaben");
    await waitForHydration(page);
    await markPage(page);
    const items = page.getByLabel("Welche Gegenstände sind es?");
    await expect(page.locator("#gegenstaende-error")).toBeVisible();
    await items.fill("Ein Sofa");
    await expect(page.locator("#gegenstaende-error")).toHaveCount(0);
    await expect(items).toHaveAttribute("aria-describedby", "gegenstaende-hint");
    // A choice: the fieldset loses its error state once answered.
    const electric = page.locator('.request-field[data-field="elektrogeraete"] fieldset');
    await expect(electric).toHaveClass(/kern-fieldset--error/);
    await page.getByRole("group", { name: /Elektrogeräte\?/ }).getByLabel("Nein").check();
    await expect(page.locator("#elektrogeraete-error")).toHaveCount(0);
    await expect(electric).not.toHaveClass(/kern-fieldset--error/);
    await expect(electric).toHaveAttribute("aria-describedby", "elektrogeraete-hint");
    await expect(page.locator("#elektrogeraete")).not.toHaveAttribute("aria-invalid");
    await expectSameDocument(page);
    await checkA11y(page, "server errors corrected live");
  });

  test("a photo goes up with a progress bar, then the page lists it", async ({ page }) => {
    await start(page, "fundsache-abgeben");
    // What the progress bar's label said; the page is left when the upload is done.
    const labels: string[] = [];
    await page.exposeFunction("recordProgress", (text: string) => labels.push(text));
    await page.evaluate(() => {
      const record = (window as unknown as { recordProgress: (text: string) => void }).recordProgress;
      new MutationObserver(() => {
        const label = document.querySelector(".upload-progress label");
        const bar = document.querySelector(".upload-progress progress");
        if (label && bar && label.getAttribute("for") === bar.id) record(label.textContent ?? "");
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByLabel("Beschreiben Sie den Gegenstand").fill("Schwarzes Handy");
    await page.getByLabel(/^Foto/).setInputFiles({ name: "handy.png", mimeType: "image/png", buffer: PNG });
    const upload = page.waitForRequest((request) => request.method() === "POST" && request.resourceType() === "xhr");
    await page.getByRole("button", { name: "Datei hochladen" }).click();
    await upload;
    await expect(page.locator(".request-files")).toContainText("handy.png");
    expect(labels.length, "no progress bar was shown").toBeGreaterThan(0);
    expect(labels[0]).toMatch(/^Hochladen: \d+ %$/);
    // The answer typed before the upload was saved with it.
    await expect(page.getByLabel("Beschreiben Sie den Gegenstand")).toHaveValue("Schwarzes Handy");

    // A refused file: the server's message at the field, as without JavaScript.
    await waitForHydration(page);
    await page.getByLabel(/^Foto/).setInputFiles({ name: "foto.png", mimeType: "image/png", buffer: Buffer.from("%PDF-1.7 kein Bild") });
    await page.getByRole("button", { name: "Datei hochladen" }).click();
    await expect(page.locator("#foto-error")).toContainText("Diese Datei können wir nicht annehmen");
    await expect(page.locator(".request-files")).toContainText("handy.png");
    await checkA11y(page, "upload refused with JavaScript");
  });
});
