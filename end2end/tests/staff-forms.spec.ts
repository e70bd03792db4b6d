import { test, expect, checkA11y, waitForHydration, type Page } from "../support/fixtures";
import { accountOf, needsStaffAccounts, signIn } from "../support/staff";

// The form builder (issue #7): an editor adds a yes/no question and a text question shown only
// after "Ja", previews the form and hands it in; another person (a publisher) publishes it; a
// resident fills the new version, sees the follow-up question appear and submits. Axe on every
// builder page; every control of the form page is reached with the Tab key, and the question
// editor is sent with the Enter key. Each project edits its own service, so parallel projects
// never share a working version.

function isoInDays(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return date.toISOString().slice(0, 10);
}

const next = (page: Page) => page.getByRole("button", { name: "Weiter", exact: true }).click();

/** Per project: a service with a form, and how a resident gets through its pages before the contact page. */
const SERVICES: Record<string, { slug: string; fillUntilContact: (page: Page) => Promise<void> }> = {
  desktop: {
    slug: "laermbeschwerde-melden",
    fillUntilContact: async (page) => {
      await page.getByRole("group", { name: "Woher kommt der Lärm?" }).getByLabel("Baustelle").check();
      await page.getByRole("group", { name: "Wann ist es laut?" }).getByLabel("Tagsüber").check();
      await page.getByLabel(/^Beschreiben Sie den Lärm/).fill("Die Baustelle nebenan ist jeden Tag ab 6 Uhr sehr laut.");
      await next(page);
      await next(page); // the place is optional
    },
  },
  phone: {
    slug: "verlorenes-suchen",
    fillUntilContact: async (page) => {
      await page.getByRole("group", { name: "Was ist es?" }).getByLabel("Schlüssel").check();
      await page.getByLabel(/^Beschreiben Sie den Gegenstand/).fill("Ein Schlüsselbund mit drei Schlüsseln und einem roten Anhänger.");
      await next(page);
      await page.getByLabel(/^Wo ungefähr\?/).fill("Am Nordkopf");
      await page.getByLabel(/^Wann haben Sie es zuletzt gesehen\?/).fill(isoInDays(-2));
      await page.getByRole("group", { name: /War es in einem Bus\?/ }).getByLabel("Nein").check();
      await next(page);
    },
  },
};

test.describe("form builder", () => {
  test.beforeEach(() => needsStaffAccounts());
  test.describe.configure({ timeout: 240_000 });

  test("an editor adds a question with a show-if rule, a publisher publishes, a resident fills the new version", async ({ page, browser }) => {
    const service = SERVICES[test.info().project.name];
    test.skip(!service, "the staff pages have their own no-JavaScript router tests");
    const run = Date.now().toString(36);
    const question = `Dürfen wir Sie anrufen? ${run}`;
    const followUp = `Wann sind Sie am besten erreichbar? ${run}`;
    const form = `/verwaltung/formulare/${service.slug}`;

    // The editor: the overview, the form, a yes/no question on the contact page.
    await signIn(page, accountOf("editor"), "editor");
    await page.getByRole("navigation", { name: "Verwaltung" }).getByRole("link", { name: "Antragsformulare" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Antragsformulare" })).toBeVisible();
    await checkA11y(page, "forms overview");
    await page.goto(form);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Formular:");
    await expect(page.getByRole("main")).toContainText(/Version \d+ online/);
    await checkA11y(page, "form");
    await page.screenshot({ path: test.info().outputPath(`form-${test.info().project.name}.png`), fullPage: true });
    await page.getByRole("link", { name: "Frage zu „Wie können wir Sie erreichen?“ hinzufügen" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Neue Frage auf „Wie können wir Sie erreichen?“");
    await checkA11y(page, "new question");

    // A bad identifier comes back in German with what was typed.
    await page.getByLabel("Kennung").fill("Anruf Erlaubt!");
    await page.getByLabel("Art der Antwort").selectOption({ label: "Ja oder Nein" });
    await page.getByLabel("Frage (Deutsch)").fill(question);
    await page.getByRole("button", { name: "Frage speichern" }).click();
    await expect(page.locator(".kern-error").first()).toContainText(/Kennung|Kleinbuchstaben/);
    await expect(page.getByLabel("Frage (Deutsch)")).toHaveValue(question);
    await checkA11y(page, "question with an error");
    await page.getByLabel("Kennung").fill(`anruf-${run}`);
    await page.getByLabel("Antwort ist Pflicht").check();
    await page.getByRole("button", { name: "Frage speichern" }).click();
    await expect(page).toHaveURL(new RegExp(`${form}#seite-kontakt$`));
    await expect(page.getByRole("status").filter({ hasText: "Frage gespeichert" })).toBeVisible();
    await expect(page.getByRole("main")).toContainText(/Entwurf Version \d+/);
    await expect(page.getByRole("main")).toContainText(question);

    // The follow-up question, typed and sent with the keyboard only.
    await page.getByRole("link", { name: "Frage zu „Wie können wir Sie erreichen?“ hinzufügen" }).click();
    await page.getByLabel("Kennung").focus();
    await page.keyboard.type(`erreichbar-${run}`);
    await page.getByLabel("Frage (Deutsch)").focus();
    await page.keyboard.type(followUp);
    await page.getByLabel("Antwort ist Pflicht").focus();
    await page.keyboard.press("Space");
    await page.getByLabel("Frage davor").selectOption(`anruf-${run}`);
    await page.getByLabel(/^mit einem dieser Werte/).focus();
    await page.keyboard.type("ja");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`${form}#seite-kontakt$`));
    await expect(page.getByRole("main")).toContainText(`nur wenn „anruf-${run}“ = ja`);

    // Keyboard only: Tab from the top reaches every link and button of the form page.
    const targets = await page.evaluate(() => {
      const items = Array.from(document.querySelectorAll<HTMLElement>("main a[href], main button, main textarea"));
      items.forEach((item, index) => item.setAttribute("data-tab-target", String(index)));
      return items.length;
    });
    const reached = new Set<string>();
    for (let press = 0; press < targets * 2 + 40 && reached.size < targets; press++) {
      await page.keyboard.press("Tab");
      const index = await page.evaluate(() => document.activeElement?.getAttribute("data-tab-target") ?? "");
      if (index) reached.add(index);
    }
    expect(reached.size, "every link and button of the form page is reached with Tab").toBe(targets);

    await page.getByRole("link", { name: "Seite hinzufügen" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Neue Seite");
    await checkA11y(page, "new page");
    await page.getByRole("link", { name: "Abbrechen" }).click();
    await page.getByRole("link", { name: "Vorschau" }).click();
    await expect(page.getByRole("main")).toContainText(`Wird nur gezeigt, wenn „anruf-${run}“ mit ja beantwortet ist`);
    await expect(page.getByRole("main").getByLabel(followUp)).toBeVisible();
    await checkA11y(page, "preview");
    await page.screenshot({ path: test.info().outputPath(`form-preview-${test.info().project.name}.png`), fullPage: true });
    await page.goto(form);
    await page.getByRole("button", { name: "Zur Prüfung geben" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Zur Prüfung gegeben." })).toBeVisible();
    await expect(page.getByRole("button", { name: "Veröffentlichen" })).toHaveCount(0);

    // Another person publishes.
    const publisher = await (await browser.newContext()).newPage();
    await signIn(publisher, accountOf("publisher"), "publisher");
    await publisher.goto(form);
    await expect(publisher.getByRole("main")).toContainText(/Version \d+ in Prüfung/);
    await checkA11y(publisher, "form in review");
    await publisher.getByRole("button", { name: "Veröffentlichen" }).click();
    await expect(publisher.getByRole("status").filter({ hasText: "Veröffentlicht." })).toBeVisible();

    // A resident fills the new version: the follow-up appears after "Ja" and is required.
    const resident = await (await browser.newContext()).newPage();
    await resident.goto(`/leistungen/${service.slug}/antrag`);
    await resident.getByRole("button", { name: "Jetzt starten" }).click();
    await service.fillUntilContact(resident);
    await resident.getByLabel("Ihr vollständiger Name").fill("Erika Formular");
    await resident.getByRole("group", { name: new RegExp(question.replace(/[?]/g, "\\?")) }).getByLabel("Ja").check();
    await expect(resident.getByLabel(new RegExp(followUp.replace(/[?]/g, "\\?")))).toBeVisible();
    await next(resident);
    await expect(resident.getByRole("main")).toContainText(`Bitte geben Sie „${followUp}“ an.`);
    await checkA11y(resident, "new question missing its answer");
    // Typing the answer takes the message away at once (the live checks island), and the page
    // moves up by its height: wait for that, or the click on "Weiter" can land where the
    // button was (seen once in CI).
    await waitForHydration(resident);
    const answer = resident.getByLabel(new RegExp(followUp.replace(/[?]/g, "\\?")));
    await answer.fill("Werktags nach 17 Uhr");
    await expect(answer).not.toHaveAttribute("aria-invalid", "true");
    await next(resident);
    await expect(resident.getByRole("main")).toContainText(question);
    await expect(resident.getByRole("main")).toContainText("Werktags nach 17 Uhr");
    await resident.getByLabel(/Ich bestätige/).check();
    await resident.getByRole("button", { name: "Verbindlich absenden" }).click();
    await expect(resident.getByRole("heading", { level: 1 })).toHaveText("Antrag abgeschickt");
  });
});
