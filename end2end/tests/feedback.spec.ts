import { test, expect, waitForHydration, checkA11y } from "../support/fixtures";

// The accessibility statement's feedback form: a plain form, so the same journey must work with
// and without JavaScript. A message that is too short comes back with an error summary that
// links to the field and keeps what was typed; a proper message is thanked for.
test.describe("accessibility feedback", () => {
  test("errors keep the input, then the message is sent @nojs", async ({ page }, testInfo) => {
    await page.goto("/barrierefreiheit");
    await waitForHydration(page);
    const form = page.locator("form.feedback-form");
    await form.getByLabel("Was ist Ihnen aufgefallen?").fill("zu kurz");
    await form.getByLabel("Auf welcher Seite? (freiwillig)").fill("/impressum");
    await form.getByRole("button", { name: "Nachricht senden" }).click();

    await expect(page).toHaveURL(/\/barrierefreiheit\?rueckmeldung=[0-9a-f]{32}/);
    const summary = page.getByRole("alert");
    await expect(summary).toContainText("Bitte prüfen Sie Ihre Angaben");
    await expect(summary.getByRole("link")).toHaveAttribute("href", "#feedback-message");
    await expect(page.getByLabel("Was ist Ihnen aufgefallen?")).toHaveValue("zu kurz");
    await expect(page.getByLabel("Was ist Ihnen aufgefallen?")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Auf welcher Seite? (freiwillig)")).toHaveValue("/impressum");
    if (testInfo.project.name !== "no-js") {
      await checkA11y(page, "feedback form with errors");
    }

    await page.getByLabel("Was ist Ihnen aufgefallen?").fill("Der Fokusrahmen im Kopfbereich ist kaum zu sehen.");
    await page.getByRole("button", { name: "Nachricht senden" }).click();
    await expect(page).toHaveURL(/\/barrierefreiheit\?rueckmeldung=danke/);
    await expect(page.getByRole("main").getByRole("status")).toContainText("Vielen Dank!");
    if (testInfo.project.name !== "no-js") {
      await checkA11y(page, "feedback sent");
    }
  });

  test("the English form answers in English", async ({ page }) => {
    await page.goto("/en/accessibility");
    await waitForHydration(page);
    await page.getByLabel("What did you notice?").fill("short");
    await page.getByRole("button", { name: "Send message" }).click();
    await expect(page).toHaveURL(/\/en\/accessibility\?rueckmeldung=/);
    await expect(page.getByRole("alert")).toContainText("Please describe what you noticed in at least 10 characters.");
  });
});
